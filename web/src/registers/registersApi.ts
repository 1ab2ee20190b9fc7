import { api, withQuery, type Page } from '../platform/api'
import type { ImportJob } from '../platform/importJob'

export type Residency = 'REGISTERED' | 'FLOATING'
export type ResidentStatus = 'PRESENT' | 'MOVED_AWAY' | 'DECEASED'
export type Gender = 'MALE' | 'FEMALE'
export type EnterpriseFlag = 'ABOVE_DESIGNATED_SIZE' | 'HIGH_TECH' | 'SRDI' | 'LITTLE_GIANT' | 'LISTED'
export type SubjectKind = 'RESIDENT' | 'HOUSEHOLD' | 'ENTERPRISE'
export type VisitChannel = 'DOOR' | 'PHONE' | 'WECHAT'
export type ImportKind = 'residents' | 'households' | 'enterprises'
export type TagCategory = 'SPECIAL' | 'KEY' | 'FOLLOW_UP' | 'OTHER'

export const RESIDENCIES: readonly Residency[] = ['REGISTERED', 'FLOATING']
export const RESIDENT_STATUSES: readonly ResidentStatus[] = ['PRESENT', 'MOVED_AWAY', 'DECEASED']
export const ENTERPRISE_FLAGS: readonly EnterpriseFlag[] = ['ABOVE_DESIGNATED_SIZE', 'HIGH_TECH', 'SRDI', 'LITTLE_GIANT', 'LISTED']
export const VISIT_CHANNELS: readonly VisitChannel[] = ['DOOR', 'PHONE', 'WECHAT']
export const IMPORT_KINDS: readonly ImportKind[] = ['residents', 'households', 'enterprises']
export const TAG_CATEGORIES: readonly TagCategory[] = ['SPECIAL', 'KEY', 'FOLLOW_UP', 'OTHER']

export interface Resident {
  id: string
  name: string
  idNumberMasked: string | null
  gender: Gender | null
  birthDate: string | null
  phoneMasked: string | null
  householdId: string | null
  address: string | null
  building: string | null
  unit: string | null
  room: string | null
  longitude: number | null
  latitude: number | null
  gridCode: string
  gridName: string | null
  residency: Residency
  status: ResidentStatus
  tags: string[]
  version: number
  updatedAt: string
}

export interface ResidentBody {
  name: string
  idNumber?: string | null
  phone?: string | null
  birthDate?: string | null
  gender?: Gender | null
  address?: string | null
  building?: string | null
  unit?: string | null
  room?: string | null
  gridCode?: string | null
  longitude?: number | null
  latitude?: number | null
  residency: Residency
  tags: string[]
  householdHead?: boolean
  version?: number
}

export interface ResidentQuery {
  gridCode: string
  q: string
  tag: string
  residency: string
  status: string
  page: number
  size: number
}

export interface StatusChange {
  fromStatus: ResidentStatus | null
  toStatus: ResidentStatus
  reason: string | null
  changedBy: string | null
  changedAt: string
}

export interface Household {
  id: string
  gridCode: string
  gridName: string | null
  address: string | null
  building: string | null
  unit: string | null
  room: string | null
  headId: string | null
  headName: string | null
  memberCount: number
  version: number
}

export interface HouseholdDetail {
  household: Household
  members: Resident[]
}

export interface Enterprise {
  id: string
  name: string
  creditCode: string
  address: string | null
  longitude: number | null
  latitude: number | null
  gridCode: string
  gridName: string | null
  industry: string | null
  employeeCount: number | null
  contactName: string | null
  contactPhoneMasked: string | null
  flags: EnterpriseFlag[]
  version: number
  updatedAt: string
}

export interface EnterpriseBody {
  name: string
  creditCode: string
  address?: string | null
  gridCode?: string | null
  longitude?: number | null
  latitude?: number | null
  industry?: string | null
  employeeCount?: number | null
  contactName?: string | null
  contactPhone?: string | null
  flags: EnterpriseFlag[]
  version?: number
}

export interface EnterpriseQuery {
  gridCode: string
  q: string
  flag: string
  industry: string
  page: number
  size: number
}

export interface Tag {
  code: string
  nameZh: string
  nameEn: string
  category: TagCategory
  sortOrder: number
  active: boolean
}

export interface Visit {
  id: string
  subjectKind: SubjectKind
  subjectId: string
  subjectName: string | null
  gridCode: string
  channel: VisitChannel
  visitedAt: string
  notes: string | null
  longitude: number | null
  latitude: number | null
  visitorName: string | null
}

export interface VisitBody {
  subjectKind: SubjectKind
  subjectId: string
  channel: VisitChannel
  visitedAt: string
  notes?: string | null
  longitude?: number | null
  latitude?: number | null
}

