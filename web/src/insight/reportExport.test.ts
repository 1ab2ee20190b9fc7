import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../platform/api'
import { downloadReport, isFutureMonth, lastCompleteMonth, reportPath } from './reportExport'

describe('monthly report export', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('theDefaultMonthIsTheLastCompleteOneAcrossTheTurnOfTheYear', () => {
    expect(lastCompleteMonth(new Date(2026, 10, 29))).toBe('2026-10')
    expect(lastCompleteMonth(new Date(2026, 0, 3))).toBe('2025-12')
  })

  it('onlyMonthsThatHaveBegunCanBePicked', () => {
    const today = new Date(2026, 10, 29)
    expect(isFutureMonth(new Date(2026, 11, 1), today)).toBe(true)
    expect(isFutureMonth(new Date(2026, 10, 1), today)).toBe(false)
    expect(isFutureMonth(new Date(2024, 5, 1), today)).toBe(false)
  })

  it('thePathNamesFormatMonthRegionAndTheLanguageOfThePage', () => {
    expect(reportPath('xlsx', '2024-06', '440704003000', 'zh-CN')).toBe(
      '/api/insight/reports/monthly.xlsx?month=2024-06&region=440704003000&lang=zh',
    )
    expect(reportPath('pdf', '2024-06', null, 'en')).toBe('/api/insight/reports/monthly.pdf?month=2024-06&lang=en')
  })

  it('aRefusedDownloadCarriesTheServersProblem', async () => {
    const problem = { code: 'insight.month-future', messages: { 'zh-CN': '月份 2027-01 尚未开始', en: 'Month 2027-01 has not begun' } }
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(problem), {
      status: 400,
      headers: { 'content-type': 'application/problem+json' },
    })))
    const error = await downloadReport('pdf', '2027-01', null, 'zh-CN').catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.code).toBe('insight.month-future')
  })

  it('aDownloadIsNamedByTheServersContentDisposition', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(new Blob(['%PDF']), {
      status: 200,
      headers: { 'content-disposition': "attachment; filename*=UTF-8''%E5%A4%96%E6%B5%B7%E8%A1%97%E9%81%93-2024-06.pdf" },
    })))
    const file = await downloadReport('pdf', '2024-06', null, 'zh-CN')
    expect(file.fileName).toBe('外海街道-2024-06.pdf')
    expect(file.blob.size).toBe(4)
  })
})
