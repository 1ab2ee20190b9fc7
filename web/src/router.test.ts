import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
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
  afterEach(() => vi.unstubAllGlobals())

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

  it('thePublicGridPageOpensWithoutSigningInAndWithoutAskingWhoIsSignedIn', async () => {
    const fetch = vi.fn(async () => new Response('{}', { status: 401, headers: { 'content-type': 'application/json' } }))
    vi.stubGlobal('fetch', fetch)
    const route = await landOn('/g/440704003001001?b=WH-0001')
    expect(route.name).toBe('public-grid')
    expect(route.params.code).toBe('440704003001001')
    expect(route.query.b).toBe('WH-0001')
    expect(route.matched).toHaveLength(1)
    expect(fetch).not.toHaveBeenCalled()
    expect(useSession().loaded).toBe(false)
  })

  it('thePublicGridPageStaysPublicForASignedInUserToo', async () => {
    signIn([])
    expect((await landOn('/g/440704003001001')).name).toBe('public-grid')
  })

  it('theNewPagesNeedTheirPermissions', async () => {
    signIn(['grids.read', 'workers.read'])
    expect((await landOn('/map')).name).toBe('map')
    expect((await landOn('/workers')).name).toBe('workers')
    expect((await landOn('/boards')).name).toBe('boards')
    expect((await landOn('/grids')).name).toBe('forbidden')
    signIn(['regions.read', 'audit.read'])
    expect((await landOn('/map')).name).toBe('forbidden')
    expect((await landOn('/my-grid')).name).toBe('forbidden')
  })

  it('theRegisterPagesNeedTheirPermissions', async () => {
    signIn(['registers.read'])
    expect((await landOn('/registers')).fullPath).toBe('/registers/residents')
    expect((await landOn('/registers/enterprises')).name).toBe('registers')
    expect((await landOn('/registers/visit')).name).toBe('registers-visit')
    expect((await landOn('/registers/import')).name).toBe('forbidden')
    expect((await landOn('/registers/tags')).name).toBe('forbidden')
    signIn(['registers.import', 'registers.tags'])
    expect((await landOn('/registers/import')).name).toBe('registers-import')
    expect((await landOn('/registers/tags')).name).toBe('registers-tags')
    expect((await landOn('/registers/residents')).name).toBe('forbidden')
  })

  it('theCasePagesNeedTheirPermissions', async () => {
    signIn(['cases.read'])
    expect((await landOn('/cases')).name).toBe('cases')
    expect((await landOn('/cases/0190abcd-0000-7000-8000-000000000001')).name).toBe('case')
    expect((await landOn('/inbox')).name).toBe('inbox')
    expect((await landOn('/cases/new')).name).toBe('forbidden')
    expect((await landOn('/cases/catalogue')).name).toBe('forbidden')
    signIn(['cases.read', 'cases.report'])
    expect((await landOn('/cases/new')).name).toBe('case-intake')
    signIn(['cases.configure'])
    expect((await landOn('/cases/catalogue')).name).toBe('cases-catalogue')
    expect((await landOn('/cases')).name).toBe('forbidden')
  })

  it('theResidentsReportAndTrackingPagesOpenWithoutSigningInOrAskingWhoIsSignedIn', async () => {
    const fetch = vi.fn(async () => new Response('{}', { status: 401, headers: { 'content-type': 'application/json' } }))
    vi.stubGlobal('fetch', fetch)
    const report = await landOn('/report?grid=440704003001001')
    expect(report.name).toBe('public-report')
    expect(report.query.grid).toBe('440704003001001')
    expect((await landOn('/track')).name).toBe('public-track')
    const tracked = await landOn('/track/7K3M-9QXA-2HBD')
    expect(tracked.name).toBe('public-track-code')
    expect(tracked.params.code).toBe('7K3M-9QXA-2HBD')
    expect(fetch).not.toHaveBeenCalled()
    expect(useSession().loaded).toBe(false)
  })

  it('patrolNeedsCasesReportAndMyCasesNeedsCasesRead', async () => {
    signIn(['cases.read'])
    expect((await landOn('/patrol')).name).toBe('forbidden')
    expect((await landOn('/my-cases')).name).toBe('my-cases')
    expect((await landOn('/my-cases/0190-abc')).name).toBe('my-case')
    signIn(['cases.report'])
    expect((await landOn('/patrol')).name).toBe('patrol')
    expect((await landOn('/my-cases')).name).toBe('forbidden')
  })

  it('everyGuardedRouteNamesAPermissionTheDecisionChecks', async () => {
    const router = createAppRouter(createMemoryHistory())
    const names = ['regions', 'users', 'audit', 'map', 'my-grid', 'grids-admin', 'workers', 'boards', 'cases', 'case-intake', 'inbox', 'cases-catalogue', 'patrol', 'my-cases', 'my-case']
    for (const name of names) {
      const to = router.resolve(name === 'my-case' ? { name, params: { id: 'x' } } : { name })
      const needed = to.meta.permission!
      expect(needed).toBeTruthy()
      expect(accessDecision(to, { isAuthenticated: true, permissions: [] })).toMatchObject({ name: 'forbidden' })
      expect(accessDecision(to, { isAuthenticated: true, permissions: [needed] })).toBe(true)
    }
  })
})