export type { ImportJob, JobStatus, Refusal } from '../platform/importJob'

export interface ExportFilter {
  reveal: boolean
  reason?: string
  [filter: string]: unknown
}

const residents = '/api/registers/residents'
const enterprises = '/api/registers/enterprises'
const one = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`

/** Empty filter values are left out, so the server sees only what the user chose. */
function filterOf(query: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || key === 'size') continue
    if (value !== '' && value !== null && value !== undefined) result[key] = typeof value === 'string' ? value.trim() : value
  }
  return result
}

export const registersApi = {
  residents: (query: ResidentQuery) => api.get<Page<Resident>>(withQuery(residents, { ...query, q: query.q.trim() })),
  resident: (id: string) => api.get<Resident>(one(residents, id)),
  history: (id: string) => api.get<StatusChange[]>(`${one(residents, id)}/history`),
  registerResident: (body: ResidentBody) => api.post<Resident>(residents, body),
  reviseResident: (id: string, body: ResidentBody) => api.put<Resident>(one(residents, id), body),
  changeStatus: (id: string, status: ResidentStatus, reason: string, version: number) =>
    api.post<Resident>(`${one(residents, id)}/status`, { status, reason, version }),
  revealIdNumber: async (id: string, reason: string) =>
    (await api.post<{ value: string }>(`${one(residents, id)}/id-number/reveal`, { reason })).value,
  revealPhone: async (id: string, reason: string) =>
    (await api.post<{ value: string }>(`${one(residents, id)}/phone/reveal`, { reason })).value,
  exportResidents: (query: Record<string, unknown>, reveal: boolean, reason?: string) =>
    api.download(`${residents}/export`, { ...filterOf(query), reveal, reason }, 'residents.xlsx'),

  households: (query: { gridCode: string; q: string; page: number; size: number }) =>
    api.get<Page<Household>>(withQuery('/api/registers/households', query)),
  household: (id: string) => api.get<HouseholdDetail>(one('/api/registers/households', id)),
  setHead: (id: string, headId: string, version: number) =>
    api.put<Household>(`${one('/api/registers/households', id)}/head`, { headId, version }),

  enterprises: (query: EnterpriseQuery) => api.get<Page<Enterprise>>(withQuery(enterprises, { ...query, q: query.q.trim() })),
  enterprise: (id: string) => api.get<Enterprise>(one(enterprises, id)),
  registerEnterprise: (body: EnterpriseBody) => api.post<Enterprise>(enterprises, body),
  reviseEnterprise: (id: string, body: EnterpriseBody) => api.put<Enterprise>(one(enterprises, id), body),
  revealContactPhone: async (id: string, reason: string) =>
    (await api.post<{ value: string }>(`${one(enterprises, id)}/phone/reveal`, { reason })).value,
  exportEnterprises: (query: Record<string, unknown>, reveal: boolean, reason?: string) =>
    api.download(`${enterprises}/export`, { ...filterOf(query), reveal, reason }, 'enterprises.xlsx'),

  tags: () => api.get<Tag[]>('/api/registers/tags'),
  createTag: (tag: Tag) => api.post<Tag>('/api/registers/tags', tag),
  updateTag: (tag: Tag) => api.put<Tag>(one('/api/registers/tags', tag.code), tag),

  recordVisit: (body: VisitBody) => api.post<Visit>('/api/registers/visits', body),
  visits: (subjectKind?: SubjectKind, subjectId?: string) =>
    api.get<Visit[]>(withQuery('/api/registers/visits', { subjectKind, subjectId })),

  templateUrl: (kind: ImportKind) => `/api/registers/imports/templates/${kindParam(kind)}`,
  startImport: (kind: ImportKind, file: File, onProgress?: (fraction: number) => void) => {
    const form = new FormData()
    form.append('file', file)
    return api.upload<ImportJob>(withQuery('/api/registers/imports', { kind: kindParam(kind) }), form, { onProgress })
  },
  importJob: (id: string) => api.get<ImportJob>(one('/api/registers/imports', id)),
  reportUrl: (id: string) => `${one('/api/registers/imports', id)}/report`,
}

/** The server's import kinds are singular (`resident`); the UI's are the list names. */
export function kindParam(kind: ImportKind): string {
  return kind.slice(0, -1)
}

/** The display name of a tag code in the UI language; an unknown code shows as itself. */
export function tagName(tags: readonly Tag[], code: string, locale: string): string {
  const tag = tags.find((t) => t.code === code)
  if (!tag) return code
  return locale === 'en' ? tag.nameEn : tag.nameZh
}
