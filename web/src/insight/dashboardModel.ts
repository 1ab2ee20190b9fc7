import type { BreakdownRow, Indicators } from './insightApi'

/** The headline tiles in display order, with how each value is shown. */
export const TILES: readonly { key: keyof Indicators; unit: 'count' | 'ratio'; tone?: 'warn' | 'alert' }[] = [
  { key: 'reported', unit: 'count' },
  { key: 'accepted', unit: 'count' },
  { key: 'closed', unit: 'count' },
  { key: 'closureRate', unit: 'ratio' },
  { key: 'onTimeHandlingRate', unit: 'ratio' },
  { key: 'reworkRate', unit: 'ratio' },
  { key: 'overdueNow', unit: 'count', tone: 'alert' },
  { key: 'dueSoon', unit: 'count', tone: 'warn' },
  { key: 'satisfactionRate', unit: 'ratio' },
]

/**
 * A ranking: highest closure rate first; rows without a rate (nothing accepted) last; ties by more
 * cases reported, then by name — the same order on every refresh.
 */
export function rankByClosure(rows: readonly BreakdownRow[]): BreakdownRow[] {
  return [...rows].sort((a, b) => {
    const ra = a.indicators.closureRate
    const rb = b.indicators.closureRate
    if (ra === null && rb !== null) return 1
    if (rb === null && ra !== null) return -1
    if (ra !== null && rb !== null && ra !== rb) return rb - ra
    if (a.indicators.reported !== b.indicators.reported) return b.indicators.reported - a.indicators.reported
    return a.key.localeCompare(b.key)
  })
}

/** The largest `n` rows by reported cases, the rest summed into one "other" entry. */
export function topWithOther(rows: readonly BreakdownRow[], n: number): { name: string; value: number; key: string | null }[] {
  const sorted = [...rows].filter((r) => r.indicators.reported > 0).sort((a, b) => b.indicators.reported - a.indicators.reported)
  const top = sorted.slice(0, n).map((r) => ({ key: r.key, name: r.name, value: r.indicators.reported }))
  const rest = sorted.slice(n).reduce((sum, r) => sum + r.indicators.reported, 0)
  return rest > 0 ? [...top, { key: null, name: '', value: rest }] : top
}

/** Keeps the newest `max` cases of the live feed, newest first, one entry per case (an update replaces it). */
export function pushLive<T extends { id: string }>(feed: readonly T[], item: T, max = 30): T[] {
  return [item, ...feed.filter((c) => c.id !== item.id)].slice(0, max)
}

/** Leaf rows summed into their classes (the chart shows classes: a few dozen leaves would not fit). */
export function rollUpToClasses(
  rows: readonly BreakdownRow[],
  classOf: ReadonlyMap<string, { code: string; name: string; nameEn: string | null }>,
): BreakdownRow[] {
  const sums = new Map<string, BreakdownRow>()
  for (const r of rows) {
    const c = classOf.get(r.key) ?? { code: r.key, name: r.name, nameEn: r.nameEn }
    const sum = sums.get(c.code)
    if (sum) sum.indicators = { ...sum.indicators, reported: sum.indicators.reported + r.indicators.reported }
    else sums.set(c.code, { key: c.code, name: c.name, nameEn: c.nameEn, indicators: { ...r.indicators } })
  }
  return [...sums.values()]
}
