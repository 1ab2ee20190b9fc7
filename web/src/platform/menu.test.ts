import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createRouter, createMemoryHistory } from 'vue-router'
import ElementPlus from 'element-plus'
import { i18n } from './i18n'
import { menuItemsFor } from './menu'
import SideMenu from './SideMenu.vue'

const keys = (permissions: string[]) => menuItemsFor(permissions).map((item) => item.key)

describe('menuItemsFor', () => {
  it('aUserWithoutPermissionsSeesOnlyHome', () => {
    expect(keys([])).toEqual(['home'])
  })

  it('eachEntryNeedsItsOwnPermission', () => {
    expect(keys(['regions.read'])).toEqual(['home', 'regions'])
    expect(keys(['users.manage'])).toEqual(['home', 'users'])
    expect(keys(['audit.read'])).toEqual(['home', 'audit'])
  })

  it('anAdministratorSeesUsersButNotTheAuditLog', () => {
    expect(keys(['regions.read', 'users.manage'])).toEqual(['home', 'regions', 'users'])
  })

  it('permissionsWithoutAMenuEntryAddNothing', () => {
    expect(keys(['regions.read', 'personaldata.reveal', 'audit.readx'])).toEqual(['home', 'regions'])
  })

  it('theCatalogueNeedsCasesConfigureAndTheCasePagesNeedARoleThatWorksThem', () => {
    expect(keys(['cases.configure'])).toEqual(['home', 'cases-catalogue'])
    expect(keys(['cases.read', 'cases.report'])).toEqual(['home'])
  })

  it('eachRoleSeesItsOwnPartOfTheCaseLoop', () => {
    const commandCentre = menuItemsFor(['cases.read', 'cases.report'], ['COMMAND_CENTRE']).map((i) => i.key)
    expect(commandCentre).toEqual(['home', 'cases', 'case-intake', 'hotline-import'])
    expect(menuItemsFor(['cases.read'], ['DEPARTMENT']).map((i) => i.key)).toEqual(['home', 'inbox'])
    expect(menuItemsFor(['cases.read', 'cases.report'], ['GRID_WORKER']).map((i) => i.key)).toEqual([
      'home',
      'patrol',
      'my-cases',
    ])
    expect(menuItemsFor(['cases.read'], ['LEADER']).map((i) => i.key)).toEqual(['home', 'cases'])
  })

  it('intakeAndHotlineImportNeedCasesReport', () => {
    const readOnly = menuItemsFor(['cases.read'], ['COMMAND_CENTRE']).map((i) => i.key)
    expect(readOnly).toEqual(['home', 'cases'])
    // A grid worker may report, but from the patrol page of the phone, not from the operator's intake form.
    expect(menuItemsFor(['cases.read', 'cases.report'], ['GRID_WORKER']).map((i) => i.key)).not.toContain('case-intake')
    expect(menuItemsFor(['cases.report'], ['GRID_WORKER']).map((i) => i.key)).not.toContain('hotline-import')
  })

  it('aUserWithSeveralRolesSeesTheEntriesOfEach', () => {
    expect(menuItemsFor(['cases.read'], ['DEPARTMENT', 'LEADER']).map((i) => i.key)).toEqual(['home', 'cases', 'inbox'])
  })

  it('theDashboardAndStatisticsNeedInsightRead', () => {
    expect(keys(['insight.read'])).toEqual(['home', 'dashboard', 'statistics'])
  })

  it('theMapNeedsGridsReadAndWorkersAndBoardsNeedWorkersRead', () => {
    expect(keys(['grids.read'])).toEqual(['home', 'map'])
    expect(keys(['workers.read'])).toEqual(['home', 'workers', 'boards'])
    expect(keys(['grids.manage'])).toEqual(['home', 'grids-admin'])
  })

  it('anAdministratorSeesGridManagementAndEveryWorkforcePage', () => {
    const admin = ['regions.read', 'users.manage', 'grids.read', 'grids.manage', 'workers.read', 'workers.manage']
    expect(keys(admin)).toEqual(['home', 'map', 'regions', 'grids-admin', 'workers', 'boards', 'users'])
  })

  it('theRegistersNeedTheirPermissionsAndTheVisitFormIsForGridWorkers', () => {
    expect(keys(['registers.read'])).toEqual(['home', 'registers'])
    expect(keys(['registers.import'])).toEqual(['home', 'registers-import'])
    expect(keys(['registers.tags'])).toEqual(['home', 'registers-tags'])
    expect(menuItemsFor(['registers.read'], ['GRID_WORKER']).map((i) => i.key)).toEqual(['home', 'registers', 'registers-visit'])
  })

  it('myGridIsShownOnlyToGridWorkers', () => {
    const perms = ['regions.read', 'grids.read', 'workers.read']
    expect(menuItemsFor(perms, ['GRID_WORKER']).map((i) => i.key)).toEqual([
      'home',
      'map',
      'my-grid',
      'regions',
      'workers',
      'boards',
    ])
    expect(menuItemsFor(perms, ['MEDIATOR']).map((i) => i.key)).not.toContain('my-grid')
    expect(menuItemsFor(['regions.read'], ['GRID_WORKER']).map((i) => i.key)).not.toContain('my-grid')
  })

  it('patrolAndMyCasesAreShownToGridWorkersWithTheCasePermissions', () => {
    const perms = ['regions.read', 'grids.read', 'workers.read', 'cases.read', 'cases.report']
    expect(menuItemsFor(perms, ['GRID_WORKER']).map((i) => i.key)).toEqual([
      'home',
      'patrol',
      'my-cases',
      'map',
      'my-grid',
      'regions',
      'workers',
      'boards',
    ])
    expect(menuItemsFor(perms, ['COMMAND_CENTRE']).map((i) => i.key)).not.toContain('patrol')
    expect(menuItemsFor(['cases.read'], ['GRID_WORKER']).map((i) => i.key)).toEqual(['home', 'my-cases'])
  })

  it('hotlineImportIsShownToTheCommandCentreWhoMayReportCases', () => {
    expect(menuItemsFor(['cases.report'], ['COMMAND_CENTRE']).map((i) => i.key)).toContain('hotline-import')
    expect(menuItemsFor(['cases.report'], ['GRID_WORKER']).map((i) => i.key)).not.toContain('hotline-import')
    expect(menuItemsFor(['cases.read'], ['COMMAND_CENTRE']).map((i) => i.key)).not.toContain('hotline-import')
  })

  it('theAuditorSeesNoMapAndNoWorkforcePages', () => {
    expect(menuItemsFor(['regions.read', 'audit.read'], ['AUDITOR']).map((i) => i.key)).toEqual(['home', 'regions', 'audit'])
  })
})

