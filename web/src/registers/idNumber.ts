import type { Gender } from './registersApi'

/** What a resident ID number (GB 11643) says about its holder, or why it is not one. */
export type IdNumberReading =
  | { valid: true; birthDate: string; gender: Gender }
  | { valid: false; reason: 'format' | 'birthDate' | 'checksum' }

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** Full-width digits and X (from Chinese input methods) as ASCII, spaces removed, x upper-cased. */
export function normaliseIdNumber(value: string): string {
  return value
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF38\uFF58]/g, 'X')
    .replace(/\s+/g, '')
    .toUpperCase()
}

/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK[sum % 11]
}

/**
 * Reads an 18-character ID number the way the server validates it: format, a real birth date not
 * after `today`, and the check character. Gender comes from the order code (odd: male).
 */
export function readIdNumber(value: string, today: Date = new Date()): IdNumberReading {
  const id = normaliseIdNumber(value)
  if (!/^\d{17}[\dX]$/.test(id)) return { valid: false, reason: 'format' }
  const year = Number(id.slice(6, 10))
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  const birth = new Date(Date.UTC(year, month - 1, day))
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())
  if (
    year < 1850 ||
    birth.getUTCFullYear() !== year ||
    birth.getUTCMonth() !== month - 1 ||
    birth.getUTCDate() !== day ||
    birth.getTime() > todayUtc
  ) {
    return { valid: false, reason: 'birthDate' }
  }
  if (checkCharacter(id) !== id[17]) return { valid: false, reason: 'checksum' }
  return {
    valid: true,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
  }
}

/** A mainland mobile number: 11 digits, 1 then 3–9; separators and a +86 / 0086 prefix are allowed, as on the server. */
export function isMobilePhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(phoneDigits(value))
}

function phoneDigits(value: string): string {
  const v = normaliseIdNumber(value).replace(/[-()\u200B\uFEFF]/g, '')
  return v.startsWith('+86') ? v.slice(3) : v.startsWith('0086') ? v.slice(4) : v
}

/**
 * How the server will read a search text: an ID number or a mobile number are matched exactly
 * (by their keyed hash, never in clear), anything else as part of a name.
 */
export function searchKind(q: string): 'idNumber' | 'phone' | 'name' | 'none' {
  const text = q.trim()
  if (!text) return 'none'
  if (/^\d{17}[\dX]$/.test(normaliseIdNumber(text).replace(/-/g, ''))) return 'idNumber'
  if (isMobilePhone(text)) return 'phone'
  return 'name'
}
