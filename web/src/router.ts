import {
  createRouter,
  createWebHistory,
  type RouteMeta,
  type RouteLocationRaw,
  type RouteRecordRaw,
  type Router,
  type RouterHistory,
} from 'vue-router'
import { watch } from 'vue'
import { ElMessage } from 'element-plus'
import { Permission, type PermissionName } from './platform/permissions'
import { i18n } from './platform/i18n'
import { useSession } from './identity/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** Needed to open the page; checked by the guard, mirrored by the menu. */
    permission?: PermissionName
    titleKey?: string
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./identity/LoginPage.vue'),
    meta: { public: true, titleKey: 'auth.title' },
  },
  {
    path: '/g/:code',
    name: 'public-grid',
    component: () => import('./workforce/PublicGridPage.vue'),
    meta: { public: true, titleKey: 'publicGrid.title' },
  },
  {
    path: '/report',
    name: 'public-report',
    component: () => import('./cases/public/PublicReportPage.vue'),
    meta: { public: true, titleKey: 'publicCase.reportTitle' },
  },
  {
    path: '/track',
    name: 'public-track',
    component: () => import('./cases/public/TrackingPage.vue'),
    meta: { public: true, titleKey: 'publicCase.trackTitle' },
  },
  {
    path: '/track/:code',
    name: 'public-track-code',
    component: () => import('./cases/public/TrackingPage.vue'),
    meta: { public: true, titleKey: 'publicCase.trackTitle' },
  },
  {
    // The wall screen: the whole viewport, no menu or header of the layout.
    path: '/dashboard',
    name: 'dashboard',
    component: () => import('./insight/DashboardPage.vue'),
    meta: { permission: Permission.InsightRead, titleKey: 'insight.menu.dashboard' },
  },
  {
    path: '/',
    component: () => import('./platform/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('./platform/HomePage.vue'), meta: { titleKey: 'menu.home' } },
      {
        path: 'cases',
        name: 'cases',
        component: () => import('./cases/CaseQueuePage.vue'),
        meta: { permission: Permission.CasesRead, titleKey: 'cases.menu.queue' },
      },
      {
        path: 'cases/new',
        name: 'case-intake',
        component: () => import('./cases/CaseIntakePage.vue'),
        meta: { permission: Permission.CasesReport, titleKey: 'cases.menu.intake' },
      },
      {
        path: 'cases/catalogue',
        name: 'cases-catalogue',
        component: () => import('./cases/CatalogueAdminPage.vue'),
        meta: { permission: Permission.CasesConfigure, titleKey: 'cases.menu.catalogue' },
      },
      {
        path: 'cases/:id',
        name: 'case',
        component: () => import('./cases/CaseDetailPage.vue'),
        meta: { permission: Permission.CasesRead, titleKey: 'cases.detail.title' },
      },
      {
        path: 'inbox',
        name: 'inbox',
        component: () => import('./cases/DepartmentInboxPage.vue'),
        meta: { permission: Permission.CasesRead, titleKey: 'cases.menu.inbox' },
      },
      {
        path: 'patrol',
        name: 'patrol',
        component: () => import('./cases/field/PatrolReportPage.vue'),
        meta: { permission: Permission.CasesReport, titleKey: 'casesField.patrolTitle' },
      },
      {
        path: 'my-cases',
        name: 'my-cases',
        component: () => import('./cases/field/MyCasesPage.vue'),
        meta: { permission: Permission.CasesRead, titleKey: 'casesField.myCasesTitle' },
      },
      {
        path: 'my-cases/:id',
        name: 'my-case',
        component: () => import('./cases/field/FieldCasePage.vue'),
        meta: { permission: Permission.CasesRead, titleKey: 'casesField.myCasesTitle' },
      },
      {
        path: 'statistics',
        name: 'statistics',
        component: () => import('./insight/StatisticsPage.vue'),
        meta: { permission: Permission.InsightRead, titleKey: 'insight.menu.statistics' },
      },
      {
        path: 'map',
        name: 'map',
        component: () => import('./geo/GridMapPage.vue'),
        meta: { permission: Permission.GridsRead, titleKey: 'menu.map' },
      },
      {
        path: 'my-grid',
        name: 'my-grid',
        component: () => import('./workforce/MyGridPage.vue'),
        meta: { permission: Permission.GridsRead, titleKey: 'menu.myGrid' },
      },
      {
        path: 'grids',
        name: 'grids-admin',
        component: () => import('./geo/GridsAdminPage.vue'),
        meta: { permission: Permission.GridsManage, titleKey: 'menu.gridsAdmin' },
      },
      {
        path: 'workers',
        name: 'workers',
        component: () => import('./workforce/WorkersPage.vue'),
        meta: { permission: Permission.WorkersRead, titleKey: 'menu.workers' },
      },
      {
        path: 'boards',
        name: 'boards',
        component: () => import('./workforce/BoardsPage.vue'),
        meta: { permission: Permission.WorkersRead, titleKey: 'menu.boards' },
      },
      {
        path: 'followups/today',
        name: 'followups-today',
        component: () => import('./campaigns/TodayPage.vue'),
        meta: { permission: Permission.CampaignsRecord, titleKey: 'menu.followupsToday' },
      },
      {
        path: 'campaigns',
        name: 'campaigns',
        component: () => import('./campaigns/CampaignsPage.vue'),
        meta: { permission: Permission.CampaignsRead, titleKey: 'menu.campaigns' },
      },
      {
        path: 'campaigns/:id',
        name: 'campaign-progress',
        component: () => import('./campaigns/CampaignProgressPage.vue'),
        meta: { permission: Permission.CampaignsRead, titleKey: 'menu.campaigns' },
      },
      { path: 'registers', redirect: '/registers/residents' },
      {
        path: 'registers/import',
        name: 'registers-import',
        component: () => import('./registers/ImportPage.vue'),
        meta: { permission: Permission.RegistersImport, titleKey: 'registers.menu.import' },
      },
      {
        path: 'registers/tags',
        name: 'registers-tags',
        component: () => import('./registers/TagsPage.vue'),
        meta: { permission: Permission.RegistersTags, titleKey: 'registers.menu.tags' },
      },
      {
        path: 'registers/visit',
        name: 'registers-visit',
        component: () => import('./registers/VisitPage.vue'),
        meta: { permission: Permission.RegistersRead, titleKey: 'registers.menu.visit' },
      },
      {
        path: 'registers/:tab(residents|households|enterprises)',
        name: 'registers',
        component: () => import('./registers/RegistersPage.vue'),
        meta: { permission: Permission.RegistersRead, titleKey: 'registers.menu.registers' },
      },
      {
        path: 'regions',
        name: 'regions',
        component: () => import('./geo/RegionTreePage.vue'),
        meta: { permission: Permission.RegionsRead, titleKey: 'menu.regions' },
      },
      {
        path: 'cases/import',
        name: 'hotline-import',
        component: () => import('./cases/HotlineImportPage.vue'),
        meta: { permission: Permission.CasesReport, titleKey: 'hotlineImport.menu' },
      },
      {
        path: 'users',
        name: 'users',
        component: () => import('./identity/UsersPage.vue'),
        meta: { permission: Permission.UsersManage, titleKey: 'menu.users' },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('./identity/AuditLogPage.vue'),
        meta: { permission: Permission.AuditRead, titleKey: 'menu.audit' },
      },
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('./platform/NoAccessPage.vue'),
        meta: { titleKey: 'errors.forbiddenTitle' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('./platform/NotFoundPage.vue'),
        meta: { titleKey: 'errors.notFoundTitle' },
      },
    ],
  },
]

