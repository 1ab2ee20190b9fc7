import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  actionPath,
  caseQueryString,
  casesApi,
  flattenDuplicate,
  IdempotentSubmission,
  IDEMPOTENCY_HEADER,
  type CaseSummary,
  type NewCase,
} from './casesApi'
import { withQuery } from '../platform/api'

const newCase = (over: Partial<NewCase> = {}): NewCase => ({
  source: 'HOTLINE',
  categoryCode: 'SR_GARBAGE',
  description: '路边垃圾',
  longitude: 113.08,
  latitude: 22.58,
  attachmentIds: [],
  ...over,
})

describe('idempotency key of the intake form', () => {
  it('aRetryOfTheSameSubmissionSendsTheSameKey', () => {
    let n = 0
    const submission = new IdempotentSubmission(() => `key-${++n}`)
    const first = submission.keyFor(newCase())
    expect(submission.keyFor(newCase())).toBe(first)
    expect(submission.keyFor(newCase())).toBe(first)
  })

  it('aChangedFormGetsANewKeyBecauseTheServerRefusesAReusedKeyWithAnotherBody', () => {
    let n = 0
    const submission = new IdempotentSubmission(() => `key-${++n}`)
    const first = submission.keyFor(newCase())
    const second = submission.keyFor(newCase({ description: '路边垃圾很多' }))
    expect(second).not.toBe(first)
    expect(submission.keyFor(newCase({ description: '路边垃圾很多' }))).toBe(second)
  })

  it('theNextCaseAfterACreatedOneGetsANewKey', () => {
    let n = 0
    const submission = new IdempotentSubmission(() => `key-${++n}`)
    const first = submission.keyFor(newCase())
    submission.reset()
    expect(submission.keyFor(newCase())).not.toBe(first)
  })

  it('keysAreRandomUuidsByDefault', () => {
    const key = new IdempotentSubmission().keyFor(newCase())
    expect(key).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('the case client', () => {
  afterEach(() => vi.unstubAllGlobals())

  function stubFetch(status = 201, body: unknown = { id: 'x' }) {
    document.cookie = 'XSRF-TOKEN=tok'
    const fetch = vi.fn(async (..._args: unknown[]) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }))
    vi.stubGlobal('fetch', fetch)
    return fetch
  }

  it('postsACaseWithItsIdempotencyKeyAndTheCsrfToken', async () => {
    const fetch = stubFetch()
    await casesApi.create(newCase(), 'k-1')
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/cases')
    const headers = init.headers as Record<string, string>
    expect(headers[IDEMPOTENCY_HEADER]).toBe('k-1')
    expect(headers['X-XSRF-TOKEN']).toBe('tok')
    expect(headers['Content-Type']).toBe('application/json')
  })

  it('anActionGoesToItsKebabCaseUrlWithTheVersion', async () => {
    const fetch = stubFetch(200)
    await casesApi.act('c 1', 'REQUEST_EXTENSION', { version: 3, reason: 'r', newDeadline: '2026-12-01T00:00:00Z' })
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/cases/c%201/actions/request-extension')
    expect(JSON.parse(String(init.body))).toEqual({ version: 3, reason: 'r', newDeadline: '2026-12-01T00:00:00Z' })
    expect(actionPath('VERIFY_PASS')).toBe('verify-pass')
    expect(actionPath('ASSIGN_GRID')).toBe('assign-grid')
  })
})

describe('filters to query string', () => {
  it('sendsOnlyTheFiltersThatAreSet', () => {
    const qs = caseQueryString({
      status: ['DISPATCHED', 'RETURNED'],
      category: '',
      grid: '440704003001001',
      community: '',
      source: '',
      dueSoon: false,
      overdue: true,
      unassigned: false,
      supervised: true,
      mine: false,
      q: '  垃圾 ',
      page: 0,
      size: 20,
    })
    expect(withQuery('/api/cases', qs)).toBe(
      '/api/cases?status=DISPATCHED%2CRETURNED&grid=440704003001001&overdue=true&supervised=true&q=%E5%9E%83%E5%9C%BE&page=0&size=20',
    )
  })

  it('theInboxAsksForMine', () => {
    expect(withQuery('/api/cases', caseQueryString({ mine: true, page: 0, size: 200 }))).toBe('/api/cases?mine=true&page=0&size=200')
  })
})

describe('duplicates', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('readsTheServersNestedShapeAndTheContractsFlatOne', async () => {
    const summary = { id: 'a', trackingCode: 'AAAA-BBBB-CCCC', status: 'REPORTED' } as CaseSummary
    expect(flattenDuplicate({ summary, distanceMetres: 12 })).toMatchObject({ id: 'a', distanceMetres: 12 })
    expect(flattenDuplicate({ ...summary, distanceMetres: 7 })).toMatchObject({ id: 'a', distanceMetres: 7 })
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify([{ summary, distanceMetres: 30 }]), { status: 200, headers: { 'content-type': 'application/json' } })),
    )
    const found = await casesApi.duplicates({ category: 'X', longitude: 113, latitude: 22 })
    expect(found).toEqual([{ ...summary, distanceMetres: 30 }])
  })
})
