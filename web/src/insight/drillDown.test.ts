import { describe, expect, it } from 'vitest'
import {
  childDimension,
  closeCases,
  drillFromQuery,
  drillInto,
  drillQuery,
  openCases,
  regionLevel,
  rowFilter,
  siblingLists,
  trail,
  type DrillState,
} from './drillDown'

const SUBDISTRICT = '440704003000'
const COMMUNITY = '440704003001'
const GRID = '440704003001001'

describe('drill-down', () => {
  it('levelsFollowTheRegionCode', () => {
    expect(regionLevel(SUBDISTRICT)).toBe('subdistrict')
    expect(regionLevel(COMMUNITY)).toBe('community')
    expect(regionLevel(GRID)).toBe('grid')
    expect(regionLevel('440704000000')).toBe('district')
  })

  it('aSubdistrictShowsCommunitiesACommunityGridsAGridOnlyItsCases', () => {
    expect(childDimension(SUBDISTRICT)).toBe('community')
    expect(childDimension(COMMUNITY)).toBe('grid')
    expect(childDimension(GRID)).toBeNull()
  })

  it('theTrailRunsFromTheUsersScopeDown', () => {
    expect(trail(GRID, SUBDISTRICT)).toEqual([SUBDISTRICT, COMMUNITY, GRID])
    expect(trail(GRID, COMMUNITY)).toEqual([COMMUNITY, GRID])
    expect(trail(SUBDISTRICT, SUBDISTRICT)).toEqual([SUBDISTRICT])
  })

  it('aRowSelectsItsOwnFilter', () => {
    expect(rowFilter('community', COMMUNITY)).toEqual({ region: COMMUNITY })
    expect(rowFilter('department', 'URBAN')).toEqual({ department: 'URBAN' })
    expect(rowFilter('source', 'HOTLINE')).toEqual({ source: 'HOTLINE' })
  })

  it('fromACommunitysClosureRateToItsCasesAndBackSurvivesTheUrl', () => {
    let state: DrillState = drillFromQuery({})
    expect(state).toEqual({ region: null, rows: 'region', cases: null })
    state = openCases(state, 'closed', 'community', COMMUNITY)
    expect(drillFromQuery(drillQuery(state))).toEqual(state)
    expect(siblingLists('closed')).toEqual(['closed', 'accepted', 'notClosed'])
    state = closeCases(state)
    expect(state.cases).toBeNull()
    state = drillInto({ ...state, rows: 'department' }, COMMUNITY)
    expect(state).toEqual({ region: COMMUNITY, rows: 'region', cases: null })
    expect(drillQuery(state)).toEqual({ region: COMMUNITY })
  })

  it('aBadUrlIsIgnoredPartByPart', () => {
    expect(drillFromQuery({ region: '44', rows: 'x', indicator: 'closed', by: 'nope', key: 'k' })).toEqual({
      region: null,
      rows: 'region',
      cases: { indicator: 'closed' },
    })
  })
})
