/** A position in WGS-84 (what the browser and the API speak) with its accuracy in metres. */
export interface Fix {
  lon: number
  lat: number
  accuracy: number
}

/** A point in WGS-84. */
export interface Point {
  lon: number
  lat: number
}

/** The position of a report as the form holds it. */
export interface PositionValue {
  point: Point | null
  /** Metres; null when placed on the map by hand. */
  accuracy: number | null
  source: 'gps' | 'map' | null
}

export const NO_POSITION: PositionValue = Object.freeze({ point: null, accuracy: null, source: null }) as PositionValue

export type LocateFailure = 'unsupported' | 'denied' | 'unavailable' | 'timeout'
export type LocateResult = { ok: true; fix: Fix } | { ok: false; reason: LocateFailure }

/** Beyond this accuracy the position is offered for correction on the map. */
export const POOR_ACCURACY_M = 100

/**
 * One position from the device. Never rejects: a missing API (or an insecure page, where
 * browsers refuse), a refusal, no signal or a timeout are answers the page falls back on.
 */
export function locate(geo: Geolocation | undefined = globalThis.navigator?.geolocation, timeoutMs = 15_000): Promise<LocateResult> {
  if (!geo) return Promise.resolve({ ok: false, reason: 'unsupported' })
  return new Promise((resolve) => {
    try {
      geo.getCurrentPosition(
        (p) =>
          resolve({
            ok: true,
            fix: { lon: p.coords.longitude, lat: p.coords.latitude, accuracy: Math.round(p.coords.accuracy) },
          }),
        (error) =>
          resolve({
            ok: false,
            reason: error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'unavailable',
          }),
        { enableHighAccuracy: true, maximumAge: 10_000, timeout: timeoutMs },
      )
    } catch {
      resolve({ ok: false, reason: 'unsupported' })
    }
  })
}

/** Whether the page should open the map for the user to place (or correct) the point. */
export function needsMapFallback(result: LocateResult): boolean {
  return !result.ok || result.fix.accuracy > POOR_ACCURACY_M
}
