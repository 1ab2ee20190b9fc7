import { describe, expect, it } from 'vitest'
import { locate, needsMapFallback, POOR_ACCURACY_M } from './geolocate'

function fakeGeo(answer: { coords?: Partial<GeolocationCoordinates>; errorCode?: number; throws?: boolean }): Geolocation {
  return {
    getCurrentPosition(success: PositionCallback, failure?: PositionErrorCallback | null) {
      if (answer.throws) throw new Error('insecure')
      if (answer.coords) success({ coords: answer.coords, timestamp: 0 } as GeolocationPosition)
      else failure?.({ code: answer.errorCode!, message: '' } as GeolocationPositionError)
    },
    watchPosition: () => 0,
    clearWatch: () => undefined,
  } as unknown as Geolocation
}

describe('locate', () => {
  it('aFixGivesTheWgs84PointAndItsAccuracy', async () => {
    const result = await locate(fakeGeo({ coords: { longitude: 113.13, latitude: 22.55, accuracy: 12.4 } }))
    expect(result).toEqual({ ok: true, fix: { lon: 113.13, lat: 22.55, accuracy: 12 } })
    expect(needsMapFallback(result)).toBe(false)
  })

  it('withoutGeolocationThePageFallsBackToTheMap', async () => {
    const result = await locate(undefined)
    expect(result).toEqual({ ok: false, reason: 'unsupported' })
    expect(needsMapFallback(result)).toBe(true)
  })

  it('aRefusalNoSignalAndATimeoutEachFallBackToTheMap', async () => {
    expect(await locate(fakeGeo({ errorCode: 1 }))).toEqual({ ok: false, reason: 'denied' })
    expect(await locate(fakeGeo({ errorCode: 2 }))).toEqual({ ok: false, reason: 'unavailable' })
    expect(await locate(fakeGeo({ errorCode: 3 }))).toEqual({ ok: false, reason: 'timeout' })
    expect(await locate(fakeGeo({ throws: true }))).toEqual({ ok: false, reason: 'unsupported' })
    expect(needsMapFallback({ ok: false, reason: 'denied' })).toBe(true)
  })

  it('aPoorFixIsOfferedForCorrectionOnTheMap', async () => {
    const poor = await locate(fakeGeo({ coords: { longitude: 113, latitude: 22, accuracy: POOR_ACCURACY_M + 1 } }))
    expect(poor.ok).toBe(true)
    expect(needsMapFallback(poor)).toBe(true)
  })
})
