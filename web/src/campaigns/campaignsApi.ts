import { api, withQuery, type Page } from '../platform/api'

export type CampaignStatus = 'DRAFT' | 'RUNNING' | 'FINISHED' | 'CANCELLED'
export type ScheduleKind = 'ONCE' | 'DAILY' | 'WEEKLY'
export type SubjectKind = 'RESIDENT' | 'HOUSEHOLD' | 'ENTERPRISE'
export type Level = 'COMMUNITY' | 'GRID' | 'WORKER'

export interface TargetBody {
  mode: 'CRITERIA' | 'LIST'
  kind: SubjectKind
  tagCodes: string[]
  regionCodes: string[]
  residency: 'REGISTERED' | 'FLOATING' | null
  enterpriseFlags: string[]
}

export interface ScheduleBody {
  kind: ScheduleKind
  startDate: string
  endDate: string | null
  weekdays: number[]
}

export interface FormField {
  key: string
  type: 'BOOLEAN' | 'TEXT' | 'CHOICE'
  label: string
  required: boolean
  options: string[]
}

export interface Campaign {
  id: string
  name: string
  description: string | null
  scopeCode: string
  status: CampaignStatus
  target: TargetBody
  schedule: ScheduleBody
  outcomeForm: { fields: FormField[] }
  targetCount: number
  listEntries: number
  generatedThrough: string | null
  createdAt: string
  startedAt: string | null
  version: number
}

export interface CampaignBody {
  name: string
  description?: string | null
  target: TargetBody
  schedule: ScheduleBody
  outcomeForm?: { fields: FormField[] }
}

export interface Figures {
  targets: number
  due: number
  done: number
  missed: number
  pending: number
  overdue: number
}

export interface Summary {
  campaignId: string
  campaignName: string
  status: CampaignStatus
  day: string
  figures: Figures
  homeServiceOpen: number
  missedReasons: { reason: string; count: number }[]
}

export interface Breakdown {
  key: string
  name: string
  figures: Figures
}

export interface FollowUp {
  id: string
  campaignId: string
  campaignName: string
  day: string
  subjectKind: SubjectKind
  subjectName: string
  gridCode: string
  gridName: string
  workerName: string | null
  status: 'PENDING' | 'DONE' | 'MISSED'
  outcome: Record<string, unknown> | null
  recordedAt: string | null
}

export interface Today {
  day: string
  items: FollowUp[]
  forms: { campaignId: string; campaignName: string; form: { fields: FormField[] } }[]
}

export interface ListUpload {
  rows: number
  accepted: number
  unknown: number
  problems: { row: number; value: string; code: string; message: string }[]
}

const campaign = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`

export const campaignsApi = {
  list: (page: number, size: number, status?: string) =>
    api.get<Page<Campaign>>(withQuery('/api/campaigns', { page, size, status })),
  get: (id: string) => api.get<Campaign>(campaign(id)),
  create: (body: CampaignBody) => api.post<Campaign>('/api/campaigns', body),
  previewCount: (target: TargetBody) => api.post<{ count: number }>('/api/campaigns/preview-count', target),
  start: (id: string) => api.post<Campaign>(`${campaign(id)}/start`, {}),
  finish: (id: string) => api.post<Campaign>(`${campaign(id)}/finish`, {}),
  cancel: (id: string) => api.post<Campaign>(`${campaign(id)}/cancel`, {}),
  summary: (id: string, within?: string) => api.get<Summary>(withQuery(`${campaign(id)}/progress`, { within })),
  by: (id: string, level: Level, within?: string) =>
    api.get<Breakdown[]>(withQuery(`${campaign(id)}/progress/by`, { level, within })),
  pending: (id: string, page: number, size: number, within?: string) =>
    api.get<Page<FollowUp>>(withQuery(`${campaign(id)}/progress/pending`, { page, size, within })),
  today: () => api.get<Today>('/api/campaigns/followups/today'),
  record: (id: string, values: Record<string, unknown>) =>
    api.put<FollowUp>(`/api/campaigns/followups/${encodeURIComponent(id)}/outcome`, { values }),
}

/** The share of the day's follow-ups recorded (done or missed), in whole per cent. */
export function completion(f: Figures): number {
  return f.due === 0 ? 0 : Math.round(((f.done + f.missed) * 100) / f.due)
}
