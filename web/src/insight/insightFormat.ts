/** What a figure without a denominator (or without data) shows. */
export const NONE = '—'

/** A ratio 0–1 as a percentage with one decimal (0.99398 → "99.4 %"); null → "—". */
export function formatRate(value: number | null | undefined, locale = 'zh-CN'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE
  const percent = Math.round(value * 1000) / 10
  return `${percent.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`
}

/** A count with thousands separators (6747 → "6,747"); null → "—". */
export function formatCount(value: number | null | undefined, locale = 'zh-CN'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE
  return Math.round(value).toLocaleString(locale)
}

/** Seconds as the two largest units (90000 → "1d 1h" / "1天1小时"); null → "—". */
export function formatDuration(seconds: number | null | undefined, locale = 'zh-CN'): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return NONE
  const zh = locale.startsWith('zh')
  const units: [number, string, string][] = [
    [86400, '天', 'd'],
    [3600, '小时', 'h'],
    [60, '分', 'min'],
    [1, '秒', 's'],
  ]
  let rest = Math.max(0, Math.round(seconds))
  const parts: string[] = []
  for (const [size, zhUnit, enUnit] of units) {
    const n = Math.floor(rest / size)
    if (n > 0 || (size === 1 && parts.length === 0)) parts.push(zh ? `${n}${zhUnit}` : `${n}${enUnit}`)
    rest -= n * size
    if (parts.length === 2) break
  }
  return parts.join(zh ? '' : ' ')
}

/** Stars with one decimal ("4.5 ★"); null → "—". */
export function formatStars(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE
  return `${value.toFixed(1)} ★`
}

export type Unit = 'count' | 'ratio' | 'seconds' | 'stars'

export function formatValue(unit: Unit, value: number | null | undefined, locale = 'zh-CN'): string {
  switch (unit) {
    case 'ratio':
      return formatRate(value, locale)
    case 'seconds':
      return formatDuration(value, locale)
    case 'stars':
      return formatStars(value)
    default:
      return formatCount(value, locale)
  }
}
