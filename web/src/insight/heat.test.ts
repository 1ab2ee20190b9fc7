import { describe, expect, it } from 'vitest'
import { density, heatClass } from './heat'

describe('map colouring', () => {
  it('aGridWithoutCasesHasNoColourClass', () => {
    expect(heatClass(0, 10)).toBe(-1)
    expect(heatClass(undefined, 10)).toBe(-1)
    expect(heatClass(3, 0)).toBe(-1)
  })

  it('theBusiestGridIsInTheTopClassAndClassesSplitTheRangeInFive', () => {
    expect(heatClass(10, 10)).toBe(4)
    expect(heatClass(1, 10)).toBe(0)
    expect(heatClass(5, 10)).toBe(2)
    expect(heatClass(8.1, 10)).toBe(4)
  })

  it('densityIsCasesPerSquareKilometre', () => {
    expect(density(50, 2_000_000)).toBe(25)
    expect(density(5, 0)).toBe(0)
  })
})
