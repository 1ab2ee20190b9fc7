import { describe, expect, it } from 'vitest'
import type { CaseSummary } from './casesApi'
import {
  ACTION_DIALOGS,
  actionButtons,
  assigneeKey,
  countdown,
  dialogFor,
  formatCountdown,
  groupInbox,
  matchesQuery,
  mergeCase,
  missingFields,
  parseAssigneeKey,
  pendingExtensionView,
  STATUS_TAG,
  TRACKING_CODE,
  type ActionForm,
} from './caseModel'
import { CASE_STATUSES } from './casesApi'

const summary = (over: Partial<CaseSummary> = {}): CaseSummary => ({
  id: 'c1',
  trackingCode: 'K7QX-3M9T-P2WD',
  status: 'REPORTED',
  source: 'HOTLINE',
  categoryCode: 'SR_GARBAGE',
  categoryName: '暴露垃圾',
  gridCode: '440704003001001',
  gridName: '一网格',
  communityCode: '440704003001',
  communityName: '外海社区',
  unassigned: false,
  description: '路边垃圾堆放',
  reportedAt: '2026-11-30T01:00:00Z',
  deadline: '2026-11-30T05:00:00Z',
  dueSoon: false,
  overdue: false,
  supervised: false,
  assignee: null,
  version: 1,
  ...over,
})

const emptyForm = (over: Partial<ActionForm> = {}): ActionForm => ({
  note: '',
  reason: '',
  result: '',
  assignee: '',
  mergeInto: '',
  newDeadline: '',
  photos: [],
  gridCode: '',
  ...over,
})

describe('status colours', () => {
  it('everyStatusHasAColour', () => {
    expect(Object.keys(STATUS_TAG).sort()).toEqual([...CASE_STATUSES].sort())
  })

  it('casesSentBackAreRedAndFinishedOnesGrey', () => {
    expect(STATUS_TAG.RETURNED).toBe('danger')
    expect(STATUS_TAG.REWORK).toBe('danger')
    expect(STATUS_TAG.CLOSED).toBe('info')
    expect(STATUS_TAG.REJECTED).toBe('info')
    expect(STATUS_TAG.MERGED).toBe('info')
    expect(STATUS_TAG.HANDLED).toBe('success')
    expect(STATUS_TAG.DISPATCHED).toBe('warning')
  })
})

