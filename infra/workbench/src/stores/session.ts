import { defineStore } from 'pinia'
import { ApiError, http, request } from '../api/http'

/** The current-user JSON of the session contract (docs/design/session-contract.md). */
export interface CurrentUser {
  username: string
  displayName: string
  unitId: string
  unitName: string | null
  unitLevel: string | null
  roles: string[]
  centre: string | null
  mustChangePassword: boolean
}

export const useSession = defineStore('session', {
  state: () => ({ user: null as CurrentUser | null, checked: false }),
  getters: {
    roles: (state) => state.user?.roles ?? [],
  },
  actions: {
    hasAnyRole(roles: string[] | undefined): boolean {
      if (!roles || roles.length === 0) return true
      return this.roles.some((role) => roles.includes(role))
    },
    /** Who is signed in, if anyone (once per page load). */
    async load(): Promise<CurrentUser | null> {
      if (this.checked) return this.user
      try {
        this.user = await http.get<CurrentUser>('/api/session')
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 401) throw error
        this.user = null
      }
      this.checked = true
      return this.user
    },
    async login(username: string, password: string) {
      this.user = await request<CurrentUser>('POST', '/api/session', { username, password })
      this.checked = true
    },
    async logout() {
      try {
        await http.del('/api/session')
      } finally {
        this.forget()
      }
    },
    forget() {
      this.user = null
      this.checked = true
    },
    async changePassword(currentPassword: string, newPassword: string) {
      await http.post('/api/session/password', { currentPassword, newPassword })
      if (this.user) this.user.mustChangePassword = false
    },
  },
})
