import { api, withQuery, type Page } from '../platform/api'
import type { AuditEntry, AuditOutcome } from './types'

export const OUTCOMES: readonly AuditOutcome[] = ['SUCCESS', 'FAILURE', 'DENIED']

export const OUTCOME_TAG: Record<AuditOutcome, 'success' | 'danger' | 'warning'> = {
  SUCCESS: 'success',
  FAILURE: 'danger',
  DENIED: 'warning',
}

export interface AuditQuery {
  from?: string
  to?: string
  username?: string
  action?: string
  outcome?: string
  recordType?: string
  recordId?: string
  page: number
  size: number
}

/** The audit log is read-only: there is no call that changes it. */
export function fetchAudit(query: AuditQuery): Promise<Page<AuditEntry>> {
  return api.get<Page<AuditEntry>>(withQuery('/api/audit', { ...query }))
}
