import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, ApiError, onUnauthorized, parseRetryAfter } from './api'
import { setLocale } from './i18n'

interface Call {
  url: string
  init: RequestInit & { headers: Record<string, string> }
}

let calls: Call[]
let responder: (url: string, init: RequestInit) => Response

function clearCookies() {
  for (const c of document.cookie.split(';')) {
    const name = c.split('=')[0].trim()
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
}

const problem = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } })

beforeEach(() => {
  calls = []
  responder = () => new Response(null, { status: 204 })
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: Call['init']) => {
      calls.push({ url, init })
      return responder(url, init)
    }),
  )
  clearCookies()
  setLocale('zh-CN')
})

afterEach(() => {
  vi.unstubAllGlobals()
  onUnauthorized(null)
  clearCookies()
})

describe('api client', () => {
  it('postSendsTheXsrfCookieAsHeader', async () => {
    document.cookie = 'XSRF-TOKEN=token-123; path=/'
    await api.post('/api/identity/users/1/unlock')
    expect(calls).toHaveLength(1)
    expect(calls[0].init.method).toBe('POST')
    expect(calls[0].init.headers['X-XSRF-TOKEN']).toBe('token-123')
    expect(calls[0].init.credentials).toBe('same-origin')
  })

  it('fetchesTheCsrfCookieBeforeTheFirstMutatingRequestWhenAbsent', async () => {
    responder = (url) => {
      if (url === '/api/auth/csrf') document.cookie = 'XSRF-TOKEN=fresh; path=/'
      return new Response(null, { status: 204 })
    }
    await api.post('/api/auth/logout')
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual(['GET /api/auth/csrf', 'POST /api/auth/logout'])
    expect(calls[1].init.headers['X-XSRF-TOKEN']).toBe('fresh')
  })

  it('getSendsNoXsrfHeaderButTheUiLanguage', async () => {
    document.cookie = 'XSRF-TOKEN=token-123; path=/'
    setLocale('en')
    responder = () => new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } })
    expect(await api.get('/api/me')).toEqual({ ok: true })
    expect(calls[0].init.headers['X-XSRF-TOKEN']).toBeUndefined()
    expect(calls[0].init.headers['Accept-Language']).toBe('en')
  })

  it('mapsAProblemResponseToApiErrorWithCodeAndLocalizedMessage', async () => {
    document.cookie = 'XSRF-TOKEN=t; path=/'
    setLocale('en')
    responder = () =>
      problem(400, {
        type: 'https://gridgov.io/problems/validation',
        title: 'Bad Request',
        status: 400,
        detail: '密码不符合要求',
        code: 'identity.password-policy',
        messages: { 'zh-CN': '密码不符合要求', en: 'The password does not meet the policy' },
        requestId: 'req-1',
        errors: [{ field: 'password', code: 'identity.password-policy', message: 'Too short' }],
      })
    const error = await api.post('/api/identity/users', { username: 'x' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    const apiError = error as ApiError
    expect(apiError.status).toBe(400)
    expect(apiError.code).toBe('identity.password-policy')
    expect(apiError.message).toBe('The password does not meet the policy')
    expect(apiError.requestId).toBe('req-1')
    expect(apiError.fieldMessages()).toEqual({ password: 'Too short' })
  })

  it('fallsBackToDetailWhenTheLocaleHasNoMessage', async () => {
    responder = () => problem(409, { status: 409, code: 'conflict.stale-version', detail: '数据已被修改' })
    const error = (await api.get('/api/x').catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe('conflict.stale-version')
    expect(error.message).toBe('数据已被修改')
  })

  it('anExpiredSessionIsReportedToTheUnauthorizedHandlerExceptForLogin', async () => {
    document.cookie = 'XSRF-TOKEN=t; path=/'
    const handler = vi.fn()
    onUnauthorized(handler)
    responder = () => problem(401, { status: 401, code: 'auth.session-expired', detail: 'expired' })
    await expect(api.get('/api/regions/tree')).rejects.toBeInstanceOf(ApiError)
    expect(handler).toHaveBeenCalledTimes(1)
    expect(handler.mock.calls[0][0].code).toBe('auth.session-expired')

    responder = () => problem(401, { status: 401, code: 'auth.bad-credentials', detail: 'wrong' })
    await expect(api.post('/api/auth/login', {}, { skipAuthRedirect: true })).rejects.toBeInstanceOf(ApiError)
    expect(handler).toHaveBeenCalledTimes(1)
  })
})

describe('api headers and Retry-After', () => {
  it('extraHeadersSuchAsAnIdempotencyKeyAreSent', async () => {
    document.cookie = 'XSRF-TOKEN=t; path=/'
    await api.post('/api/cases', { a: 1 }, { headers: { 'Idempotency-Key': 'k-1' } })
    expect(calls[0].init.headers['Idempotency-Key']).toBe('k-1')
    expect(calls[0].init.headers['X-XSRF-TOKEN']).toBe('t')
  })

  it('aRateLimitedAnswerCarriesItsRetryAfterSeconds', async () => {
    document.cookie = 'XSRF-TOKEN=t; path=/'
    responder = () =>
      new Response(JSON.stringify({ status: 429, code: 'request.rate-limited' }), {
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '37' },
      })
    const error = (await api.post('/api/public/cases', {}).catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(429)
    expect(error.retryAfterSeconds).toBe(37)
  })

  it('retryAfterAcceptsSecondsOrAnHttpDateAndIgnoresNonsense', () => {
    const now = Date.parse('2026-11-30T08:00:00Z')
    expect(parseRetryAfter('120', now)).toBe(120)
    expect(parseRetryAfter('Mon, 30 Nov 2026 08:01:30 GMT', now)).toBe(90)
    expect(parseRetryAfter('Mon, 30 Nov 2026 07:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(null, now)).toBeNull()
  })
})

describe('api.upload', () => {
  /** Just enough of XMLHttpRequest to answer one request with a status, a content type and a body. */
  function fakeXhr(status: number, contentType: string, body: string) {
    const sent: { method?: string; url?: string; headers: Record<string, string>; body?: unknown } = { headers: {} }
    class FakeXhr {
      status = 0
      responseText = ''
      withCredentials = false
      upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
        onprogress: null,
      }
      onload: (() => void) | null = null
      onerror: (() => void) | null = null
      onabort: (() => void) | null = null
      open(method: string, url: string) {
        sent.method = method
        sent.url = url
      }
      setRequestHeader(name: string, value: string) {
        sent.headers[name] = value
      }
      getResponseHeader(name: string) {
        return name.toLowerCase() === 'content-type' ? contentType : null
      }
      send(form: unknown) {
        sent.body = form
        this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 })
        this.status = status
        this.responseText = body
        this.onload?.()
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    return sent
  }

  it('postsTheFormWithTheCsrfHeaderAndReportsProgress', async () => {
    document.cookie = 'XSRF-TOKEN=up-1; path=/'
    const sent = fakeXhr(200, 'application/json', '{"created":2,"updated":1,"dryRun":true}')
    const progress: number[] = []
    const form = new FormData()
    const result = await api.upload('/api/geo/grids/import?dryRun=true', form, { onProgress: (f) => progress.push(f) })
    expect(result).toEqual({ created: 2, updated: 1, dryRun: true })
    expect(sent.method).toBe('POST')
    expect(sent.headers['X-XSRF-TOKEN']).toBe('up-1')
    expect(sent.body).toBe(form)
    expect(progress).toEqual([0.5, 1])
  })

  it('aRefusedUploadBecomesAnApiErrorCarryingThePerFeatureErrors', async () => {
    document.cookie = 'XSRF-TOKEN=up-2; path=/'
    fakeXhr(
      400,
      'application/problem+json',
      JSON.stringify({
        status: 400,
        code: 'geo.import-invalid',
        messages: { 'zh-CN': '导入文件有误', en: 'invalid' },
        errors: [{ feature: 3, code: 'geo.polygon-self-intersecting', message: '多边形自相交' }],
      }),
    )
    const error = (await api.upload('/api/geo/grids/import', new FormData()).catch((e: unknown) => e)) as ApiError
    expect(error).toBeInstanceOf(ApiError)
    expect(error.code).toBe('geo.import-invalid')
    expect(error.message).toBe('导入文件有误')
    expect(error.problem.errors).toEqual([{ feature: 3, code: 'geo.polygon-self-intersecting', message: '多边形自相交' }])
  })
})
