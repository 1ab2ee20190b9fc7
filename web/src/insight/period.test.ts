import { describe, expect, it } from 'vitest'
import { DEMO_PERIOD, granularityFor, periodFromQuery, periodParams, periodQuery, yearPeriod } from './period'

describe('period → query parameters', () => {
  it('aPresetIsSentAsPeriod', () => {
    expect(periodParams({ kind: 'today' })).toEqual({ period: 'today' })
    expect(periodParams({ kind: 'year' })).toEqual({ period: 'year' })
  })

  it('aCustomRangeIsSentAsFromAndToNeverWithPeriod', () => {
    expect(periodParams({ kind: 'custom', from: '2024-01-01', to: '2024-12-31' })).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    })
  })

  it('anIncompleteCustomRangeFallsBackToTheMonthInsteadOfAnIncompleteQuery', () => {
    expect(periodParams({ kind: 'custom', from: '2024-01-01' })).toEqual({ period: 'month' })
  })

  it('theDemoPeriodIsTheArticlesYear', () => {
    expect(periodParams(DEMO_PERIOD)).toEqual({ from: '2024-01-01', to: '2024-12-31' })
    expect(yearPeriod(2024)).toEqual(DEMO_PERIOD)
  })

  it('theRouteQueryRoundTrips', () => {
    for (const p of [{ kind: 'week' as const }, DEMO_PERIOD]) expect(periodFromQuery(periodQuery(p))).toEqual(p)
  })

  it('aBadRouteQueryNamesNoPeriod', () => {
    expect(periodFromQuery({})).toBeNull()
    expect(periodFromQuery({ period: 'decade' })).toBeNull()
    expect(periodFromQuery({ period: 'custom' })).toBeNull()
    expect(periodFromQuery({ from: '2024-13', to: '2024-12-31' })).toBeNull()
  })

  it('aReversedRangeInTheUrlIsPutRightRatherThanRefused', () => {
    expect(periodFromQuery({ from: '2024-12-31', to: '2024-01-01' })).toEqual(DEMO_PERIOD)
  })

  it('theTrendIsDailyForAMonthWeeklyForAQuarterMonthlyForAYear', () => {
    expect(granularityFor('2024-03-01', '2024-03-31')).toBe('day')
    expect(granularityFor('2024-01-01', '2024-05-31')).toBe('week')
    expect(granularityFor('2024-01-01', '2024-12-31')).toBe('month')
  })
})