export interface SessionView {
  isAuthenticated: boolean
  permissions: readonly string[]
}

export interface Destination {
  name?: unknown
  fullPath: string
  meta: RouteMeta
  matched: readonly { meta: RouteMeta }[]
}

/** Where a navigation may go: `true` to proceed, otherwise where to send the user instead. */
export function accessDecision(to: Destination, session: SessionView): true | RouteLocationRaw {
  if (to.meta.public) {
    return to.name === 'login' && session.isAuthenticated ? { name: 'home' } : true
  }
  if (!session.isAuthenticated) {
    return to.fullPath === '/' ? { name: 'login' } : { name: 'login', query: { redirect: to.fullPath } }
  }
  for (const record of to.matched) {
    const needed = record.meta.permission
    if (needed && !session.permissions.includes(needed)) {
      return { name: 'forbidden', query: { from: to.fullPath }, replace: true }
    }
  }
  return true
}

/** Loads the session on the first navigation, then applies `accessDecision` to every navigation. */
export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    // A public page other than the login (the grid page behind a QR code) never asks who is signed in.
    if (to.meta.public && to.name !== 'login') return true
    const session = useSession()
    try {
      const failure = await session.ensureLoaded()
      if (failure?.code === 'auth.session-expired') {
        ElMessage({ type: 'warning', message: i18n.global.t('auth.sessionExpired'), grouping: true })
      }
    } catch {
      session.clear()
    }
    return accessDecision(to, session)
  })
  const updateTitle = () => {
    if (typeof document === 'undefined') return
    const key = router.currentRoute.value.meta.titleKey
    document.title = [key ? i18n.global.t(key) : '', i18n.global.t('app.name')].filter(Boolean).join(' - ')
  }
  router.afterEach(updateTitle)
  watch(i18n.global.locale, updateTitle)
}

export function createAppRouter(history: RouterHistory = createWebHistory('/')): Router {
  const router = createRouter({ history, routes, scrollBehavior: () => ({ top: 0 }) })
  installGuards(router)
  return router
}
