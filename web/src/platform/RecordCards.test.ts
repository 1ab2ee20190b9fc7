import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { h } from 'vue'
import ElementPlus from 'element-plus'
import { i18n } from './i18n'
import RecordCards from './RecordCards.vue'

type Row = { id: string; name: string }
const ROWS: Row[] = [
  { id: 'a', name: '甲' },
  { id: 'b', name: '乙' },
]

describe('RecordCards', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  function cards(props: Record<string, unknown>, withActions = false) {
    const acted: Row[] = []
    const wrapper = mount(RecordCards, {
      props: { rows: ROWS, testId: 'things', ...props },
      slots: {
        head: ({ row }: { row: unknown }) => h('strong', { 'data-testid': 'thing-name' }, (row as Row).name),
        default: ({ row }: { row: unknown }) => h('div', { class: 'muted', 'data-testid': 'thing-line' }, `line ${(row as Row).id}`),
        ...(withActions
          ? { actions: ({ row }: { row: unknown }) => h('button', { 'data-testid': 'thing-act', onClick: () => acted.push(row as Row) }, 'act') }
          : {}),
      },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    return { wrapper, acted }
  }

  it('showsOneCardPerRowFilledByTheCallersSlots', () => {
    const { wrapper } = cards({})
    expect(wrapper.find('[data-testid="things"]').exists()).toBe(true)
    expect(wrapper.findAll('.record-card')).toHaveLength(2)
    expect(wrapper.findAll('[data-testid="thing-name"]').map((n) => n.text())).toEqual(['甲', '乙'])
    expect(wrapper.findAll('[data-testid="thing-line"]').map((n) => n.text())).toEqual(['line a', 'line b'])
    expect(wrapper.find('.el-empty').exists()).toBe(false)
  })

  it('aCardOpensItsRecordOnClickAndOnEnter', async () => {
    const opened: Row[] = []
    const { wrapper } = cards({ open: (row: Row) => opened.push(row) })
    const [first, second] = wrapper.findAll('.record-card')
    expect(first.attributes('role')).toBe('button')
    expect(first.attributes('tabindex')).toBe('0')
    await second.trigger('click')
    await first.trigger('keydown', { key: 'Enter' })
    expect(opened.map((r) => r.id)).toEqual(['b', 'a'])
  })

  it('withoutOpenTheCardsAreNoButtons', async () => {
    const { wrapper } = cards({})
    const card = wrapper.find('.record-card')
    expect(card.attributes('role')).toBeUndefined()
    expect(card.attributes('tabindex')).toBeUndefined()
    expect(card.classes()).not.toContain('clickable')
    await card.trigger('click') // nothing to open, nothing thrown
  })

  it('anActionDoesNotAlsoOpenTheCard', async () => {
    const opened: Row[] = []
    const { wrapper, acted } = cards({ open: (row: Row) => opened.push(row) }, true)
    await wrapper.findAll('[data-testid="thing-act"]')[1].trigger('click')
    expect(acted.map((r) => r.id)).toEqual(['b'])
    expect(opened).toEqual([])
  })

  it('noActionsRowWithoutTheActionsSlot', () => {
    const { wrapper } = cards({})
    expect(wrapper.find('.record-card-actions').exists()).toBe(false)
  })

  it('theBadgeStandsLastInTheHead', () => {
    const wrapper = mount(RecordCards, {
      props: { rows: ROWS },
      slots: {
        head: ({ row }: { row: unknown }) => h('strong', (row as Row).name),
        badge: () => h('em', { 'data-testid': 'thing-badge' }, '3'),
      },
      global: { plugins: [i18n, ElementPlus] },
    })
    const head = wrapper.find('.record-card-head')
    expect(head.element.lastElementChild?.classList.contains('record-card-badge')).toBe(true)
    expect(head.find('.record-card-badge [data-testid="thing-badge"]').text()).toBe('3')
    expect(cards({}).wrapper.find('.record-card-badge').exists()).toBe(false)
  })

  it('showsEmptyOnlyWhenLoadedWithoutRows', async () => {
    const { wrapper } = cards({ rows: [], loading: true })
    expect(wrapper.find('.el-empty').exists()).toBe(false)
    await wrapper.setProps({ loading: false })
    expect(wrapper.find('.el-empty').text()).toContain('暂无数据')
    expect(wrapper.findAll('.record-card')).toHaveLength(0)
  })
})
