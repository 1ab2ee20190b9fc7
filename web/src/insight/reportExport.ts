import { ApiError, dispositionFileName, withQuery, type DownloadedFile, type ProblemDetail } from '../platform/api'
import { currentLocale } from '../platform/i18n'

// ---- the monthly evaluation report (src/main/java/io/gridgov/insight/internal/ReportController.java) ----

export type ReportFormat = 'xlsx' | 'pdf'
export const REPORT_FORMATS: readonly ReportFormat[] = ['xlsx', 'pdf']

/** `YYYY-MM` of a date (its calendar month as the browser sees it). */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`
}

/** The month before the current one: the last month whose report is complete (the default). */
export function lastCompleteMonth(today: Date = new Date()): string {
  return monthOf(new Date(today.getFullYear(), today.getMonth() - 1, 1))
}

/** True for a month that has not begun yet (the server refuses it with `insight.month-future`). */
export function isFutureMonth(month: Date, today: Date = new Date()): boolean {
  return monthOf(month) > monthOf(today)
}

/** The download's path: the month, the region (the caller's scope when absent) and the report's language. */
export function reportPath(format: ReportFormat, month: string, region: string | null | undefined, locale: string): string {
  return withQuery(`/api/insight/reports/monthly.${format}`, {
    month,
    region: region ?? undefined,
    lang: locale === 'en' ? 'en' : 'zh',
  })
}

/** GETs the report; a refusal becomes an `ApiError` with the server's localized problem message. */
export async function downloadReport(
  format: ReportFormat,
  month: string,
  region: string | null | undefined,
  locale: string,
  signal?: AbortSignal,
): Promise<DownloadedFile> {
  let response: Response
  try {
    response = await fetch(reportPath(format, month, region, locale), {
      credentials: 'same-origin',
      headers: { Accept: '*/*', 'Accept-Language': currentLocale() },
      signal,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, { code: 'network' })
  }
  if (!response.ok) {
    const body = (response.headers.get('content-type') ?? '').includes('json')
      ? ((await response.json().catch(() => ({}))) as ProblemDetail)
      : {}
    throw new ApiError(response.status, { status: response.status, ...body })
  }
  return {
    blob: await response.blob(),
    fileName: dispositionFileName(response.headers.get('content-disposition'), `monthly-report-${month}.${format}`),
  }
}
