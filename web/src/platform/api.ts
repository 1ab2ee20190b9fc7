import { currentLocale, i18n, type Locale } from './i18n'

/** One entry of the `errors` array of a validation problem. */
export interface FieldError {
  field: string
  code?: string
  message: string
}

/** RFC 9457 problem details as the GridGov back end writes them. */
export interface ProblemDetail {
  type?: string
  title?: string
  status?: number
  detail?: string
  code?: string
  messages?: Partial<Record<Locale, string>>
  requestId?: string
  errors?: FieldError[]
  [property: string]: unknown
}

/** A failed API call. `message` is already localized for the current UI language. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly problem: ProblemDetail
  readonly fieldErrors: FieldError[]
  /** Seconds to wait before trying again (a 429's or 503's `Retry-After`), when the server said. */
  readonly retryAfterSeconds: number | null

  constructor(status: number, problem: ProblemDetail, locale: Locale = currentLocale(), retryAfter: string | null = null) {
    super(ApiError.localize(status, problem, locale))
    this.name = 'ApiError'
    this.status = status
    this.code = problem.code ?? `http.${status}`
    this.problem = problem
    this.fieldErrors = Array.isArray(problem.errors) ? problem.errors : []
    this.retryAfterSeconds = parseRetryAfter(retryAfter)
  }

  get requestId(): string | undefined {
    return this.problem.requestId
  }

  /** Field name → message, ready for `el-form-item :error`. */
  fieldMessages(): Record<string, string> {
    const result: Record<string, string> = {}
    for (const e of this.fieldErrors) if (!(e.field in result)) result[e.field] = e.message
    return result
  }

  private static localize(status: number, problem: ProblemDetail, locale: Locale): string {
    return (
      problem.messages?.[locale] ||
      problem.detail ||
      problem.title ||
      (status === 0 ? i18n.global.t('errors.network') : i18n.global.t('errors.http', { status }))
    )
  }
}

/** `Retry-After` as seconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000))
}

export const UNAUTHENTICATED_CODES = ['auth.session-expired', 'auth.unauthenticated'] as const

export interface RequestOptions {
  /** Do not hand a 401 to the unauthorized handler (login, the session probe). */
  skipAuthRedirect?: boolean
  signal?: AbortSignal
  /** Extra request headers (e.g. `Idempotency-Key`); they never override Accept, CSRF or the language. */
  headers?: Record<string, string>
}

type UnauthorizedHandler = (error: ApiError) => void
let unauthorizedHandler: UnauthorizedHandler | null = null

/** Called with the error when a call fails because the session is gone. */
export function onUnauthorized(handler: UnauthorizedHandler | null): void {
  unauthorizedHandler = handler
}

export const CSRF_COOKIE = 'XSRF-TOKEN'
export const CSRF_HEADER = 'X-XSRF-TOKEN'
export const CSRF_ENDPOINT = '/api/auth/csrf'

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return null
}

async function csrfToken(forceRefresh: boolean): Promise<string | null> {
  let token = forceRefresh ? null : readCookie(CSRF_COOKIE)
  if (!token) {
    await send('GET', CSRF_ENDPOINT, undefined, { skipAuthRedirect: true })
    token = readCookie(CSRF_COOKIE)
  }
  return token
}

function isCsrfRejection(error: ApiError): boolean {
  return error.status === 403 && (/csrf/i.test(error.code) || !error.problem.code)
}

/** Appends the non-empty parameters as a query string. */
export function withQuery(path: string, params: Record<string, string | number | boolean | null | undefined>): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value))
  }
  const qs = query.toString()
  return qs ? `${path}?${qs}` : path
}

async function parseError(response: Response): Promise<ApiError> {
  let problem: ProblemDetail = { status: response.status }
  const type = response.headers.get('content-type') ?? ''
  if (type.includes('json')) {
    try {
      const body = await response.json()
      if (body && typeof body === 'object') problem = { status: response.status, ...body }
    } catch {
      /* an unreadable body keeps the generic message */
    }
  }
  return new ApiError(response.status, problem, currentLocale(), response.headers.get('retry-after'))
}

async function send<T>(method: string, path: string, body: unknown, options: RequestOptions, retried = false): Promise<T> {
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLocale(),
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && method !== 'HEAD') {
    const token = await csrfToken(retried)
    if (token) headers[CSRF_HEADER] = token
  }

  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    })
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause
    throw new ApiError(0, { code: 'network' })
  }

  if (!response.ok) {
    const error = await parseError(response)
    if (!retried && method !== 'GET' && isCsrfRejection(error)) {
      return send<T>(method, path, body, options, true)
    }
    if (
      error.status === 401 &&
      !options.skipAuthRedirect &&
      (UNAUTHENTICATED_CODES as readonly string[]).includes(error.code)
    ) {
      unauthorizedHandler?.(error)
    }
    throw error
  }
  if (response.status === 204) return undefined as T
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('json')) return undefined as T
  return (await response.json()) as T
}

