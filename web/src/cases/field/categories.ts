import type { CategoryLeaf } from './fieldApi'

export interface CategoryOption {
  value: string
  label: string
  children?: CategoryOption[]
}

/** The two-level picker's options: classes in the order the server lists them, their leaves beneath. */
export function categoryOptions(leaves: readonly CategoryLeaf[], english: boolean): CategoryOption[] {
  const classes = new Map<string, CategoryOption & { children: CategoryOption[] }>()
  for (const leaf of leaves) {
    let group = classes.get(leaf.classCode)
    if (!group) {
      group = { value: leaf.classCode, label: (english && leaf.classNameEn) || leaf.className, children: [] }
      classes.set(leaf.classCode, group)
    }
    group.children.push({ value: leaf.code, label: (english && leaf.nameEn) || leaf.name })
  }
  return [...classes.values()]
}

/** "Class / leaf" for a chosen leaf code; empty when unknown. */
export function categoryLabel(leaves: readonly CategoryLeaf[], code: string | null | undefined, english: boolean): string {
  const leaf = leaves.find((l) => l.code === code)
  if (!leaf) return ''
  return english
    ? `${leaf.classNameEn || leaf.className} / ${leaf.nameEn || leaf.name}`
    : `${leaf.className} / ${leaf.name}`
}
