import { describe, expect, it } from 'vitest'
import { mapCells, type GridMap } from './insightApi'

const scope = { code: '440704000000', name: '外海街道', nameEn: 'Waihai', level: 'SUBDISTRICT' } as unknown as GridMap['scope']

describe('the map answer in columns', () => {
  it('eachGridGetsTheFiguresAtItsCodesPosition', () => {
    const cells = mapCells({
      scope,
      level: 'grid',
      keys: ['440704001001001', '440704001001002', '440704002001001'],
      reported: [12, 0, 3],
      overdueNow: [1, 4, 0],
    })
    expect([...cells.keys()]).toEqual(['440704001001001', '440704001001002', '440704002001001'])
    expect(cells.get('440704001001002')).toEqual({ key: '440704001001002', reported: 0, overdueNow: 4 })
    expect(cells.get('440704002001001')).toEqual({ key: '440704002001001', reported: 3, overdueNow: 0 })
    expect(cells.get('440704009009009')).toBeUndefined()
  })

  it('noMapYetMeansNoCells', () => {
    expect(mapCells(undefined).size).toBe(0)
    expect(mapCells(null).size).toBe(0)
    expect(mapCells({ scope, level: 'grid', keys: [], reported: [], overdueNow: [] }).size).toBe(0)
  })
})