describe('SideMenu', () => {
  async function renderedItems(permissions: string[], roles: string[] = []) {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
    })
    await router.push('/')
    const wrapper = mount(SideMenu, {
      props: { permissions, roles },
      global: { plugins: [router, i18n, ElementPlus] },
    })
    const menu = wrapper.get('[data-testid="menu"]')
    const ids = menu.findAll('[data-testid^="menu-"]').map((el) => el.attributes('data-testid'))
    const labels = menu.findAll('[data-testid^="menu-"]').map((el) => el.text())
    wrapper.unmount()
    return { ids, labels }
  }

  it('rendersExactlyTheEntriesThePermissionsAllow', async () => {
    i18n.global.locale.value = 'zh-CN'
    expect(await renderedItems(['regions.read', 'audit.read'])).toEqual({
      ids: ['menu-home', 'menu-regions', 'menu-audit'],
      labels: ['首页', '辖区', '审计日志'],
    })
    expect((await renderedItems(['regions.read', 'users.manage'])).ids).toEqual([
      'menu-home',
      'menu-regions',
      'menu-users',
    ])
    expect((await renderedItems([])).ids).toEqual(['menu-home'])
  })

  it('rendersTheGridPagesWithTheirChineseLabels', async () => {
    i18n.global.locale.value = 'zh-CN'
    expect(await renderedItems(['regions.read', 'grids.read', 'workers.read'], ['GRID_WORKER'])).toEqual({
      ids: ['menu-home', 'menu-map', 'menu-my-grid', 'menu-regions', 'menu-workers', 'menu-boards'],
      labels: ['首页', '网格地图', '我的网格', '辖区', '网格员', '公示牌'],
    })
    expect((await renderedItems(['grids.read', 'grids.manage'])).labels).toEqual(['首页', '网格地图', '网格管理'])
  })

  it('highlightsTheLongestMatchingEntrySoTheIntakeIsNotTheQueue', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
    })
    await router.push('/cases/new')
    const wrapper = mount(SideMenu, {
      props: { permissions: ['cases.read', 'cases.report'], roles: ['COMMAND_CENTRE'] },
      global: { plugins: [router, i18n, ElementPlus] },
    })
    expect(wrapper.get('[data-testid="menu-case-intake"]').classes()).toContain('is-active')
    expect(wrapper.get('[data-testid="menu-cases"]').classes()).not.toContain('is-active')
    await router.push('/cases/0190abcd')
    await wrapper.vm.$nextTick()
    expect(wrapper.get('[data-testid="menu-cases"]').classes()).toContain('is-active')
    wrapper.unmount()
  })

  it('rendersTheGridWorkersCasePagesWithTheirChineseLabels', async () => {
    i18n.global.locale.value = 'zh-CN'
    expect(await renderedItems(['grids.read', 'cases.read', 'cases.report'], ['GRID_WORKER'])).toEqual({
      ids: ['menu-home', 'menu-patrol', 'menu-my-cases', 'menu-map', 'menu-my-grid'],
      labels: ['首页', '巡查上报', '我的事件', '网格地图', '我的网格'],
    })
  })
})
