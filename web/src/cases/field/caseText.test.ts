import { describe, expect, it } from 'vitest'
import { actionPath, fieldActions, latestHandling, reportPhotos } from './caseText'
import type { CaseAction } from '../casesApi'
import type { TimelineEntry } from './fieldApi'

const entry = (action: CaseAction, note: string | null, attachmentIds: string[] = []): TimelineEntry => ({
  at: '2026-11-30T08:00:00Z',
  actorName: 'x',
  role: 'DEPARTMENT',
  from: null,
  to: 'HANDLED',
  action,
  note,
  attachmentIds,
})

describe('case text helpers', () => {
  it('theVerificationScreenShowsTheLatestHandlingAfterRework', () => {
    const timeline = [
      entry('REPORT', null, ['r1']),
      entry('HANDLE', 'first try', ['h1']),
      entry('VERIFY_FAIL', 'still dirty'),
      entry('RESUME', null),
      entry('HANDLE', 'cleaned again', ['h2']),
    ]
    expect(latestHandling({ timeline })).toMatchObject({ note: 'cleaned again', attachmentIds: ['h2'] })
    expect(reportPhotos({ timeline })).toEqual(['r1'])
  })

  it('aCaseSolvedOnTheSpotShowsTheWorkersResult', () => {
    expect(latestHandling({ timeline: [entry('SOLVE_ON_THE_SPOT', 'moved the bikes')] })?.note).toBe('moved the bikes')
    expect(latestHandling({ timeline: [entry('REPORT', null)] })).toBeNull()
  })

  it('actionsAreNamedInKebabCaseInTheUrl', () => {
    expect(actionPath('VERIFY_PASS')).toBe('verify-pass')
    expect(actionPath('START')).toBe('start')
  })

  it('onlyTheFieldActionsTheServerAllowsAreOffered', () => {
    expect(fieldActions(['CLOSE', 'VERIFY_FAIL', 'VERIFY_PASS', 'SUPERVISE'])).toEqual(['VERIFY_PASS', 'VERIFY_FAIL'])
    expect(fieldActions([])).toEqual([])
  })
})
