import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import zhCN from './zh-CN.json'
import en from './en.json'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const zhKeys = flatten(zhCN as Tree)
const enKeys = flatten(en as Tree)

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(vue|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : []
  })
}

describe('message bundles', () => {
  it('zhCNAndEnHaveTheSameKeys', () => {
    const missingInEn = [...zhKeys.keys()].filter((k) => !enKeys.has(k))
    const missingInZh = [...enKeys.keys()].filter((k) => !zhKeys.has(k))
    expect({ missingInEn, missingInZh }).toEqual({ missingInEn: [], missingInZh: [] })
  })

  it('noMessageIsEmpty', () => {
    const empty = [...zhKeys, ...enKeys].filter(([, v]) => v.trim() === '').map(([k]) => k)
    expect(empty).toEqual([])
  })

  it('everyLiteralKeyUsedInTheCodeExistsInTheBundles', () => {
    const src = join(__dirname, '..')
    const used = new Set<string>()
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(m[1])
      for (const m of text.matchAll(/labelKey: '([a-zA-Z][\w.-]*)'/g)) used.add(m[1])
    }
    expect(used.size).toBeGreaterThan(20)
    const unknown = [...used].filter((k) => !zhKeys.has(k))
    expect(unknown).toEqual([])
  })
})
