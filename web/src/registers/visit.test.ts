import { describe, expect, it } from 'vitest'
import { currentPosition, visitTimeProblem } from './visit'

const geolocation = (outcome: 'ok' | 'denied') =>
  ({
    getCurrentPosition: (ok: PositionCallback, fail: PositionErrorCallback) =>
      outcome === 'ok'
        ? ok({ coords: { longitude: 113.123456789, latitude: 22.5000004 } } as GeolocationPosition)
        : fail({ code: 1 } as GeolocationPositionError),
  }) as unknown as Geolocation

describe('visit', () => {
  it('thePositionComesFromTheDeviceRounded', async () => {
    expect(await currentPosition(geolocation('ok'))).toEqual({ longitude: 113.123457, latitude: 22.5 })
  })

  it('aRefusedOrMissingPositionIsNoPositionNotAnError', async () => {
    expect(await currentPosition(geolocation('denied'))).toBeNull()
    expect(await currentPosition(undefined)).toBeNull()
  })

  it('theVisitTimeMayNotBeInTheFutureNorOlderThanAYear', () => {
    const now = new Date('2026-11-30T10:00:00Z')
    expect(visitTimeProblem(now, now)).toBeNull()
    expect(visitTimeProblem(new Date('2026-11-30T10:04:00Z'), now)).toBeNull()
    expect(visitTimeProblem(new Date('2026-11-30T10:10:00Z'), now)).toBe('future')
    expect(visitTimeProblem(new Date('2025-11-01T10:00:00Z'), now)).toBe('tooOld')
    expect(visitTimeProblem(null, now)).toBe('required')
  })
})
