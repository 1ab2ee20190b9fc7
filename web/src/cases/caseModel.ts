import type { CaseAction, CaseQuery, CaseStatus, CaseSummary, PendingExtension } from './casesApi'

export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

/**
 * The colour of a status: grey for what is finished or off the loop, blue while the command centre
 * holds it, orange while it waits for someone else, red when it came back, green once handled.
 */
export const STATUS_TAG: Record<CaseStatus, TagType> = {
  REPORTED: 'primary',
  ACCEPTED: 'primary',
  DISPATCHED: 'warning',
  IN_PROGRESS: 'warning',
  RETURNED: 'danger',
  REWORK: 'danger',
  HANDLED: 'success',
  VERIFIED: 'success',
  CLOSED: 'info',
  REJECTED: 'info',
  MERGED: 'info',
}

export const statusTag = (status: string): TagType => STATUS_TAG[status as CaseStatus] ?? 'info'

/** Statuses in which a case is still open (not final). */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'REPORTED',
  'ACCEPTED',
  'DISPATCHED',
  'RETURNED',
  'IN_PROGRESS',
  'HANDLED',
  'VERIFIED',
  'REWORK',
]

/** The inputs an action dialog asks for. */
export type DialogField = 'note' | 'reason' | 'result' | 'assignee' | 'mergeInto' | 'newDeadline' | 'photos' | 'gridCode'

export interface ActionDialog {
  fields: DialogField[]
  /** Fields that must be filled in before the action is sent. */
  required: DialogField[]
  button: TagType
  /** Shows the extension the assignee asked for. */
  showsPendingExtension?: boolean
}

/** What each action a user may take asks for (the contract's action body). */
export const ACTION_DIALOGS: Partial<Record<CaseAction, ActionDialog>> = {
  ACCEPT: { fields: ['note'], required: [], button: 'primary' },
  REJECT: { fields: ['reason'], required: ['reason'], button: 'danger' },
  MERGE: { fields: ['mergeInto', 'note'], required: ['mergeInto'], button: 'info' },
  DISPATCH: { fields: ['assignee', 'note'], required: ['assignee'], button: 'primary' },
  REDISPATCH: { fields: ['assignee', 'note'], required: ['assignee'], button: 'primary' },
  ASSIGN_GRID: { fields: ['gridCode', 'note'], required: ['gridCode'], button: 'primary' },
  START: { fields: ['note'], required: [], button: 'primary' },
  RETURN: { fields: ['reason'], required: ['reason'], button: 'danger' },
  HANDLE: { fields: ['result', 'photos'], required: ['result'], button: 'success' },
  REQUEST_EXTENSION: { fields: ['newDeadline', 'reason'], required: ['newDeadline', 'reason'], button: 'warning' },
  APPROVE_EXTENSION: { fields: ['note'], required: [], button: 'warning', showsPendingExtension: true },
  RESUME: { fields: ['note'], required: [], button: 'primary' },
  VERIFY_PASS: { fields: ['note', 'photos'], required: [], button: 'success' },
  VERIFY_FAIL: { fields: ['reason', 'photos'], required: ['reason'], button: 'danger' },
  SUPERVISE: { fields: ['note'], required: ['note'], button: 'warning' },
  CLOSE: { fields: ['note'], required: [], button: 'primary' },
}

/** The buttons of a case: exactly the allowed actions a user asks for through a dialog, in the server's order. */
export function actionButtons(allowed: readonly CaseAction[] | null | undefined): CaseAction[] {
  return (allowed ?? []).filter((action) => action in ACTION_DIALOGS)
}

export const dialogFor = (action: CaseAction): ActionDialog | null => ACTION_DIALOGS[action] ?? null

/** The dialog's form, as the user filled it in. */
export interface ActionForm {
  note: string
  reason: string
  result: string
  assignee: string
  mergeInto: string
  newDeadline: string
  photos: string[]
  gridCode: string
}

/** The required fields of an action that the form leaves empty. */
export function missingFields(action: CaseAction, form: ActionForm): DialogField[] {
  const dialog = dialogFor(action)
  if (!dialog) return []
  return dialog.required.filter((field) => {
    const value = form[field]
    return Array.isArray(value) ? value.length === 0 : !String(value ?? '').trim()
  })
}

/** `DEPARTMENT:URBAN_MGMT` ↔ `{kind, targetId}`: an assignee as one select value. */
export const assigneeKey = (kind: string, targetId: string) => `${kind}:${targetId}`
export function parseAssigneeKey(key: string): { kind: 'DEPARTMENT' | 'GRID_WORKER'; targetId: string } | null {
  const at = key.indexOf(':')
  if (at < 0) return null
  const kind = key.slice(0, at)
  if (kind !== 'DEPARTMENT' && kind !== 'GRID_WORKER') return null
  return { kind, targetId: key.slice(at + 1) }
}

// ---- deadlines ----

export interface Countdown {
  overdue: boolean
  days: number
  hours: number
  minutes: number
  /** Milliseconds from now to the deadline (negative once passed). */
  remainingMs: number
}

/** How far a deadline is from `now`, in whole days, hours and minutes (rounded down). */
export function countdown(deadline: string | null | undefined, now: number): Countdown | null {
  if (!deadline) return null
  const at = Date.parse(deadline)
  if (Number.isNaN(at)) return null
  const remainingMs = at - now
  const total = Math.floor(Math.abs(remainingMs) / 60000)
  return {
    overdue: remainingMs < 0,
    days: Math.floor(total / 1440),
    hours: Math.floor((total % 1440) / 60),
    minutes: total % 60,
    remainingMs,
  }
}

