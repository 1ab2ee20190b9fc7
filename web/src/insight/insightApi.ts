import { api, withQuery } from '../platform/api'
import type { CaseSource } from '../cases/casesApi'

// ---- the contract of src/main/java/io/gridgov/insight/internal/InsightController.java (docs/design.md, Insight) ----

/** Rates are ratios 0–1, durations seconds; null when the denominator is 0. */
export interface Indicators {
  reported: number
  accepted: number
  closed: number
  closureRate: number | null
  handled: number
  handledOnTime: number
  onTimeHandlingRate: number | null
  acceptedByCommandCentre: number
  acceptedOnTime: number
  onTimeAcceptanceRate: number | null
  dispatched: number
  returned: number
  correctDispatchRate: number | null
  verified: number
  reworked: number
  reworkRate: number | null
  solvedOnTheSpot: number
  overdueNow: number | null
  dueSoon: number | null
  averageTimeToAcceptSeconds: number | null
  p90TimeToAcceptSeconds: number | null
  averageTimeToHandleSeconds: number | null
  p90TimeToHandleSeconds: number | null
  rated: number
  averageRating: number | null
  ratedGood: number
  satisfactionRate: number | null
}
export type IndicatorKey = keyof Indicators

export interface InsightScope {
  period: { from: string; to: string }
  region: string
  regionName: string
  category: string | null
  source: string | null
  department: string | null
}

export interface Summary {
  scope: InsightScope
  indicators: Indicators
}
export interface TrendPoint {
  start: string
  end: string
  indicators: Indicators
}
export interface Trend {
  scope: InsightScope
  granularity: Granularity
  points: TrendPoint[]
}
export interface BreakdownRow {
  key: string
  name: string
  nameEn: string | null
  indicators: Indicators
}
export interface Breakdown {
  scope: InsightScope
  by: BreakdownBy
  /** Every row, or one page of them (`page` and `size` set) in the order asked for. */
  rows: BreakdownRow[]
  /** How many rows the whole breakdown has. */
  total: number
  sort: BreakdownSort
  order: 'asc' | 'desc'
  page: number | null
  size: number | null
}
/** Which rows of a breakdown, in which order: by key (default), or by an indicator (high to low by default). */
export interface BreakdownPage {
  sort?: BreakdownSort
  order?: 'asc' | 'desc'
  /** Zero-based. */
  page?: number
  size?: number
}
export type BreakdownSort = 'key' | keyof Indicators
/** The dashboard map's figures for one grid: cases reported in the period and overdue now. */
export interface GridMapCell {
  key: string
  reported: number
  overdueNow: number
}
/**
 * The dashboard map's figures as the server sends them, in columns (a city has 10,000 grids): the
 * grids' codes and, at the same positions, cases reported in the period and overdue now.
 */
export interface GridMap {
  scope: InsightScope
  level: 'grid'
  keys: string[]
  reported: number[]
  overdueNow: number[]
}
/** The map's figures by grid code. */
export function mapCells(map: GridMap | undefined | null): Map<string, GridMapCell> {
  const cells = new Map<string, GridMapCell>()
  if (!map) return cells
  map.keys.forEach((key, i) => cells.set(key, { key, reported: map.reported[i], overdueNow: map.overdueNow[i] }))
  return cells
}
export interface CountedCase {
  caseId: string
  status: string
  gridCode: string | null
  /** The grid's name (null outside every grid). */
  gridName: string | null
  communityCode: string | null
  categoryCode: string
  departmentCode: string | null
  source: CaseSource
  reportedAt: string
  countedAt: string
}
export interface CountedCases {
  scope: InsightScope
  indicator: string
  page: { items: CountedCase[]; page: number; size: number; total: number }
}

export interface Text {
  zh: string
  en: string
}
export interface Definition {
  key: string
  unit: 'count' | 'ratio' | 'seconds' | 'stars'
  name: Text
  definition: Text
}
export interface Definitions {
  zone: string
  indicators: Definition[]
  /** The `indicator` values `/cases` accepts. */
  caseIndicators: string[]
}

export type Granularity = 'day' | 'week' | 'month'
export type BreakdownBy = 'community' | 'grid' | 'category' | 'department' | 'source'

/** Filters shared by summary, trend, breakdown and cases (period already turned into query params). */
export interface InsightQuery {
  period?: string
  from?: string
  to?: string
  region?: string
  category?: string
  source?: string
  department?: string
}

const base = '/api/insight'
export const insightApi = {
  definitions: () => api.get<Definitions>(`${base}/definitions`),
  summary: (q: InsightQuery, signal?: AbortSignal) => api.get<Summary>(withQuery(`${base}/summary`, { ...q }), { signal }),
  trend: (q: InsightQuery, granularity: Granularity) =>
    api.get<Trend>(withQuery(`${base}/trend`, { ...q, granularity })),
  breakdown: (q: InsightQuery, by: BreakdownBy, rows: BreakdownPage = {}) =>
    api.get<Breakdown>(withQuery(`${base}/breakdown`, { ...q, by, ...rows })),
  map: (q: InsightQuery) => api.get<GridMap>(withQuery(`${base}/map`, { ...q })),
  cases: (q: InsightQuery, indicator: string, page: number, size: number) =>
    api.get<CountedCases>(withQuery(`${base}/cases`, { ...q, indicator, page, size })),
}
