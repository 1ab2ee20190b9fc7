import { api, type UploadOptions } from '../../platform/api'
import type { CategoryLeaf } from '../field/fieldApi'
import type { CaseStatus } from './caseSteps'

export interface ResidentReport {
  categoryCode: string
  description: string
  longitude?: number
  latitude?: number
  gridCode?: string
  address?: string
  phone?: string
  attachmentIds?: string[]
}

export interface ReportReceipt {
  trackingCode: string
  status: CaseStatus
}

/** What the tracking page may show: no names, no notes, no internal entries. */
export interface TrackingView {
  trackingCode: string
  status: CaseStatus
  categoryName: string
  categoryNameEn: string
  gridName: string | null
  reportedAt: string
  canRate: boolean
  rating: number | null
  ratingComment: string | null
  photos: { id: string }[]
  timeline: { at: string; action: string; to: CaseStatus }[]
}

const tracked = (code: string) => `/api/public/cases/${encodeURIComponent(code)}`
const quiet = { skipAuthRedirect: true }

export const publicPhotoUrl = (code: string, id: string) => `${tracked(code)}/attachments/${encodeURIComponent(id)}`
export const publicThumbnailUrl = (code: string, id: string) => `${publicPhotoUrl(code, id)}/thumbnail`

export const publicCaseApi = {
  categories: () => api.get<CategoryLeaf[]>('/api/public/cases/categories', quiet),
  upload: (file: File, options: UploadOptions = {}) => {
    const form = new FormData()
    form.append('file', file)
    return api.upload<{ id: string }>('/api/public/cases/attachments', form, { ...quiet, ...options })
  },
  report: (body: ResidentReport, idempotencyKey: string) =>
    api.post<ReportReceipt>('/api/public/cases', body, { ...quiet, headers: { 'Idempotency-Key': idempotencyKey } }),
  track: (code: string) => api.get<TrackingView>(tracked(code), quiet),
  rate: (code: string, stars: number, comment?: string) =>
    api.post<TrackingView>(`${tracked(code)}/rating`, { stars, comment: comment || undefined }, quiet),
}
