import { describe, expect, it } from 'vitest'
import { ApiError } from '../../platform/api'
import { IdempotentSubmission, newIdempotencyKey, outcomeUnknown } from './idempotency'

function counter() {
  let n = 0
  return () => `key-${++n}`
}
const networkError = () => new ApiError(0, { code: 'network' })
const problem = (status: number, code: string) => new ApiError(status, { status, code })

describe('IdempotentSubmission', () => {
  it('aRetryAfterANetworkErrorReusesTheKey', async () => {
    const submission = new IdempotentSubmission(counter())
    const keys: string[] = []
    const body = { description: 'pothole' }
    await expect(submission.send(body, async (k) => (keys.push(k), Promise.reject(networkError())))).rejects.toThrow()
    await submission.send(body, async (k) => keys.push(k))
    expect(keys).toEqual(['key-1', 'key-1'])
  })

  it('theNextSubmissionAfterASuccessGetsANewKey', async () => {
    const submission = new IdempotentSubmission(counter())
    const keys: string[] = []
    const body = { description: 'pothole' }
    await submission.send(body, async (k) => keys.push(k))
    await submission.send(body, async (k) => keys.push(k))
    expect(keys).toEqual(['key-1', 'key-2'])
  })

  it('aChangedBodyGetsANewKeyEvenAfterANetworkError', async () => {
    const submission = new IdempotentSubmission(counter())
    await expect(submission.send({ d: 'a' }, () => Promise.reject(networkError()))).rejects.toThrow()
    expect(submission.keyFor({ d: 'a' })).toBe('key-1')
    expect(submission.keyFor({ d: 'a, corrected' })).toBe('key-2')
  })

  it('aRefusalForAReasonSettlesTheKey', async () => {
    const submission = new IdempotentSubmission(counter())
    await expect(submission.send({ d: '' }, () => Promise.reject(problem(400, 'validation.failed')))).rejects.toThrow()
    expect(submission.keyFor({ d: '' })).toBe('key-2')
  })

  it('serverErrorsConcurrentRetriesAndRateLimitsKeepTheKey', async () => {
    for (const error of [problem(503, 'x'), problem(409, 'request.idempotency-in-flight'), problem(429, 'request.rate-limited')]) {
      const submission = new IdempotentSubmission(counter())
      await expect(submission.send({ d: 'a' }, () => Promise.reject(error))).rejects.toThrow()
      expect(submission.keyFor({ d: 'a' }), String(error.status)).toBe('key-1')
    }
  })

  it('resetStartsANewReport', () => {
    const submission = new IdempotentSubmission(counter())
    expect(submission.keyFor({ d: 'a' })).toBe('key-1')
    submission.reset()
    expect(submission.keyFor({ d: 'a' })).toBe('key-2')
  })
})

describe('idempotency keys', () => {
  it('keysAreUuidsAndDiffer', () => {
    const a = newIdempotencyKey()
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(newIdempotencyKey()).not.toBe(a)
  })

  it('onlyUnknownOutcomesCountAsRetriable', () => {
    expect(outcomeUnknown(networkError())).toBe(true)
    expect(outcomeUnknown(problem(422, 'request.idempotency-key-reused'))).toBe(false)
    expect(outcomeUnknown(new Error('bug'))).toBe(false)
  })
})