type Translate = (key: string, named?: Record<string, unknown>) => string

/** `2天3小时` / `2d 3h` left, or the same overdue; minutes only under an hour. */
export function formatCountdown(c: Countdown | null, t: Translate): string {
  if (!c) return ''
  const parts: string[] = []
  if (c.days) parts.push(t('cases.time.days', { n: c.days }))
  if (c.hours) parts.push(t('cases.time.hours', { n: c.hours }))
  if (!c.days && !c.hours) parts.push(t('cases.time.minutes', { n: c.minutes }))
  const span = parts.join(' ')
  return c.overdue ? t('cases.time.overdueBy', { span }) : t('cases.time.left', { span })
}

/** A seconds figure as `1h 5m` / `3d 2h`. */
export function formatDuration(seconds: number | null | undefined, t: Translate): string {
  if (seconds === null || seconds === undefined) return '—'
  const c = countdown(new Date(seconds * 1000).toISOString(), 0)!
  const parts: string[] = []
  if (c.days) parts.push(t('cases.time.days', { n: c.days }))
  if (c.hours) parts.push(t('cases.time.hours', { n: c.hours }))
  if (!c.days) parts.push(t('cases.time.minutes', { n: c.minutes }))
  return parts.join(' ')
}

// ---- the list and its live updates ----

/** Whether a case (e.g. one pushed by the stream) belongs in a list with these filters. */
export function matchesQuery(item: CaseSummary, query: Partial<CaseQuery>): boolean {
  if (query.status?.length && !query.status.includes(item.status)) return false
  if (query.category && item.categoryCode !== query.category) return false
  if (query.grid && item.gridCode !== query.grid) return false
  if (query.community && item.communityCode !== query.community) return false
  if (query.source && item.source !== query.source) return false
  if (query.dueSoon && !item.dueSoon) return false
  if (query.overdue && !item.overdue) return false
  if (query.unassigned && !item.unassigned) return false
  if (query.supervised && !item.supervised) return false
  const q = query.q?.trim().toLowerCase()
  if (q && !`${item.trackingCode} ${item.description} ${item.categoryName}`.toLowerCase().includes(q)) return false
  return true
}

export interface MergeResult {
  rows: CaseSummary[]
  /** The case is not on the page but belongs in the list: it counts towards the "N new cases" banner. */
  fresh: boolean
  /** A row on the page was replaced. */
  updated: boolean
}

/**
 * Merges one pushed case into the rows of the page: a row on the page is replaced in place (unless
 * the push is older than what the page holds); a case that is not on the page and matches the
 * filters is announced instead of shifting the rows under the user's eyes.
 */
export function mergeCase(rows: readonly CaseSummary[], pushed: CaseSummary, query: Partial<CaseQuery>): MergeResult {
  const at = rows.findIndex((row) => row.id === pushed.id)
  if (at >= 0) {
    if (pushed.version < rows[at].version) return { rows: [...rows], fresh: false, updated: false }
    const next = [...rows]
    next[at] = { ...rows[at], ...pushed }
    return { rows: next, fresh: false, updated: true }
  }
  return { rows: [...rows], fresh: matchesQuery(pushed, query), updated: false }
}

// ---- inbox ----

export type InboxGroup = 'toAccept' | 'inProgress' | 'rework' | 'other'

export function inboxGroup(status: CaseStatus): InboxGroup {
  if (status === 'DISPATCHED') return 'toAccept'
  if (status === 'IN_PROGRESS') return 'inProgress'
  if (status === 'REWORK') return 'rework'
  return 'other'
}

/** The inbox's cases by group, each group by deadline (soonest first, none last). */
export function groupInbox(items: readonly CaseSummary[]): Record<InboxGroup, CaseSummary[]> {
  const groups: Record<InboxGroup, CaseSummary[]> = { toAccept: [], inProgress: [], rework: [], other: [] }
  for (const item of items) groups[inboxGroup(item.status)].push(item)
  const at = (c: CaseSummary) => (c.deadline ? Date.parse(c.deadline) : Number.POSITIVE_INFINITY)
  for (const list of Object.values(groups)) list.sort((a, b) => at(a) - at(b))
  return groups
}

/** A text that is a tracking code (`XXXX-XXXX-XXXX`, Crockford base32) rather than a case id. */
export const TRACKING_CODE = /^[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}$/i
export const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The extension awaiting approval, whatever shape the server gives it (an instant, or an object
 * with the requested deadline and the reason).
 */
export function pendingExtensionView(pending: PendingExtension | undefined): { deadline: string | null; reason: string | null } | null {
  if (!pending) return null
  if (typeof pending === 'string') return { deadline: pending, reason: null }
  return { deadline: pending.newDeadline ?? pending.requestedDeadline ?? null, reason: pending.reason ?? null }
}

/** The category's name in the UI language (the server sends both). */
export function categoryLabel(item: Pick<CaseSummary, 'categoryName' | 'categoryNameEn'>, locale: string): string {
  return locale === 'en' && item.categoryNameEn ? item.categoryNameEn : item.categoryName
}
