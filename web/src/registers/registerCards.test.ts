import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '../platform/i18n'
import { Permission } from '../platform/permissions'
import { useSession } from '../identity/session'
import HouseholdsList from './HouseholdsList.vue'
import EnterprisesList from './EnterprisesList.vue'

/** The households and enterprises lists on a phone (issue 5): cards, not a wide table. */
const HOUSEHOLD = {
  id: 'h-1',
  gridCode: 'G1',
  gridName: '金海一网格',
  address: '外海大道 8 号',
  building: '3',
  unit: '2',
  room: '101',
  headId: 'r-1',
  headName: '陈建国',
  memberCount: 4,
  version: 0,
}
const ENTERPRISE = {
  id: 'e-1',
  name: '江海五金厂',
  creditCode: '91440704MA51XXXX1X',
  address: null,
  longitude: null,
  latitude: null,
  gridCode: 'G1',
  gridName: '金海一网格',
  industry: '制造业',
  employeeCount: 37,
  contactName: '李敏',
  contactPhoneMasked: '138****5678',
  flags: ['HIGH_TECH'],
  version: 0,
  updatedAt: '2026-11-01T00:00:00Z',
}
const page = (items: unknown[]) => ({ items, page: 0, size: 20, total: items.length })

// Mounting a whole list with Element Plus takes seconds on a busy machine; the default 5 s is too tight.
describe('register cards on a phone', { timeout: 20_000 }, () => {
  let calls: string[]

  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
    document.cookie = 'XSRF-TOKEN=t0k3n'
    calls = []
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: true,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }))
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        calls.push(url)
        const path = url.split('?')[0]
        const body =
          path === '/api/registers/households'
            ? page([HOUSEHOLD])
            : path === '/api/registers/households/h-1'
              ? { household: HOUSEHOLD, members: [{ id: 'r-1', name: '陈建国', idNumberMasked: '440704********1234', status: 'PRESENT' }] }
              : path === '/api/registers/enterprises'
                ? page([ENTERPRISE])
                : path === '/api/registers/tags'
                  ? []
                  : path === '/api/regions/tree'
                    ? { code: 'S', name: '外海街道', level: 'SUBDISTRICT', children: [] }
                    : null
        return new Response(JSON.stringify(body), { status: body ? 200 : 404, headers: { 'content-type': 'application/json' } })
      }),
    )
  })

  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  async function mountList(component: typeof HouseholdsList | typeof EnterprisesList, permissions: string[]) {
    const pinia = createPinia()
    setActivePinia(pinia)
    const session = useSession()
    session.me = { id: 'u', username: 'u', displayName: 'U', roles: [], scope: null, permissions }
    session.loaded = true
    const wrapper = mount(component, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    return wrapper
  }

  it('householdsShowCardsWithAddressPlaceHeadAndMembersInsteadOfATable', async () => {
    const wrapper = await mountList(HouseholdsList, [Permission.RegistersRead])
    expect(wrapper.find('[data-testid="households-table"]').exists()).toBe(false)
    const card = wrapper.find('[data-testid="households-cards"] .record-card')
    expect(card.find('[data-testid="household-address"]').text()).toBe('外海大道 8 号')
    expect(card.text()).toContain('3 栋')
    expect(card.text()).toContain('金海一网格')
    expect(card.text()).toContain('户主：陈建国')
    expect(card.text()).toContain('4 人')
  })

  it('aHouseholdCardOpensTheHouseholdLikeTheTablesAddressLink', async () => {
    const wrapper = await mountList(HouseholdsList, [Permission.RegistersRead])
    await wrapper.find('[data-testid="households-cards"] .record-card').trigger('click')
    await flushPromises()
    expect(calls).toContain('/api/registers/households/h-1')
    expect(document.querySelector('[data-testid="household-detail"]')?.textContent).toContain('陈建国')
  })

  it('householdFiltersHideBehindTheFilterButton', async () => {
    const wrapper = await mountList(HouseholdsList, [Permission.RegistersRead])
    expect(wrapper.find('.el-tree-select, .el-select').exists()).toBe(false)
    await wrapper.find('[data-testid="households-filters"]').trigger('click')
    expect(wrapper.find('.el-select').exists()).toBe(true)
  })

  it('enterprisesShowCardsWithNameCodeGridEmployeesFlagsAndContact', async () => {
    const wrapper = await mountList(EnterprisesList, [Permission.RegistersRead])
    expect(wrapper.find('[data-testid="enterprises-table"]').exists()).toBe(false)
    const card = wrapper.find('[data-testid="enterprises-cards"] .record-card')
    expect(card.find('[data-testid="enterprise-name"]').text()).toBe('江海五金厂')
    expect(card.text()).toContain('91440704MA51XXXX1X')
    expect(card.text()).toContain('制造业')
    expect(card.text()).toContain('金海一网格')
    expect(card.text()).toContain('从业 37 人')
    expect(card.text()).toContain('高新技术')
    expect(card.text()).toContain('李敏')
  })

  it('theContactPhoneStaysMaskedAndRevealsOnlyThroughTheReasonDialog', async () => {
    const wrapper = await mountList(EnterprisesList, [Permission.RegistersRead, Permission.PersonalDataReveal])
    const card = wrapper.find('[data-testid="enterprises-cards"] .record-card')
    expect(card.find('[data-testid="phone-masked"]').text()).toBe('138****5678')
    expect(card.find('[data-testid="phone-full"]').exists()).toBe(false)
    expect(card.text()).not.toMatch(/138\d{8}/)
    await card.find('[data-testid="phone-reveal"]').trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-testid="reveal-dialog"]')).not.toBeNull()
    expect(calls.some((url) => url.includes('/phone/reveal'))).toBe(false)
  })

  it('withoutRevealPermissionTheCardOffersNoReveal', async () => {
    const wrapper = await mountList(EnterprisesList, [Permission.RegistersRead])
    expect(wrapper.find('[data-testid="phone-masked"]').text()).toBe('138****5678')
    expect(wrapper.find('[data-testid="phone-reveal"]').exists()).toBe(false)
  })

  it('anEnterpriseCardOffersNoEditToReadersLikeTheTable', async () => {
    const reader = await mountList(EnterprisesList, [Permission.RegistersRead])
    expect(reader.find('[data-testid="enterprises-cards"] .record-card').exists()).toBe(true)
    expect(reader.find('.record-card-actions').exists()).toBe(false)
  })

  it('anEnterpriseCardOffersEditToManagersLikeTheTable', async () => {
    const manager = await mountList(EnterprisesList, [Permission.RegistersRead, Permission.RegistersManage])
    const edit = manager.find('[data-testid="enterprises-cards"] .record-card-actions button')
    expect(edit.text()).toBe('编辑')
    await edit.trigger('click')
    await flushPromises()
    expect(document.querySelector('.el-dialog')).not.toBeNull()
  })

  it('enterpriseFiltersHideBehindTheFilterButton', async () => {
    const wrapper = await mountList(EnterprisesList, [Permission.RegistersRead])
    expect(wrapper.findAll('form .el-input')).toHaveLength(1)
    await wrapper.find('[data-testid="enterprises-filters"]').trigger('click')
    expect(wrapper.findAll('form .el-input').length).toBeGreaterThan(1)
  })
})
