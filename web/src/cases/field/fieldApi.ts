import { api, withQuery, type Page } from '../../platform/api'
import type { CaseDetail, CaseSummary } from '../casesApi'

/** A leaf of the category tree as `GET /api/public/cases/categories` lists it. */
export interface CategoryLeaf {
  code: string
  name: string
  nameEn: string
  classCode: string
  className: string
  classNameEn: string
}

/** The case as the signed-in API sends it: the same types as the command centre's pages. */
export type { CaseDetail, CaseSummary, TimelineEntry } from '../casesApi'

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
