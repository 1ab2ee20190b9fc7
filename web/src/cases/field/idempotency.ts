import { ApiError } from '../../platform/api'

/** A fresh Idempotency-Key; `crypto.randomUUID` needs a secure context, so plain http falls back. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto
  if (c?.randomUUID) {
    try {
      return c.randomUUID()
    } catch {
      /* insecure context */
    }
  }
  const bytes = new Uint8Array(16)
  if (c?.getRandomValues) c.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * Whether the request may have been handled, or may be handled later, without the client
 * knowing the answer: the same submission must then be retried with the same key (a network
 * error, a server error, 409 while the first attempt is still in flight, 429 rate limit).
 */
export function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false
  return error.status === 0 || error.status >= 500 || error.status === 409 || error.status === 429
}

/**
 * One form's submissions (IETF Idempotency-Key draft): a retry of the same body after an unknown
 * outcome reuses the key, so the server answers with the first response and creates nothing new;
 * a changed body or a settled outcome (created, or refused for a reason) gets a new key, since the
 * server answers 422 to a key reused with a different body.
 */
export class IdempotentSubmission {
  private pending: { key: string; body: string } | null = null

  constructor(private readonly newKey: () => string = newIdempotencyKey) {}

  /** The key the next send of this body uses. */
  keyFor(body: unknown): string {
    const fingerprint = JSON.stringify(body)
    if (!this.pending || this.pending.body !== fingerprint) this.pending = { key: this.newKey(), body: fingerprint }
    return this.pending.key
  }

  async send<T>(body: unknown, call: (key: string) => Promise<T>): Promise<T> {
    const key = this.keyFor(body)
    try {
      const result = await call(key)
      this.pending = null
      return result
    } catch (error) {
      if (!outcomeUnknown(error)) this.pending = null
      throw error
    }
  }

  /** Forget the pending key (the form was reset for a new report). */
  reset(): void {
    this.pending = null
  }
}