export interface UploadOptions extends RequestOptions {
  /** Called with the fraction (0..1) of the body sent so far. */
  onProgress?: (fraction: number) => void
}

function problemFromXhr(xhr: XMLHttpRequest): ApiError {
  let problem: ProblemDetail = { status: xhr.status }
  if ((xhr.getResponseHeader('content-type') ?? '').includes('json')) {
    try {
      const body = JSON.parse(xhr.responseText)
      if (body && typeof body === 'object') problem = { status: xhr.status, ...body }
    } catch {
      /* an unreadable body keeps the generic message */
    }
  }
  return new ApiError(xhr.status, problem, currentLocale(), xhr.getResponseHeader('retry-after'))
}

/** POSTs a multipart form with upload progress (fetch cannot report it), CSRF and problem details like `send`. */
async function upload<T>(path: string, form: FormData, options: UploadOptions, retried = false): Promise<T> {
  const token = await csrfToken(retried)
  const result = await new Promise<{ xhr: XMLHttpRequest }>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', path)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    xhr.setRequestHeader('Accept-Language', currentLocale())
    if (token) xhr.setRequestHeader(CSRF_HEADER, token)
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total)
    }
    xhr.onload = () => resolve({ xhr })
    xhr.onerror = () => reject(new ApiError(0, { code: 'network' }))
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'))
    options.signal?.addEventListener('abort', () => xhr.abort())
    xhr.send(form)
  })
  const { xhr } = result
  if (xhr.status < 200 || xhr.status >= 300) {
    const error = problemFromXhr(xhr)
    if (!retried && isCsrfRejection(error)) return upload<T>(path, form, options, true)
    if (error.status === 401 && !options.skipAuthRedirect && (UNAUTHENTICATED_CODES as readonly string[]).includes(error.code)) {
      unauthorizedHandler?.(error)
    }
    throw error
  }
  options.onProgress?.(1)
  if (!(xhr.getResponseHeader('content-type') ?? '').includes('json')) return undefined as T
  return JSON.parse(xhr.responseText) as T
}

/** A file the server answered (an XLSX export), with the name its Content-Disposition gives. */
export interface DownloadedFile {
  blob: Blob
  fileName: string
}

/** The file name of a Content-Disposition header (RFC 6266 `filename*` first). */
export function dispositionFileName(header: string | null, fallback: string): string {
  if (!header) return fallback
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim())
    } catch {
      /* a malformed name falls through to the plain one */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header)
  return plain ? plain[1].trim() : fallback
}

/** POSTs a JSON body and answers the file of the response, with CSRF and problem details like `send`. */
async function downloadFile(path: string, body: unknown, fallbackName: string, retried = false): Promise<DownloadedFile> {
  const headers: Record<string, string> = {
    Accept: '*/*',
    'Accept-Language': currentLocale(),
    'Content-Type': 'application/json',
  }
  const token = await csrfToken(retried)
  if (token) headers[CSRF_HEADER] = token
  let response: Response
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(body) })
  } catch {
    throw new ApiError(0, { code: 'network' })
  }
  if (!response.ok) {
    const error = await parseError(response)
    if (!retried && isCsrfRejection(error)) return downloadFile(path, body, fallbackName, true)
    if (error.status === 401 && (UNAUTHENTICATED_CODES as readonly string[]).includes(error.code)) unauthorizedHandler?.(error)
    throw error
  }
  return { blob: await response.blob(), fileName: dispositionFileName(response.headers.get('content-disposition'), fallbackName) }
}

/** Hands a downloaded file to the browser's save dialog. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob)
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export const api = {
  upload: <T>(path: string, form: FormData, options: UploadOptions = {}) => upload<T>(path, form, options),
  download: (path: string, body: unknown, fallbackName: string) => downloadFile(path, body, fallbackName),
  get: <T>(path: string, options: RequestOptions = {}) => send<T>('GET', path, undefined, options),
  post: <T = void>(path: string, body?: unknown, options: RequestOptions = {}) => send<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown, options: RequestOptions = {}) => send<T>('PUT', path, body, options),
  delete: <T = void>(path: string, options: RequestOptions = {}) => send<T>('DELETE', path, undefined, options),
}

/** A page of results as every list endpoint returns it. */
export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
}
