import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { dispositionFileName } from '../platform/api'
import { kindParam, registersApi, tagName, type Tag } from './registersApi'

type Call = { url: string; method: string; headers: Record<string, string>; body: unknown }

describe('registersApi', () => {
  let calls: Call[]
  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=t0k3n'
    calls = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({
          url,
          method: init.method ?? 'GET',
          headers: init.headers as Record<string, string>,
          body: init.body ? JSON.parse(String(init.body)) : undefined,
        })
        if (url.endsWith('/export')) {
          return new Response(new Blob(['xlsx']), {
            status: 200,
            headers: { 'content-disposition': "attachment; filename=\"residents.xlsx\"; filename*=UTF-8''%E5%B1%85%E6%B0%91.xlsx" },
          })
        }
        return new Response(JSON.stringify({ value: '440704199001019137', items: [], page: 0, size: 20, total: 0 }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        })
      }),
    )
  })
  afterEach(() => vi.unstubAllGlobals())

  it('aListQuerySendsOnlyTheChosenFilters', async () => {
    await registersApi.residents({ gridCode: '440704003001', q: ' 陈 ', tag: '', residency: 'FLOATING', status: '', page: 1, size: 20 })
    expect(calls[0].url).toBe('/api/registers/residents?gridCode=440704003001&q=%E9%99%88&residency=FLOATING&page=1&size=20')
  })

  it('aMaskedExportSendsTheFilterAndNoReasonWithTheCsrfHeader', async () => {
    const file = await registersApi.exportResidents({ gridCode: '', q: '', tag: 'TRAVELLER', page: 3, size: 20 }, false)
    expect(calls[0]).toMatchObject({
      url: '/api/registers/residents/export',
      method: 'POST',
      body: { tag: 'TRAVELLER', reveal: false },
    })
    expect(calls[0].headers['X-XSRF-TOKEN']).toBe('t0k3n')
    expect(file.fileName).toBe('居民.xlsx')
  })

  it('anUnmaskedExportCarriesTheStatedReason', async () => {
    await registersApi.exportEnterprises({ flag: 'HIGH_TECH' }, true, '核查企业联系人')
    expect(calls[0].body).toEqual({ flag: 'HIGH_TECH', reveal: true, reason: '核查企业联系人' })
  })

  it('aRevealPostsTheReasonAndAnswersTheValue', async () => {
    expect(await registersApi.revealIdNumber('r-1', '办理低保核查')).toBe('440704199001019137')
    expect(calls[0]).toMatchObject({ url: '/api/registers/residents/r-1/id-number/reveal', body: { reason: '办理低保核查' } })
  })

  it('importKindsAreSingularOnTheServer', () => {
    expect(kindParam('residents')).toBe('resident')
    expect(registersApi.templateUrl('enterprises')).toBe('/api/registers/imports/templates/enterprise')
  })

  it('aTagShowsInTheUiLanguageAndAnUnknownCodeAsItself', () => {
    const tags: Tag[] = [{ code: 'TRAVELLER', nameZh: '返乡人员', nameEn: 'Traveller', category: 'FOLLOW_UP', sortOrder: 1, active: true }]
    expect(tagName(tags, 'TRAVELLER', 'zh-CN')).toBe('返乡人员')
    expect(tagName(tags, 'TRAVELLER', 'en')).toBe('Traveller')
    expect(tagName(tags, 'GONE', 'en')).toBe('GONE')
  })

  it('theFileNameComesFromContentDisposition', () => {
    expect(dispositionFileName('attachment; filename="a.xlsx"', 'x.xlsx')).toBe('a.xlsx')
    expect(dispositionFileName(null, 'x.xlsx')).toBe('x.xlsx')
  })
})