describe('action buttons and dialogs', () => {
  it('buttonsAreExactlyTheAllowedActionsAUserAsksFor', () => {
    expect(actionButtons(['ACCEPT', 'REJECT', 'MERGE', 'SUPERVISE'])).toEqual(['ACCEPT', 'REJECT', 'MERGE', 'SUPERVISE'])
    // Recorded by the system or by a resident, never a button of the back office.
    expect(actionButtons(['RATE', 'MARK_OVERDUE', 'MARK_DUE_SOON', 'REPORT', 'SOLVE_ON_THE_SPOT'])).toEqual([])
    expect(actionButtons(undefined)).toEqual([])
    expect(actionButtons([])).toEqual([])
  })

  it('anActionNotAllowedHasNoButtonEvenIfItHasADialog', () => {
    expect(actionButtons(['START'])).not.toContain('HANDLE')
  })

  it('eachActionAsksForWhatTheContractNeeds', () => {
    expect(dialogFor('DISPATCH')?.required).toEqual(['assignee'])
    expect(dialogFor('REDISPATCH')?.required).toEqual(['assignee'])
    expect(dialogFor('REJECT')?.required).toEqual(['reason'])
    expect(dialogFor('RETURN')?.required).toEqual(['reason'])
    expect(dialogFor('MERGE')?.required).toEqual(['mergeInto'])
    expect(dialogFor('HANDLE')?.fields).toEqual(['result', 'photos'])
    expect(dialogFor('HANDLE')?.required).toEqual(['result'])
    expect(dialogFor('REQUEST_EXTENSION')?.required).toEqual(['newDeadline', 'reason'])
    expect(dialogFor('APPROVE_EXTENSION')?.showsPendingExtension).toBe(true)
    expect(dialogFor('SUPERVISE')?.required).toEqual(['note'])
    expect(dialogFor('VERIFY_FAIL')?.fields).toContain('photos')
    // The server reads why verification failed from `reason`.
    expect(dialogFor('VERIFY_FAIL')?.required).toEqual(['reason'])
    expect(dialogFor('VERIFY_PASS')?.fields).toContain('photos')
    expect(dialogFor('ASSIGN_GRID')?.required).toEqual(['gridCode'])
    expect(dialogFor('RATE')).toBeNull()
  })

  it('everyRequiredFieldIsAlsoAskedFor', () => {
    for (const [action, dialog] of Object.entries(ACTION_DIALOGS)) {
      for (const field of dialog!.required) expect(dialog!.fields, action).toContain(field)
    }
  })

  it('aRequiredFieldLeftBlankKeepsTheActionFromBeingSent', () => {
    expect(missingFields('REJECT', emptyForm({ reason: '   ' }))).toEqual(['reason'])
    expect(missingFields('REJECT', emptyForm({ reason: '重复上报' }))).toEqual([])
    expect(missingFields('REQUEST_EXTENSION', emptyForm({ reason: '材料未到' }))).toEqual(['newDeadline'])
    expect(missingFields('ACCEPT', emptyForm())).toEqual([])
  })

  it('anAssigneeTravelsAsOneSelectValue', () => {
    expect(parseAssigneeKey(assigneeKey('DEPARTMENT', 'URBAN_MGMT'))).toEqual({ kind: 'DEPARTMENT', targetId: 'URBAN_MGMT' })
    expect(parseAssigneeKey(assigneeKey('GRID_WORKER', '0190-ab:cd'))).toEqual({ kind: 'GRID_WORKER', targetId: '0190-ab:cd' })
    expect(parseAssigneeKey('NOBODY:1')).toBeNull()
    expect(parseAssigneeKey('')).toBeNull()
  })

  it('thePendingExtensionIsReadWhateverItsShape', () => {
    expect(pendingExtensionView(null)).toBeNull()
    expect(pendingExtensionView('2026-12-01T08:00:00Z')).toEqual({ deadline: '2026-12-01T08:00:00Z', reason: null })
    expect(pendingExtensionView({ newDeadline: '2026-12-01T08:00:00Z', reason: '等材料' })).toEqual({
      deadline: '2026-12-01T08:00:00Z',
      reason: '等材料',
    })
  })
})

describe('deadline countdown', () => {
  const t = (key: string, named: Record<string, unknown> = {}) =>
    `${key}(${Object.entries(named)
      .map(([k, v]) => `${k}=${v}`)
      .join(',')})`
  const now = Date.parse('2026-11-30T00:00:00Z')

  it('countsDaysHoursAndMinutesLeft', () => {
    expect(countdown('2026-12-02T03:25:00Z', now)).toMatchObject({ overdue: false, days: 2, hours: 3, minutes: 25 })
  })

  it('aPassedDeadlineIsOverdueByTheTimeSince', () => {
    expect(countdown('2026-11-29T22:30:00Z', now)).toMatchObject({ overdue: true, days: 0, hours: 1, minutes: 30 })
  })

  it('noDeadlineNoCountdown', () => {
    expect(countdown(null, now)).toBeNull()
    expect(countdown('not a date', now)).toBeNull()
    expect(formatCountdown(null, t)).toBe('')
  })

  it('showsDaysAndHoursOrMinutesUnderAnHour', () => {
    expect(formatCountdown(countdown('2026-12-02T03:25:00Z', now), t)).toBe(
      'cases.time.left(span=cases.time.days(n=2) cases.time.hours(n=3))',
    )
    expect(formatCountdown(countdown('2026-11-30T00:40:00Z', now), t)).toBe('cases.time.left(span=cases.time.minutes(n=40))')
    expect(formatCountdown(countdown('2026-11-29T22:30:00Z', now), t)).toBe('cases.time.overdueBy(span=cases.time.hours(n=1))')
  })
})

