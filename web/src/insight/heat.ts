/** Five classes from light to dark: case density in blues, overdue cases in reds. */
export const PALETTES = {
  density: ['#1b3a5c', '#1f5f8b', '#2b88c0', '#56b4e9', '#a6e1ff'],
  overdue: ['#3a2a2a', '#7a2e2e', '#b83b3b', '#e5533d', '#ff9a6b'],
} as const
export type HeatMode = keyof typeof PALETTES

/** The class (0–4) of a value on a scale up to `max`; -1 for none (no value, or zero). */
export function heatClass(value: number | null | undefined, max: number): number {
  if (!value || value <= 0 || !max || max <= 0) return -1
  return Math.min(4, Math.floor((value / max) * 5 - 1e-9))
}

/** Case density: cases reported per square kilometre. */
export function density(cases: number, areaM2: number): number {
  return areaM2 > 0 ? cases / (areaM2 / 1_000_000) : 0
}

/** The upper bounds of the five classes (for the legend). */
export function classBounds(max: number): number[] {
  return [1, 2, 3, 4, 5].map((i) => (max * i) / 5)
}
