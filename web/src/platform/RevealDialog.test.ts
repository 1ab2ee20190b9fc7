import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import ElementPlus from 'element-plus'
import { i18n } from './i18n'
import { api } from './api'
import RevealDialog from './RevealDialog.vue'

type Call = { url: string; method: string; body: unknown }

describe('RevealDialog', () => {
  let calls: Call[]

  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
    document.cookie = 'XSRF-TOKEN=t0k3n'
    calls = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url, method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : undefined })
        return new Response(JSON.stringify({ phone: '13812345678' }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        })
      }),
    )
  })

  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  async function open() {
    const reveal = async (reason: string) =>
      (await api.post<{ phone: string }>('/api/workforce/workers/w-1/phone/reveal', { reason })).phone
    const wrapper = mount(RevealDialog, {
      props: {
        modelValue: false,
        title: '查看 陈晓敏 的完整号码',
        reveal,
        'onUpdate:modelValue': (v: boolean) => wrapper.setProps({ modelValue: v }),
      },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await wrapper.setProps({ modelValue: true })
    await flushPromises()
    return wrapper
  }

  const submit = () => (document.querySelector('[data-testid="reveal-submit"]') as HTMLButtonElement).click()
  const reason = () => document.querySelector('textarea[data-testid="reveal-reason"], [data-testid="reveal-reason"] textarea') as HTMLTextAreaElement

  it('doesNotRevealWithoutAReason', async () => {
    const wrapper = await open()
    reason().value = '   '
    reason().dispatchEvent(new Event('input'))
    submit()
    await flushPromises()
    await nextTick()
    expect(calls).toEqual([])
    expect(document.querySelector('[data-testid="reveal-reason-missing"]')?.textContent).toContain('请填写查看原因')
    expect(wrapper.emitted('revealed')).toBeUndefined()
    wrapper.unmount()
  })

  it('sendsTheStatedReasonAndHandsBackTheValue', async () => {
    const wrapper = await open()
    reason().value = '  核实事件现场  '
    reason().dispatchEvent(new Event('input'))
    submit()
    await flushPromises()
    expect(calls).toEqual([
      { url: '/api/workforce/workers/w-1/phone/reveal', method: 'POST', body: { reason: '核实事件现场' } },
    ])
    expect(wrapper.emitted('revealed')).toEqual([['13812345678']])
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([false])
    wrapper.unmount()
  })
})
