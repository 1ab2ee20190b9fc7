import { defineStore } from 'pinia'
import { api, ApiError } from '../platform/api'
import type { Me } from './types'

/** Who is signed in. `loaded` turns true once the server has been asked. */
export const useSession = defineStore('session', {
  state: () => ({
    me: null as Me | null,
    loaded: false,
  }),
  getters: {
    isAuthenticated: (state) => state.me !== null,
    permissions: (state): string[] => state.me?.permissions ?? [],
  },
  actions: {
    can(permission: string): boolean {
      return this.permissions.includes(permission)
    },
    /** Asks the server once who is signed in; a 401 means nobody. */
    async ensureLoaded(): Promise<ApiError | null> {
      if (this.loaded) return null
      try {
        this.me = await api.get<Me>('/api/me', { skipAuthRedirect: true })
        return null
      } catch (error) {
        this.me = null
        if (error instanceof ApiError && error.status === 401) return error
        throw error
      } finally {
        this.loaded = true
      }
    },
    async login(username: string, password: string): Promise<Me> {
      const me = await api.post<Me>('/api/auth/login', { username, password }, { skipAuthRedirect: true })
      this.me = me
      this.loaded = true
      return me
    },
    async logout(): Promise<void> {
      try {
        await api.post('/api/auth/logout', undefined, { skipAuthRedirect: true })
      } finally {
        this.clear()
      }
    },
    clear(): void {
      this.me = null
      this.loaded = true
    },
  },
})
