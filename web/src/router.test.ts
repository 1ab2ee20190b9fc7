import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createPinia, setActivePinia } from 'pinia'
import { accessDecision, createAppRouter } from './router'
import { useSession } from './identity/session'
import type { Me } from './identity/types'

function signIn(permissions: string[]) {
  const session = useSession()
  session.me = {
    id: '1',
    username: 'u',
    displayName: 'U',
    roles: [],
    scope: null,
    permissions,
  } satisfies Me
  session.loaded = true
}

async function landOn(path: string) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  return router.currentRoute.value
}

describe('route guard', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('aPageIsRefusedWithoutItsPermission', async () => {
    signIn(['regions.read'])
    const route = await landOn('/users')
    expect(route.name).toBe('forbidden')
    expect(route.query.from).toBe('/users')
  })

  it('aPageOpensWithItsPermission', async () => {
    signIn(['regions.read', 'users.manage'])
    expect((await landOn('/users')).name).toBe('users')
  })

  it('theAuditLogNeedsAuditRead', async () => {
    signIn(['regions.read', 'users.manage'])
    expect((await landOn('/audit')).name).toBe('forbidden')
    signIn(['audit.read'])
    expect((await landOn('/audit')).name).toBe('audit')
  })

  it('nobodySignedInIsSentToLoginWithTheWayBack', async () => {
    useSession().loaded = true
    const route = await landOn('/regions')
    expect(route.name).toBe('login')
    expect(route.query.redirect).toBe('/regions')
  })

  it('everyGuardedRouteNamesAPermissionTheDecisionChecks', async () => {
    const router = createAppRouter(createMemoryHistory())
    for (const name of ['regions', 'users', 'audit']) {
      const to = router.resolve({ name })
      const needed = to.meta.permission!
      expect(needed).toBeTruthy()
      expect(accessDecision(to, { isAuthenticated: true, permissions: [] })).toMatchObject({ name: 'forbidden' })
      expect(accessDecision(to, { isAuthenticated: true, permissions: [needed] })).toBe(true)
    }
  })
})
