export type RegionLevel = 'DISTRICT' | 'SUBDISTRICT' | 'COMMUNITY' | 'GRID'

export interface ScopeRef {
  code: string
  name: string
  level: RegionLevel
}

/** The signed-in user, from `GET /api/me`. */
export interface Me {
  id: string
  username: string
  displayName: string
  roles: string[]
  scope: ScopeRef | null
  permissions: string[]
}

export interface User {
  id: string
  username: string
  displayName: string
  roles: string[]
  scope: ScopeRef | null
  enabled: boolean
  locked: boolean
  lockedUntil: string | null
  lastLoginAt: string | null
  createdAt: string
  version: number
}

export interface DemoAccount {
  username: string
  password: string
  role: string
  displayName: string
}

export interface DemoInfo {
  demo: boolean
  accounts: DemoAccount[]
}

export type AuditOutcome = 'SUCCESS' | 'FAILURE' | 'DENIED'

export interface AuditEntry {
  id: string
  occurredAt: string
  username: string | null
  roles: string[] | null
  action: string
  recordType: string | null
  recordId: string | null
  outcome: AuditOutcome
  clientAddress: string | null
  requestId: string | null
  detail: string | null
}
