import type { InsightQuery } from './insightApi'

/** The period kinds the pages offer; the presets end today (Asia/Shanghai, as the server counts). */
export type PeriodKind = 'today' | 'week' | 'month' | 'year' | 'custom'
export const PERIOD_KINDS: readonly PeriodKind[] = ['today', 'week', 'month', 'year', 'custom']

export interface Period {
  kind: PeriodKind
  /** Inclusive ISO dates, only for `custom`. */
  from?: string
  to?: string
}

/**
 * The period of the Waihai demo's case history (the article's figures: 6,747 cases, 99.4 % closed),
 * see `CaseHistoryDemo`; the dashboard opens on it when the server runs the demo.
 */
export const DEMO_PERIOD: Period = { kind: 'custom', from: '2024-01-01', to: '2024-12-31' }
export const DEFAULT_PERIOD: Period = { kind: 'month' }

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** The query parameters of `/api/insight/**` for a period: `period=` for a preset, `from`/`to` for a range. */
export function periodParams(period: Period): Pick<InsightQuery, 'period' | 'from' | 'to'> {
  if (period.kind === 'custom') {
    if (period.from && period.to) return { from: period.from, to: period.to }
    return { period: DEFAULT_PERIOD.kind }
  }
  return { period: period.kind }
}

/** A period from a route query (`?period=year` or `?from=…&to=…`); null when the query names none. */
export function periodFromQuery(query: Record<string, unknown>): Period | null {
  const from = typeof query.from === 'string' ? query.from : undefined
  const to = typeof query.to === 'string' ? query.to : undefined
  if (from && to && ISO_DATE.test(from) && ISO_DATE.test(to)) {
    return from <= to ? { kind: 'custom', from, to } : { kind: 'custom', from: to, to: from }
  }
  const kind = query.period
  if (typeof kind === 'string' && (PERIOD_KINDS as readonly string[]).includes(kind) && kind !== 'custom') {
    return { kind: kind as PeriodKind }
  }
  return null
}

/** The route query of a period (the inverse of `periodFromQuery`). */
export function periodQuery(period: Period): Record<string, string> {
  const params = periodParams(period)
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<string, string>
}

/** A whole calendar year as a custom range. */
export function yearPeriod(year: number): Period {
  return { kind: 'custom', from: `${year}-01-01`, to: `${year}-12-31` }
}

/** The trend's granularity for a period: days up to two months, weeks up to half a year, months beyond. */
export function granularityFor(from: string, to: string): 'day' | 'week' | 'month' {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000 + 1
  if (!Number.isFinite(days) || days <= 62) return 'day'
  if (days <= 190) return 'week'
  return 'month'
}
