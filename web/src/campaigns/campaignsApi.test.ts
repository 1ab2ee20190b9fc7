import { describe, expect, it } from 'vitest'
import { completion } from './campaignsApi'

describe('completion', () => {
  it('countsDoneAndMissedAsRecorded', () => {
    expect(completion({ targets: 5, due: 5, done: 2, missed: 1, pending: 2, overdue: 0 })).toBe(60)
  })
  it('isZeroWhenNothingIsDue', () => {
    expect(completion({ targets: 5, due: 0, done: 0, missed: 0, pending: 0, overdue: 3 })).toBe(0)
  })
})
