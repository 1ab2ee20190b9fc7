import { describe, expect, it } from 'vitest'
import type { BreakdownRow, Indicators } from './insightApi'
import { pushLive, rankByClosure, rollUpToClasses, topWithOther } from './dashboardModel'

const row = (key: string, reported: number, closureRate: number | null): BreakdownRow => ({
  key,
  name: key,
  nameEn: null,
  indicators: { reported, closureRate } as Indicators,
})

describe('dashboard model', () => {
  it('rankingsPutTheBestClosureRateFirstAndRowsWithoutARateLast', () => {
    const ranked = rankByClosure([row('a', 10, 0.9), row('b', 5, null), row('c', 3, 1), row('d', 20, 0.9)])
    expect(ranked.map((r) => r.key)).toEqual(['c', 'd', 'a', 'b'])
  })

  it('theCategoryChartShowsTheTopCategoriesAndSumsTheRest', () => {
    const rows = [row('a', 10, 1), row('b', 5, 1), row('c', 3, 1), row('d', 2, 1), row('e', 0, null)]
    expect(topWithOther(rows, 2)).toEqual([
      { key: 'a', name: 'a', value: 10 },
      { key: 'b', name: 'b', value: 5 },
      { key: null, name: '', value: 5 },
    ])
    expect(topWithOther(rows, 10)).toHaveLength(4)
  })

  it('theLiveFeedKeepsTheNewestAndShowsAnUpdatedCaseOnce', () => {
    let feed: { id: string; v: number }[] = []
    for (let i = 0; i < 5; i++) feed = pushLive(feed, { id: String(i), v: i }, 3)
    expect(feed.map((c) => c.id)).toEqual(['4', '3', '2'])
    feed = pushLive(feed, { id: '2', v: 99 }, 3)
    expect(feed).toEqual([{ id: '2', v: 99 }, { id: '4', v: 4 }, { id: '3', v: 3 }])
  })

  it('leavesAreSummedIntoTheirClassesAndAnUnknownLeafStandsAlone', () => {
    const env = { code: 'ENV', name: '环境', nameEn: 'Environment' }
    const classes = new Map([
      ['a', env],
      ['b', env],
    ])
    const rolled = rollUpToClasses([row('a', 3, 1), row('b', 4, 1), row('x', 2, 1)], classes)
    expect(rolled.map((r) => [r.key, r.indicators.reported])).toEqual([
      ['ENV', 7],
      ['x', 2],
    ])
  })
})
