/**
 * Tracking codes as the back end's `TrackingCode` reads them: 12 Crockford base32 symbols, shown
 * `XXXX-XXXX-XXXX`. Input forgives case, hyphens and spaces, and reads I and L as 1, O as 0.
 */
export const TRACKING_CODE_LENGTH = 12
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CONFUSABLE: Record<string, string> = { I: '1', L: '1', O: '0' }

/** The 12 canonical symbols, or null when the input is not a tracking code. */
export function parseTrackingCode(input: string | null | undefined): string | null {
  if (input == null || input.length > 3 * TRACKING_CODE_LENGTH) return null
  let canonical = ''
  for (const raw of input.toUpperCase()) {
    if (raw === '-' || raw === ' ') continue
    const symbol = CONFUSABLE[raw] ?? raw
    if (!ALPHABET.includes(symbol)) return null
    canonical += symbol
  }
  return canonical.length === TRACKING_CODE_LENGTH ? canonical : null
}

/** A code in groups of four for reading out; input that is not a code is returned unchanged. */
export function formatTrackingCode(input: string): string {
  const code = parseTrackingCode(input)
  return code ? `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}` : input
}

/**
 * What a code input shows while the user types: the symbols read so far (confusables already
 * replaced, anything else dropped) grouped by four, at most 12 symbols.
 */
export function tidyTrackingInput(input: string): string {
  let symbols = ''
  for (const raw of input.toUpperCase()) {
    const symbol = CONFUSABLE[raw] ?? raw
    if (ALPHABET.includes(symbol)) symbols += symbol
    if (symbols.length === TRACKING_CODE_LENGTH) break
  }
  return symbols.match(/.{1,4}/g)?.join('-') ?? ''
}
