import { api, withQuery, type Page } from '../../platform/api'
import type { CaseStatus } from '../public/caseSteps'

/** A leaf of the category tree as `GET /api/public/cases/categories` lists it. */
export interface CategoryLeaf {
  code: string
  name: string
  nameEn: string
  classCode: string
  className: string
  classNameEn: string
}

export interface Assignee {
  kind: 'DEPARTMENT' | 'GRID_WORKER'
  targetId: string
  name: string
}

export interface CaseSummary {
  id: string
  trackingCode: string
  status: CaseStatus
  source: string
  categoryCode: string
  categoryName: string
  categoryNameEn: string | null
  gridCode: string | null
  gridName: string | null
  communityCode: string | null
  communityName: string | null
  unassigned: boolean
  description: string
  reportedAt: string
  deadline: string | null
  dueSoon: boolean
  overdue: boolean
  supervised: boolean
  assignee: Assignee | null
  version: number
}

export interface TimelineEntry {
  at: string
  actorName: string | null
  role: string | null
  from: CaseStatus | null
  to: CaseStatus
  action: string
  note: string | null
  attachmentIds: string[]
}

export interface CaseDetail extends CaseSummary {
  address: string | null
  longitude: number | null
  latitude: number | null
  allowedActions: string[]
  attachments: { id: string; contentType: string; publicSafe: boolean }[]
  timeline: TimelineEntry[]
  rating: number | null
  ratingComment: string | null
}

export interface PatrolReport {
  source: 'PATROL'
  categoryCode: string
  description: string
  longitude?: number
  latitude?: number
  address?: string
  attachmentIds: string[]
  solvedOnTheSpot?: boolean
  result?: string
}

export type VerifyOutcome = 'verify-pass' | 'verify-fail'

export interface ActionBody {
  version: number
  note?: string
  reason?: string
  result?: string
  attachmentIds?: string[]
}

const caseUrl = (id: string) => `/api/cases/${encodeURIComponent(id)}`

export const fieldApi = {
  categories: () => api.get<CategoryLeaf[]>('/api/public/cases/categories'),
  report: (body: PatrolReport, idempotencyKey: string) =>
    api.post<CaseDetail>('/api/cases', body, { headers: { 'Idempotency-Key': idempotencyKey } }),
  list: (query: { mine?: boolean; reportedByMe?: boolean; status?: string; page?: number; size?: number }) =>
    api.get<Page<CaseSummary>>(withQuery('/api/cases', { ...query })),
  detail: (id: string) => api.get<CaseDetail>(caseUrl(id)),
  act: (id: string, action: string, body: ActionBody) => api.post<CaseDetail>(`${caseUrl(id)}/actions/${action}`, body),
}
