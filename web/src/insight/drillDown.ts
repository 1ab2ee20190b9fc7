import type { BreakdownBy, IndicatorKey, InsightQuery } from './insightApi'

export type RegionLevel = 'grid' | 'community' | 'subdistrict' | 'district'

/** The level of a 12-digit region code or a 15-digit grid code. */
export function regionLevel(code: string): RegionLevel {
  if (code.length === 15) return 'grid'
  if (code.slice(9, 12) !== '000') return 'community'
  if (code.slice(6, 9) !== '000') return 'subdistrict'
  return 'district'
}

/** The rows one level down from a region: communities of a subdistrict (or higher), grids of a community; none under a grid. */
export function childDimension(code: string): 'community' | 'grid' | null {
  const level = regionLevel(code)
  if (level === 'grid') return null
  return level === 'community' ? 'grid' : 'community'
}

/** The parent of a region within the drill-down (grid → community → subdistrict); null at the subdistrict or above. */
export function parentRegion(code: string): string | null {
  switch (regionLevel(code)) {
    case 'grid':
      return code.slice(0, 12)
    case 'community':
      return `${code.slice(0, 9)}000`
    default:
      return null
  }
}

/** The regions from `root` down to `code` (both included); just `[code]` when `root` does not contain it. */
export function trail(code: string, root: string | null): string[] {
  const chain: string[] = []
  for (let c: string | null = code; c; c = parentRegion(c)) {
    chain.unshift(c)
    if (c === root) return chain
  }
  return root && chain.includes(root) ? chain.slice(chain.indexOf(root)) : chain
}

/** What the statistics table's rows are: the regions one level down, or another dimension. */
export type RowsBy = 'region' | Exclude<BreakdownBy, 'community' | 'grid'>

/** The filter that selects one row of a breakdown (a region, a department, a category, a source). */
export function rowFilter(by: BreakdownBy, key: string): InsightQuery {
  switch (by) {
    case 'community':
    case 'grid':
      return { region: key }
    case 'department':
      return { department: key }
    case 'category':
      return { category: key }
    case 'source':
      return { source: key }
  }
}

/** The drill-down as the statistics page keeps it in its URL: the region shown, the rows, the open case list. */
export interface DrillState {
  region: string | null
  rows: RowsBy
  /** The case list behind a number: the indicator list and the row it belongs to (absent: the total row). */
  cases: { indicator: string; by?: BreakdownBy; key?: string } | null
}

const ROWS: readonly RowsBy[] = ['region', 'department', 'category', 'source']
const BYS: readonly BreakdownBy[] = ['community', 'grid', 'category', 'department', 'source']

export function drillFromQuery(query: Record<string, unknown>): DrillState {
  const s = (v: unknown) => (typeof v === 'string' && v ? v : undefined)
  const region = s(query.region)
  const rows = s(query.rows)
  const indicator = s(query.indicator)
  const by = s(query.by)
  const key = s(query.key)
  return {
    region: region && /^\d{12}(\d{3})?$/.test(region) ? region : null,
    rows: rows && (ROWS as readonly string[]).includes(rows) ? (rows as RowsBy) : 'region',
    cases: indicator
      ? by && key && (BYS as readonly string[]).includes(by)
        ? { indicator, by: by as BreakdownBy, key }
        : { indicator }
      : null,
  }
}

export function drillQuery(state: DrillState): Record<string, string> {
  const q: Record<string, string> = {}
  if (state.region) q.region = state.region
  if (state.rows !== 'region') q.rows = state.rows
  if (state.cases) {
    q.indicator = state.cases.indicator
    if (state.cases.by && state.cases.key) {
      q.by = state.cases.by
      q.key = state.cases.key
    }
  }
  return q
}

/** Into a region: its rows, no case list. */
export const drillInto = (state: DrillState, region: string): DrillState => ({ ...state, region, rows: 'region', cases: null })

/** Opens the list of the cases behind a number. */
export const openCases = (state: DrillState, indicator: string, by?: BreakdownBy, key?: string): DrillState => ({
  ...state,
  cases: by && key ? { indicator, by, key } : { indicator },
})

export const closeCases = (state: DrillState): DrillState => ({ ...state, cases: null })

/**
 * The case lists behind each figure the table shows: a count links to its own list, a rate to its
 * numerator first, then the lists that make up its denominator.
 */
export const FIGURE_LISTS: Partial<Record<IndicatorKey, readonly string[]>> = {
  reported: ['reported'],
  accepted: ['accepted'],
  closed: ['closed'],
  closureRate: ['closed', 'accepted', 'notClosed'],
  handled: ['handled'],
  onTimeHandlingRate: ['handledOnTime', 'handled', 'handledLate'],
  onTimeAcceptanceRate: ['acceptedOnTime', 'acceptedLate'],
  correctDispatchRate: ['dispatched', 'returned'],
  reworkRate: ['reworked', 'verified'],
  solvedOnTheSpot: ['solvedOnTheSpot'],
  overdueNow: ['overdueNow'],
  dueSoon: ['dueSoon'],
  rated: ['rated'],
  satisfactionRate: ['ratedGood', 'rated'],
}

/** The other lists that belong to the same figure as `indicator` (for the tabs above a case list). */
export function siblingLists(indicator: string): readonly string[] {
  for (const lists of Object.values(FIGURE_LISTS)) if (lists && lists.length > 1 && lists.includes(indicator)) return lists
  return [indicator]
}