describe('the queue and its live updates', () => {
  it('filtersMatchLikeTheServer', () => {
    const item = summary({ status: 'DISPATCHED', dueSoon: true })
    expect(matchesQuery(item, {})).toBe(true)
    expect(matchesQuery(item, { status: ['DISPATCHED', 'RETURNED'] })).toBe(true)
    expect(matchesQuery(item, { status: ['REPORTED'] })).toBe(false)
    expect(matchesQuery(item, { dueSoon: true })).toBe(true)
    expect(matchesQuery(item, { overdue: true })).toBe(false)
    expect(matchesQuery(item, { category: 'OTHER' })).toBe(false)
    expect(matchesQuery(item, { grid: '440704003001001', community: '440704003001' })).toBe(true)
    expect(matchesQuery(item, { source: 'PATROL' })).toBe(false)
    expect(matchesQuery(item, { unassigned: true })).toBe(false)
    expect(matchesQuery(item, { q: 'k7qx' })).toBe(true)
    expect(matchesQuery(item, { q: '垃圾' })).toBe(true)
    expect(matchesQuery(item, { q: '噪音' })).toBe(false)
  })

  it('aChangedCaseOnThePageIsUpdatedInPlace', () => {
    const rows = [summary({ id: 'a' }), summary({ id: 'b' }), summary({ id: 'c' })]
    const result = mergeCase(rows, summary({ id: 'b', status: 'ACCEPTED', version: 2 }), {})
    expect(result.updated).toBe(true)
    expect(result.fresh).toBe(false)
    expect(result.rows.map((r) => [r.id, r.status])).toEqual([
      ['a', 'REPORTED'],
      ['b', 'ACCEPTED'],
      ['c', 'REPORTED'],
    ])
    expect(rows[1].status).toBe('REPORTED')
  })

  it('anOlderPushNeverOverwritesANewerRow', () => {
    const rows = [summary({ id: 'a', status: 'DISPATCHED', version: 5 })]
    const result = mergeCase(rows, summary({ id: 'a', status: 'ACCEPTED', version: 4 }), {})
    expect(result.updated).toBe(false)
    expect(result.rows[0].status).toBe('DISPATCHED')
  })

  it('aNewCaseMatchingTheFiltersIsAnnouncedNotInserted', () => {
    const rows = [summary({ id: 'a' })]
    const result = mergeCase(rows, summary({ id: 'z' }), { status: ['REPORTED'] })
    expect(result.fresh).toBe(true)
    expect(result.rows.map((r) => r.id)).toEqual(['a'])
  })

  it('aNewCaseOutsideTheFiltersIsIgnored', () => {
    const result = mergeCase([], summary({ id: 'z', status: 'CLOSED' }), { status: ['REPORTED'] })
    expect(result).toEqual({ rows: [], fresh: false, updated: false })
  })
})

describe('department inbox', () => {
  it('groupsByWhatTheDepartmentHasToDoSoonestDeadlineFirst', () => {
    const groups = groupInbox([
      summary({ id: 'late', status: 'DISPATCHED', deadline: '2026-12-03T00:00:00Z' }),
      summary({ id: 'none', status: 'DISPATCHED', deadline: null }),
      summary({ id: 'soon', status: 'DISPATCHED', deadline: '2026-12-01T00:00:00Z' }),
      summary({ id: 'work', status: 'IN_PROGRESS' }),
      summary({ id: 'again', status: 'REWORK' }),
    ])
    expect(groups.toAccept.map((c) => c.id)).toEqual(['soon', 'late', 'none'])
    expect(groups.inProgress.map((c) => c.id)).toEqual(['work'])
    expect(groups.rework.map((c) => c.id)).toEqual(['again'])
  })
})

describe('merge target', () => {
  it('recognisesATrackingCodeWithOrWithoutHyphens', () => {
    expect(TRACKING_CODE.test('K7QX-3M9T-P2WD')).toBe(true)
    expect(TRACKING_CODE.test('k7qx3m9tp2wd')).toBe(true)
    expect(TRACKING_CODE.test('K7QX-3M9T-P2W')).toBe(false)
    // Crockford base32 has no I, L, O or U.
    expect(TRACKING_CODE.test('IIII-LLLL-OOOO')).toBe(false)
  })
})
