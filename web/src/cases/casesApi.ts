import { api, withQuery, type Page, type UploadOptions } from '../platform/api'

export const CASE_STATUSES = [
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
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const CASE_SOURCES = ['PATROL', 'RESIDENT', 'HOTLINE', 'PETITION', 'IMPORT'] as const
export type CaseSource = (typeof CASE_SOURCES)[number]

/** The sources an operator may choose when typing a case in at the command centre. */
export const INTAKE_SOURCES: readonly CaseSource[] = ['HOTLINE', 'PETITION', 'PATROL']

export type CaseAction =
  | 'REPORT'
  | 'ACCEPT'
  | 'REJECT'
  | 'MERGE'
  | 'DISPATCH'
  | 'START'
  | 'RETURN'
  | 'REDISPATCH'
  | 'HANDLE'
  | 'SOLVE_ON_THE_SPOT'
  | 'VERIFY_PASS'
  | 'VERIFY_FAIL'
  | 'RESUME'
  | 'CLOSE'
  | 'REQUEST_EXTENSION'
  | 'APPROVE_EXTENSION'
  | 'SUPERVISE'
  | 'RATE'
  | 'MARK_DUE_SOON'
  | 'MARK_OVERDUE'
  | 'ASSIGN_GRID'

export type AssigneeKind = 'DEPARTMENT' | 'GRID_WORKER'

export interface CaseAssignee {
  kind: AssigneeKind
  targetId: string
  name?: string | null
}

export interface CaseSummary {
  id: string
  trackingCode: string
  status: CaseStatus
  source: CaseSource
  categoryCode: string
  categoryName: string
  categoryNameEn?: string | null
  gridCode: string | null
  gridName: string | null
  communityCode: string | null
  communityName: string | null
  unassigned: boolean
  description: string
  reportedAt: string
  /** Until it is accepted, a case's running deadline is the acceptance deadline. */
  acceptDeadline?: string | null
  deadline: string | null
  dueSoon: boolean
  overdue: boolean
  supervised: boolean
  assignee: CaseAssignee | null
  version: number
}

export interface CaseFigures {
  acceptedOnTime: boolean | null
  dispatchedCorrectly: boolean | null
  handledOnTime: boolean | null
  reworkCount: number
  timeToAcceptSeconds: number | null
  timeToHandleSeconds: number | null
  supervisionCount: number
  returnCount: number
  extensionCount: number
  solvedOnTheSpot: boolean
}

export interface TimelineEntry {
  at: string
  actorName: string | null
  role: string | null
  from: CaseStatus | null
  to: CaseStatus | null
  action: CaseAction
  note: string | null
  attachmentIds: string[]
}

export interface CaseAttachment {
  id: string
  contentType: string
  publicSafe: boolean
}

/** A requested extension waiting for the command centre: the server sends the requested deadline. */
export type PendingExtension = { newDeadline?: string; requestedDeadline?: string; reason?: string } | string | null

export interface CaseDetail extends CaseSummary {
  hotlineOrderNo?: string | null
  address: string | null
  longitude: number | null
  latitude: number | null
  boundaryVersion: number | null
  reporter: { name: string | null; phoneMasked: string | null } | null
  mergedInto: string | null
  routing: { ruleId: string | null; byDefault: boolean } | null
  pendingExtension: PendingExtension
  rating: number | null
  ratingComment: string | null
  closureCondition: string | null
  figures: CaseFigures | null
  allowedActions: CaseAction[]
  attachments: CaseAttachment[]
  timeline: TimelineEntry[]
}

export interface NewCase {
  source: CaseSource
  categoryCode: string
  description: string
  longitude?: number | null
  latitude?: number | null
  gridCode?: string | null
  address?: string | null
  reporterName?: string | null
  reporterPhone?: string | null
  hotlineOrderNo?: string | null
  attachmentIds: string[]
  solvedOnTheSpot?: boolean
  result?: string | null
}

export interface ActionBody {
  version: number
  note?: string
  reason?: string
  result?: string
  assignee?: { kind: AssigneeKind; targetId: string }
  mergeInto?: string
  newDeadline?: string
  attachmentIds?: string[]
  gridCode?: string
}

export interface CaseQuery {
  status: CaseStatus[]
  category: string
  grid: string
  community: string
  source: string
  dueSoon: boolean
  overdue: boolean
  unassigned: boolean
  supervised: boolean
  mine: boolean
  q: string
  page: number
  size: number
}

export interface RoutingProposal {
  assignee: CaseAssignee | null
  ruleId: string | null
  byDefault: boolean
  /** Not in the server's answer; the dialog looks the rule up for its note. */
  ruleNote?: string | null
}

export interface Assignees {
  departments: { code: string; name: string; active?: boolean }[]
  gridWorkers: { id: string; name: string; grids: string[]; lead: boolean }[]
}

export type DuplicateCase = CaseSummary & { distanceMetres: number }

/** The server nests the case (`{summary, distanceMetres}`); the contract flattens it. Both are read. */
export function flattenDuplicate(raw: DuplicateCase | { summary: CaseSummary; distanceMetres: number }): DuplicateCase {
  return 'summary' in raw && raw.summary ? { ...raw.summary, distanceMetres: raw.distanceMetres } : (raw as DuplicateCase)
}

export interface UploadedAttachment {
  id: string
  contentType: string
  size: number
  width: number | null
  height: number | null
}

// ---- catalogue (src/main/java/io/gridgov/cases/internal/catalogue/CatalogueViews.java) ----

export const DEADLINE_STAGES = ['ACCEPT', 'DISPATCH', 'HANDLE', 'VERIFY'] as const
export type DeadlineStage = (typeof DEADLINE_STAGES)[number]

export interface Department {
  id: string
  code: string
  name: string
  regionCode: string
  active: boolean
  version: number
}

export interface DepartmentBody {
  code?: string
  name: string
  regionCode: string
  active: boolean
  version?: number
}

export interface CategoryLeaf {
  code: string
  classCode: string
  name: string
  nameEn: string | null
  defaultDepartment: string | null
  deadlineHours: Partial<Record<DeadlineStage, number>>
  emergency: boolean
  closureCondition: string | null
  version: number
}

export interface CategoryClass {
  code: string
  name: string
  nameEn: string | null
  leaves: CategoryLeaf[]
}

export type LeafBody = Omit<CategoryLeaf, 'version'> & { version?: number }

export type RoutingTargetKind = 'DEPARTMENT' | 'GRID_LEAD'

export interface RoutingRule {
  id: string
  categoryCode: string
  regionCode: string
  target: { kind: RoutingTargetKind; departmentCode: string | null }
  priority: number
  note: string | null
  version: number
}

export type RuleBody = Omit<RoutingRule, 'id' | 'version'> & { version?: number }

export interface CalendarInfo {
  timeZone: string
  workingHours: { start: string; end: string }[]
  years: number[]
}

export interface YearCalendar {
  year: number
  holidays: string[]
  makeUpWorkdays: string[]
  version: number | null
}

/** The query string of the case list: only the filters that are set. */
export function caseQueryString(query: Partial<CaseQuery>): Record<string, string | number | boolean | undefined> {
  return {
    status: query.status?.length ? query.status.join(',') : undefined,
    category: query.category || undefined,
    grid: query.grid || undefined,
    community: query.community || undefined,
    source: query.source || undefined,
    dueSoon: query.dueSoon || undefined,
    overdue: query.overdue || undefined,
    unassigned: query.unassigned || undefined,
    supervised: query.supervised || undefined,
    mine: query.mine || undefined,
    q: query.q?.trim() || undefined,
    page: query.page,
    size: query.size,
  }
}

/** `DISPATCH` → `dispatch`, `VERIFY_PASS` → `verify-pass`: the URL form of an action. */
export const actionPath = (action: CaseAction) => action.toLowerCase().replace(/_/g, '-')

/** The header that makes a POST of a case safe to retry. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'

const newKey = (): string =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}-${Math.random().toString(16).slice(2)}`

/**
 * The Idempotency-Key of the intake form's submissions: a retry of the same submission (the answer
 * was lost, the user clicked again) sends the same key, so the server creates one case at most; a
 * submission with a different body gets a new key (the server answers 422 to a reused key with
 * another body); `reset` after a case was created starts afresh.
 */
export class IdempotentSubmission {
  private key: string | null = null
  private body: string | null = null

  constructor(private readonly makeKey: () => string = newKey) {}

  keyFor(body: unknown): string {
    const text = JSON.stringify(body)
    if (this.key === null || text !== this.body) {
      this.key = this.makeKey()
      this.body = text
    }
    return this.key
  }

  reset(): void {
    this.key = null
    this.body = null
  }
}

const caseUrl = (id: string) => `/api/cases/${encodeURIComponent(id)}`
const catalogue = '/api/cases/catalogue'

export const casesApi = {
  list: (query: Partial<CaseQuery>) => api.get<Page<CaseSummary>>(withQuery('/api/cases', caseQueryString(query))),
  get: (id: string) => api.get<CaseDetail>(caseUrl(id)),
  create: (body: NewCase, idempotencyKey: string) =>
    api.post<CaseDetail>('/api/cases', body, { headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
  act: (id: string, action: CaseAction, body: ActionBody) =>
    api.post<CaseDetail>(`${caseUrl(id)}/actions/${actionPath(action)}`, body),
  routingProposal: (id: string) => api.get<RoutingProposal>(`${caseUrl(id)}/routing-proposal`),
  /** Active departments, and the workers of `grid` (none without a grid). */
  assignees: (grid?: string | null) => api.get<Assignees>(withQuery('/api/cases/assignees', { grid })),
  duplicates: async (params: { category: string; longitude: number; latitude: number; excludeId?: string }) =>
    (await api.get<Parameters<typeof flattenDuplicate>[0][]>(withQuery('/api/cases/duplicates', { ...params }))).map(
      flattenDuplicate,
    ),
  revealReporterPhone: (id: string, reason: string) =>
    api.post<{ value: string }>(`${caseUrl(id)}/reporter-phone/reveal`, { reason }),
  upload: (file: File, options: UploadOptions = {}) => {
    const form = new FormData()
    form.append('file', file)
    return api.upload<UploadedAttachment>('/api/cases/attachments', form, options)
  },

  categories: () => api.get<CategoryClass[]>(`${catalogue}/categories`),
  createLeaf: (body: LeafBody) => api.post<CategoryLeaf>(`${catalogue}/categories`, body),
  reviseLeaf: (code: string, body: LeafBody) =>
    api.put<CategoryLeaf>(`${catalogue}/categories/${encodeURIComponent(code)}`, body),
  departments: () => api.get<Department[]>(`${catalogue}/departments`),
  createDepartment: (body: DepartmentBody) => api.post<Department>(`${catalogue}/departments`, body),
  reviseDepartment: (id: string, body: DepartmentBody) =>
    api.put<Department>(`${catalogue}/departments/${encodeURIComponent(id)}`, body),
  deleteDepartment: (id: string, version: number) =>
    api.delete(withQuery(`${catalogue}/departments/${encodeURIComponent(id)}`, { version })),
  rules: () => api.get<RoutingRule[]>(`${catalogue}/routing-rules`),
  rule: (id: string) => api.get<RoutingRule>(`${catalogue}/routing-rules/${encodeURIComponent(id)}`),
  createRule: (body: RuleBody) => api.post<RoutingRule>(`${catalogue}/routing-rules`, body),
  reviseRule: (id: string, body: RuleBody) =>
    api.put<RoutingRule>(`${catalogue}/routing-rules/${encodeURIComponent(id)}`, body),
  deleteRule: (id: string, version: number) =>
    api.delete(withQuery(`${catalogue}/routing-rules/${encodeURIComponent(id)}`, { version })),
  calendar: () => api.get<CalendarInfo>(`${catalogue}/calendar`),
  year: (year: number) => api.get<YearCalendar>(`${catalogue}/calendar/${year}`),
  replaceYear: (year: number, body: { holidays: string[]; makeUpWorkdays: string[]; version: number | null }) =>
    api.put<YearCalendar>(`${catalogue}/calendar/${year}`, body),
}

export const attachmentUrl = (id: string) => `/api/cases/attachments/${encodeURIComponent(id)}`
export const thumbnailUrl = (id: string) => `${attachmentUrl(id)}/thumbnail`
export const CASE_STREAM_URL = '/api/cases/stream'
