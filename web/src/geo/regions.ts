import { api } from '../platform/api'
import type { RegionLevel } from '../identity/types'

export type CommunityKind = 'COMMUNITY' | 'VILLAGE'

/** A node of `GET /api/regions/tree`. */
export interface RegionNode {
  code: string
  name: string
  level: RegionLevel
  kind: CommunityKind | null
  children: RegionNode[]
}

/** What the tag on a node says: 区, 街道, 社区, 村 or 网格. */
export type RegionTagKey = 'DISTRICT' | 'SUBDISTRICT' | 'COMMUNITY' | 'VILLAGE' | 'GRID'

export const TAG_ORDER: readonly RegionTagKey[] = ['DISTRICT', 'SUBDISTRICT', 'COMMUNITY', 'VILLAGE', 'GRID']

export function tagKey(node: Pick<RegionNode, 'level' | 'kind'>): RegionTagKey {
  return node.level === 'COMMUNITY' && node.kind === 'VILLAGE' ? 'VILLAGE' : node.level
}

export const TAG_TYPE: Record<RegionTagKey, 'danger' | 'warning' | 'primary' | 'success' | 'info'> = {
  DISTRICT: 'danger',
  SUBDISTRICT: 'warning',
  COMMUNITY: 'primary',
  VILLAGE: 'success',
  GRID: 'info',
}

export function fetchRegionTree(): Promise<RegionNode> {
  return api.get<RegionNode>('/api/regions/tree')
}

/** How many nodes of each tag the tree holds, in tag order, leaving out tags with none. */
export function countByTag(root: RegionNode | null): { key: RegionTagKey; count: number }[] {
  const counts = new Map<RegionTagKey, number>()
  const stack = root ? [root] : []
  while (stack.length) {
    const node = stack.pop()!
    const key = tagKey(node)
    counts.set(key, (counts.get(key) ?? 0) + 1)
    stack.push(...(node.children ?? []))
  }
  return TAG_ORDER.filter((key) => counts.has(key)).map((key) => ({ key, count: counts.get(key)! }))
}

/** Codes of the nodes on the first `depth` levels, for `default-expanded-keys`. */
export function codesDownTo(root: RegionNode | null, depth: number): string[] {
  const codes: string[] = []
  const walk = (node: RegionNode, level: number) => {
    if (level >= depth) return
    codes.push(node.code)
    for (const child of node.children ?? []) walk(child, level + 1)
  }
  if (root) walk(root, 0)
  return codes
}

export interface GridGroup {
  code: string
  name: string
  grids: { code: string; name: string }[]
}

/** The grids of a tree grouped by their community or village, in tree order, for grouped selects. */
export function gridGroups(root: RegionNode | null): GridGroup[] {
  const groups: GridGroup[] = []
  const walk = (node: RegionNode) => {
    const grids = (node.children ?? []).filter((c) => c.level === 'GRID')
    if (grids.length) groups.push({ code: node.code, name: node.name, grids: grids.map(({ code, name }) => ({ code, name })) })
    for (const child of node.children ?? []) if (child.level !== 'GRID') walk(child)
  }
  if (root) walk(root)
  return groups
}
