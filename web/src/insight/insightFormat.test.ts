import { describe, expect, it } from 'vitest'
import { NONE, formatCount, formatDuration, formatRate, formatStars, formatValue } from './insightFormat'

describe('indicator formatting', () => {
  it('aRateWithoutDenominatorShowsADash', () => {
    expect(formatRate(null)).toBe(NONE)
    expect(formatRate(undefined)).toBe(NONE)
    expect(formatRate(Number.NaN)).toBe(NONE)
    expect(formatValue('ratio', null)).toBe('—')
  })

  it('theArticlesClosureRateRoundsToOneDecimal', () => {
    expect(formatRate(0.99398)).toBe('99.4 %')
    expect(formatRate(1)).toBe('100.0 %')
    expect(formatRate(0)).toBe('0.0 %')
    expect(formatRate(0.99949)).toBe('99.9 %')
  })

  it('countsHaveThousandsSeparatorsAndZeroIsAFigureNotADash', () => {
    expect(formatCount(6747)).toBe('6,747')
    expect(formatCount(0)).toBe('0')
    expect(formatCount(null)).toBe(NONE)
  })

  it('durationsShowTheTwoLargestUnits', () => {
    expect(formatDuration(90000, 'zh-CN')).toBe('1天1小时')
    expect(formatDuration(90000, 'en')).toBe('1d 1h')
    expect(formatDuration(1100, 'en')).toBe('18min 20s')
    expect(formatDuration(0, 'en')).toBe('0s')
    expect(formatDuration(null)).toBe(NONE)
  })

  it('starsHaveOneDecimal', () => {
    expect(formatStars(4.4567)).toBe('4.5 ★')
    expect(formatStars(null)).toBe(NONE)
  })
})
