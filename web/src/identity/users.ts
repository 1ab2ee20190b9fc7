import { api, withQuery, type Page } from '../platform/api'
import type { User } from './types'

export interface UserQuery {
  q?: string
  role?: string
  page: number
  size: number
}

export interface CreateUser {
  username: string
  displayName: string
  password: string
  roles: string[]
  scopeCode: string
}

export interface UpdateUser {
  displayName: string
  roles: string[]
  scopeCode: string
  enabled: boolean
  version: number
}

export const usersApi = {
  roles: () => api.get<string[]>('/api/identity/roles'),
  list: (query: UserQuery) => api.get<Page<User>>(withQuery('/api/identity/users', { ...query })),
  create: (body: CreateUser) => api.post<User>('/api/identity/users', body),
  update: (id: string, body: UpdateUser) => api.put<User>(`/api/identity/users/${encodeURIComponent(id)}`, body),
  resetPassword: (id: string, password: string) =>
    api.post(`/api/identity/users/${encodeURIComponent(id)}/password`, { password }),
  unlock: (id: string) => api.post(`/api/identity/users/${encodeURIComponent(id)}/unlock`),
}
