import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { debounce } from './debounce'

describe('debounced refresh on case events', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('aBurstOfEventsRefreshesOnceAfterItEnds', () => {
    const refresh = vi.fn()
    const onEvent = debounce(refresh, 1000)
    for (let i = 0; i < 5; i++) {
      onEvent()
      vi.advanceTimersByTime(200)
    }
    expect(refresh).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1000)
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('aSteadyStreamStillRefreshesAtTheLatestAfterMaxWait', () => {
    const refresh = vi.fn()
    const onEvent = debounce(refresh, 1000, 3000)
    for (let i = 0; i < 20; i++) {
      onEvent()
      vi.advanceTimersByTime(500)
    }
    // 10 s of events every 0.5 s: never quiet for 1 s, yet refreshed every 3 s.
    expect(refresh.mock.calls.length).toBeGreaterThanOrEqual(3)
  })

  it('cancelDropsThePendingRefresh', () => {
    const refresh = vi.fn()
    const onEvent = debounce(refresh, 1000)
    onEvent()
    onEvent.cancel()
    vi.advanceTimersByTime(5000)
    expect(refresh).not.toHaveBeenCalled()
  })
})
