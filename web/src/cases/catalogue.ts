import type { CategoryClass, CategoryLeaf } from './casesApi'

export interface CascaderOption {
  value: string
  label: string
  children?: CascaderOption[]
}

const nameIn = (item: { name: string; nameEn: string | null }, locale: string) =>
  locale === 'en' && item.nameEn ? item.nameEn : item.name

/** The two-level category tree as `el-cascader` options (classes without leaves are left out). */
export function categoryOptions(classes: readonly CategoryClass[], locale: string): CascaderOption[] {
  return classes
    .filter((c) => c.leaves.length)
    .map((c) => ({
      value: c.code,
      label: nameIn(c, locale),
      children: c.leaves.map((leaf) => ({ value: leaf.code, label: nameIn(leaf, locale) })),
    }))
}

/** Leaf code → leaf, for labels. */
export function leafIndex(classes: readonly CategoryClass[]): Map<string, CategoryLeaf> {
  return new Map(classes.flatMap((c) => c.leaves.map((leaf) => [leaf.code, leaf] as const)))
}

export function leafName(leaf: CategoryLeaf | undefined, locale: string, fallback = ''): string {
  return leaf ? nameIn(leaf, locale) : fallback
}

/** Adds a `YYYY-MM-DD` date to a sorted list of dates, once. */
export function withDate(dates: readonly string[], date: string): string[] {
  return dates.includes(date) ? [...dates] : [...dates, date].sort()
}

/** The year a `YYYY-MM-DD` date falls in. */
export const yearOf = (date: string) => Number(date.slice(0, 4))

/** Years to offer in the calendar editor: those the server knows, this year and the next, newest first. */
export function calendarYears(known: readonly number[], thisYear: number): number[] {
  return [...new Set([...known, thisYear, thisYear + 1])].sort((a, b) => b - a)
}

/** Code → name of every class and leaf (a routing rule may name either). */
export function categoryNames(classes: readonly CategoryClass[], locale: string): Map<string, string> {
  const names = new Map<string, string>()
  for (const c of classes) {
    names.set(c.code, nameIn(c, locale))
    for (const leaf of c.leaves) names.set(leaf.code, nameIn(leaf, locale))
  }
  return names
}

/** The region code a routing rule uses for "everywhere" (`gridgov.regions.root-code`). */
export const ROOT_REGION = '000000000000'
