import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { useCaseStream } from './useCaseStream'
import type { CaseSummary } from './casesApi'

class FakeSource {
  static made: FakeSource[] = []
  readyState = 0
  closed = false
  onopen: ((e: Event) => void) | null = null
  onerror: ((e: Event) => void) | null = null
  private listeners = new Map<string, ((e: Event) => void)[]>()
  constructor(readonly url: string) {
    FakeSource.made.push(this)
  }
  addEventListener(name: string, fn: (e: Event) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn])
  }
  close() {
    this.closed = true
    this.readyState = 2
  }
  open() {
    this.readyState = 1
    this.onopen?.(new Event('open'))
  }
  emit(name: string, data: string) {
    for (const fn of this.listeners.get(name) ?? []) fn(new MessageEvent(name, { data }))
  }
  fail(closed: boolean) {
    this.readyState = closed ? 2 : 0
    this.onerror?.(new Event('error'))
  }
}

function host(onCase: (c: CaseSummary) => void) {
  let state: ReturnType<typeof useCaseStream> | null = null
  const wrapper = mount(
    defineComponent({
      setup() {
        state = useCaseStream(onCase, { create: (url) => new FakeSource(url) as unknown as EventSource, backoff: () => 1000 })
        return () => h('div')
      },
    }),
  )
  return { wrapper, state: () => state! }
}

describe('useCaseStream', () => {
  beforeEach(() => {
    FakeSource.made = []
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('handsEachCaseEventToTheListAndIgnoresMalformedOnes', () => {
    const seen: string[] = []
    const { state } = host((c) => seen.push(c.id))
    const source = FakeSource.made[0]
    expect(source.url).toBe('/api/cases/stream')
    source.open()
    expect(state().connected.value).toBe(true)
    source.emit('case', JSON.stringify({ id: 'a' }))
    source.emit('case', '{not json')
    source.emit('case', JSON.stringify({ id: 'b' }))
    expect(seen).toEqual(['a', 'b'])
  })

  it('reopensTheStreamAfterTheServerClosedIt', () => {
    const { state } = host(() => {})
    FakeSource.made[0].open()
    FakeSource.made[0].fail(true)
    expect(state().connected.value).toBe(false)
    expect(FakeSource.made).toHaveLength(1)
    vi.advanceTimersByTime(1000)
    expect(FakeSource.made).toHaveLength(2)
    FakeSource.made[1].open()
    expect(state().connected.value).toBe(true)
  })

  it('letsTheBrowserRetryWhileTheSourceIsStillConnecting', () => {
    host(() => {})
    FakeSource.made[0].fail(false)
    vi.advanceTimersByTime(60000)
    expect(FakeSource.made).toHaveLength(1)
  })

  it('closesTheStreamWhenThePageIsLeft', () => {
    const { wrapper } = host(() => {})
    FakeSource.made[0].fail(true)
    wrapper.unmount()
    expect(FakeSource.made[0].closed).toBe(true)
    vi.advanceTimersByTime(60000)
    expect(FakeSource.made).toHaveLength(1)
  })
})
