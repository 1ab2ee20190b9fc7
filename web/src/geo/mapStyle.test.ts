import { describe, expect, it } from 'vitest'
import { filterGrids, formatArea, gridColor, gridStyle, GRID_TYPE_COLORS, POI_STYLE, poiStyle } from './mapStyle'
import { GRID_TYPES, POI_KINDS, type GridProperties } from './geoApi'

describe('grid colours', () => {
  it('eachGridTypeHasItsOwnColour', () => {
    const colours = GRID_TYPES.map((type) => gridColor(type))
    expect(new Set(colours).size).toBe(GRID_TYPES.length)
    expect(gridColor('INDUSTRIAL_PARK')).toBe(GRID_TYPE_COLORS.INDUSTRIAL_PARK)
  })

  it('anUnknownTypeGetsANeutralColourInsteadOfFailing', () => {
    expect(gridColor('SOMETHING_NEW')).toMatch(/^#[0-9a-f]{6}$/)
    expect(GRID_TYPES.map((type) => gridColor(type))).not.toContain(gridColor(null))
  })

  it('theFillFollowsTheTypeAndTheSelectionIsStronger', () => {
    const plain = gridStyle('RESIDENTIAL')
    const selected = gridStyle('RESIDENTIAL', true)
    expect(plain.fillColor).toBe(GRID_TYPE_COLORS.RESIDENTIAL)
    expect(selected.fillColor).toBe(GRID_TYPE_COLORS.RESIDENTIAL)
    expect(selected.weight!).toBeGreaterThan(plain.weight!)
    expect(selected.fillOpacity!).toBeGreaterThan(plain.fillOpacity!)
  })
})

describe('points of interest', () => {
  it('everyKindHasAColourAndAGlyph', () => {
    for (const kind of POI_KINDS) {
      expect(POI_STYLE[kind].color).toMatch(/^#[0-9a-f]{6}$/)
      expect(POI_STYLE[kind].glyph.length).toBe(1)
    }
    expect(poiStyle('UNHEARD_OF')).toEqual(POI_STYLE.OTHER)
  })
})

describe('formatArea', () => {
  it('smallAreasInSquareMetresLargeOnesInSquareKilometres', () => {
    expect(formatArea(12345.6)).toBe('12,346 m²')
    expect(formatArea(1_234_567)).toBe('1.23 km²')
    expect(formatArea(null)).toBe('')
  })
})

describe('filterGrids', () => {
  const grid = (code: string, name: string): GridProperties => ({
    code,
    name,
    type: 'MIXED',
    parent: code.slice(0, 12),
    parentName: '城隍社区',
    areaM2: 1,
    version: 1,
  })
  const grids = [grid('440704003001001', '城隍社区第1网格'), grid('440704003002001', '外海社区第1网格')]

  it('findsByCodePrefixOrNameFragment', () => {
    expect(filterGrids(grids, '440704003001').map((g) => g.code)).toEqual(['440704003001001'])
    expect(filterGrids(grids, '外海').map((g) => g.code)).toEqual(['440704003002001'])
    expect(filterGrids(grids, '  ')).toEqual([])
  })
})
