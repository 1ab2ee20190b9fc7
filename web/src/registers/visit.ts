/** A position from the device, rounded to about a metre; null when the user refuses or it takes too long. */
export interface Position {
  longitude: number
  latitude: number
}

export function currentPosition(
  geolocation: Geolocation | undefined = typeof navigator !== 'undefined' ? navigator.geolocation : undefined,
  timeoutMs = 8000,
): Promise<Position | null> {
  if (!geolocation) return Promise.resolve(null)
  return new Promise((resolve) => {
    geolocation.getCurrentPosition(
      (p) =>
        resolve({
          longitude: Math.round(p.coords.longitude * 1e6) / 1e6,
          latitude: Math.round(p.coords.latitude * 1e6) / 1e6,
        }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    )
  })
}

/** A visit time the server accepts: not in the future (it allows 5 minutes of clock skew), not older than a year. */
export function visitTimeProblem(at: Date | null, now: Date = new Date()): 'required' | 'future' | 'tooOld' | null {
  if (!at || Number.isNaN(at.getTime())) return 'required'
  if (at.getTime() > now.getTime() + 5 * 60_000) return 'future'
  if (at.getTime() < now.getTime() - 366 * 86_400_000) return 'tooOld'
  return null
}
