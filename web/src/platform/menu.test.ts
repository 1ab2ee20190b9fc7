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
    expect(keys(['regions.read', 'cases.read', 'audit.readx'])).toEqual(['home', 'regions'])
  })
})

describe('SideMenu', () => {
  async function renderedItems(permissions: string[]) {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
    })
    await router.push('/')
    const wrapper = mount(SideMenu, {
      props: { permissions },
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
})
