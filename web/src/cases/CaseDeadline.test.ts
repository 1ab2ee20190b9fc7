import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '../platform/i18n'
import CaseDeadline from './CaseDeadline.vue'

const NOW = Date.parse('2026-11-30T02:00:00Z')
const base = { overdue: false, dueSoon: false, supervised: false, unassigned: false }

function render(item: Record<string, unknown>) {
  i18n.global.locale.value = 'zh-CN'
  return mount(CaseDeadline, { props: { item: { ...base, ...item } as never, now: NOW }, global: { plugins: [i18n, ElementPlus] } })
}

describe('CaseDeadline', () => {
  it('aReportedCaseCountsDownToItsAcceptanceDeadline', () => {
    const w = render({ status: 'REPORTED', deadline: null, acceptDeadline: '2026-11-30T04:00:00Z' })
    expect(w.find('[data-testid="case-countdown"]').exists()).toBe(true)
  })

  it('anAcceptedCaseWithoutADispatchShowsNoCountdownFromTheAcceptanceDeadline', () => {
    const w = render({ status: 'ACCEPTED', deadline: null, acceptDeadline: '2026-11-30T04:00:00Z' })
    expect(w.find('[data-testid="case-countdown"]').exists()).toBe(false)
  })

  it('aDispatchedCaseCountsDownToItsHandlingDeadline', () => {
    const w = render({ status: 'DISPATCHED', deadline: '2026-12-01T02:00:00Z', acceptDeadline: '2026-11-29T04:00:00Z' })
    expect(w.find('[data-testid="case-countdown"]').attributes('title')).toContain('2026')
  })
})
