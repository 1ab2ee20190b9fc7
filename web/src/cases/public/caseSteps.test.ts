import { describe, expect, it } from 'vitest'
import { STEPS, stepView, type CaseStatus } from './caseSteps'

const ALL: CaseStatus[] = [
  'REPORTED',
  'ACCEPTED',
  'REJECTED',
  'MERGED',
  'DISPATCHED',
  'RETURNED',
  'IN_PROGRESS',
  'HANDLED',
  'VERIFIED',
  'REWORK',
  'CLOSED',
]

describe('stepView', () => {
  it('theStepsFollowTheLoopInOrder', () => {
    expect(STEPS).toEqual(['REPORTED', 'ACCEPTED', 'DISPATCHED', 'HANDLED', 'VERIFIED', 'CLOSED'])
  })

  it('eachMainStatusFinishesItsOwnStepAndEveryOneBefore', () => {
    for (const status of ['REPORTED', 'ACCEPTED', 'DISPATCHED', 'HANDLED', 'VERIFIED'] as const) {
      const view = stepView(status)
      expect(view.active, status).toBe(STEPS.indexOf(status) + 1)
      expect(view.processStatus).toBe('process')
      expect(view.stoppedBy).toBeNull()
    }
  })

  it('aClosedCaseHasEveryStepFinished', () => {
    expect(stepView('CLOSED')).toEqual({ active: 6, processStatus: 'finish', stoppedBy: null, note: null })
  })

  it('handlingInProgressAndReworkShowTheHandledStepAsCurrentWithANote', () => {
    expect(stepView('IN_PROGRESS')).toMatchObject({ active: 3, note: 'IN_PROGRESS' })
    expect(stepView('REWORK')).toMatchObject({ active: 3, note: 'REWORK' })
  })

  it('aReturnedCaseWaitsForDispatchAgain', () => {
    expect(stepView('RETURNED')).toMatchObject({ active: 2, note: 'RETURNED' })
  })

  it('rejectedAndMergedStopAfterTheReportAndSaySo', () => {
    expect(stepView('REJECTED')).toEqual({ active: 1, processStatus: 'error', stoppedBy: 'REJECTED', note: null })
    expect(stepView('MERGED')).toMatchObject({ active: 1, stoppedBy: 'MERGED' })
  })

  it('everyStatusHasAView', () => {
    for (const status of ALL) expect(stepView(status).active, status).toBeGreaterThanOrEqual(1)
  })
})
