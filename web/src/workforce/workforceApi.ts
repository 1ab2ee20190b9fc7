import { api, withQuery, type Page } from '../platform/api'
import type { ImportJob } from '../platform/importJob'

export type Employment = 'FULL_TIME' | 'PART_TIME'
export type WorkerSource = 'COMMUNITY_STAFF' | 'ENTERPRISE_EMPLOYEE' | 'COURIER' | 'DELIVERY_RIDER' | 'VOLUNTEER' | 'OTHER'
export type WorkerStatus = 'ACTIVE' | 'SUSPENDED' | 'LEFT'

export const EMPLOYMENTS: readonly Employment[] = ['FULL_TIME', 'PART_TIME']
export const SOURCES: readonly WorkerSource[] = [
  'COMMUNITY_STAFF',
  'ENTERPRISE_EMPLOYEE',
  'COURIER',
  'DELIVERY_RIDER',
  'VOLUNTEER',
  'OTHER',
]
export const STATUSES: readonly WorkerStatus[] = ['ACTIVE', 'SUSPENDED', 'LEFT']

export interface WorkerGrid {
  code: string
  name: string
  lead: boolean
}

export interface Worker {
  id: string
  name: string
  employment: Employment
  source: WorkerSource
  status: WorkerStatus
  phoneMasked: string
  grids: WorkerGrid[]
  username: string | null
  version: number
}

export interface WorkerQuery {
  gridCode?: string
  q?: string
  employment?: string
  source?: string
  status?: string
  page: number
  size: number
}

export interface CreateWorker {
  name: string
  employment: Employment
  source: WorkerSource
  phone: string
  grids: { code: string; lead: boolean }[]
  username?: string | null
}

export interface UpdateWorker extends Omit<CreateWorker, 'phone'> {
  status: WorkerStatus
  phone?: string
  version: number
}

export interface Training {
  id: string
  topic: string
  date: string
  hours: number
  provider: string
}

export interface Assessment {
  id: string
  period: string
  score: number
  assessor: string
  note: string | null
}

export interface Board {
  code: string
  gridCode: string
  gridName: string
  location: { lon: number; lat: number } | null
  workers: { name: string; lead: boolean }[]
  publicUrl: string
  scans: number
}

export interface BoardQuery {
  gridCode?: string
  communityCode?: string
  page: number
  size: number
}

/** `GET /api/public/grids/{code}`: what a resident sees after scanning a board. */
export interface PublicGrid {
  code: string
  name: string
  communityName: string
  workers: { name: string; workPhone: string | null; lead: boolean }[]
  board: string | null
}

const worker = (id: string) => `/api/workforce/workers/${encodeURIComponent(id)}`
const board = (code: string) => `/api/workforce/boards/${encodeURIComponent(code)}`

/** The filter without its empty fields (the API reads an empty enum as a mistake). */
function blankless(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '' && v !== null && v !== undefined))
}

export const workforceApi = {
  workers: (query: WorkerQuery) => api.get<Page<Worker>>(withQuery('/api/workforce/workers', { ...query })),
  worker: (id: string) => api.get<Worker>(worker(id)),
  create: (body: CreateWorker) => api.post<Worker>('/api/workforce/workers', body),
  update: (id: string, body: UpdateWorker) => api.put<Worker>(worker(id), body),
  revealPhone: (id: string, reason: string) => api.post<{ phone: string }>(`${worker(id)}/phone/reveal`, { reason }),
  trainings: (id: string) => api.get<Training[]>(`${worker(id)}/trainings`),
  addTraining: (id: string, body: Omit<Training, 'id'>) => api.post<Training>(`${worker(id)}/trainings`, body),
  assessments: (id: string) => api.get<Assessment[]>(`${worker(id)}/assessments`),
  addAssessment: (id: string, body: Omit<Assessment, 'id'>) => api.post<Assessment>(`${worker(id)}/assessments`, body),
  gridWorkers: (gridCode: string) => api.get<Worker[]>(`/api/workforce/grids/${encodeURIComponent(gridCode)}/workers`),
  me: () => api.get<Worker>('/api/workforce/me'),
  templateUrl: '/api/workforce/workers/imports/template',
  startImport: (file: File, onProgress?: (fraction: number) => void) => {
    const form = new FormData()
    form.append('file', file)
    return api.upload<ImportJob>('/api/workforce/workers/imports', form, { onProgress })
  },
  importJob: (id: string) => api.get<ImportJob>(`/api/workforce/workers/imports/${encodeURIComponent(id)}`),
  reportUrl: (id: string) => `/api/workforce/workers/imports/${encodeURIComponent(id)}/report`,
  exportWorkers: (query: Omit<WorkerQuery, 'page' | 'size'>, reveal: boolean, reason?: string) =>
    api.download('/api/workforce/workers/export', { ...blankless(query), reveal, reason }, 'workers.xlsx'),
  boards: (query: BoardQuery) => api.get<Page<Board>>(withQuery('/api/workforce/boards', { ...query })),
  publicGrid: (code: string, boardCode?: string | null) =>
    api.get<PublicGrid>(withQuery(`/api/public/grids/${encodeURIComponent(code)}`, { b: boardCode }), {
      skipAuthRedirect: true,
    }),
}

export const boardQrUrl = (code: string) => `${board(code)}/qr.svg`
export const boardPdfUrl = (code: string) => `${board(code)}/pdf`
export const communityBoardsPdfUrl = (communityCode: string) =>
  withQuery('/api/workforce/boards/pdf', { communityCode })

/** The path and query of a board's public URL, so the page opens on this server whatever host the URL names. */
export function publicPath(publicUrl: string): string {
  try {
    const url = new URL(publicUrl, 'http://localhost')
    return `${url.pathname}${url.search}`
  } catch {
    return publicUrl
  }
}
