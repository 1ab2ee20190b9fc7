import { describe, expect, it } from 'vitest'
import { categoryLabel, categoryOptions } from './categories'
import type { CategoryLeaf } from './fieldApi'

const leaf = (code: string, name: string, classCode: string, className: string): CategoryLeaf => ({
  code,
  name,
  nameEn: `${code} en`,
  classCode,
  className,
  classNameEn: `${classCode} en`,
})

const LEAVES = [
  leaf('0101', '暴露垃圾', '01', '市容环境'),
  leaf('0501', '占道经营', '05', '街面秩序'),
  leaf('0102', '道路不洁', '01', '市容环境'),
]

describe('categoryOptions', () => {
  it('leavesAreGroupedUnderTheirClassInServerOrder', () => {
    expect(categoryOptions(LEAVES, false)).toEqual([
      {
        value: '01',
        label: '市容环境',
        children: [
          { value: '0101', label: '暴露垃圾' },
          { value: '0102', label: '道路不洁' },
        ],
      },
      { value: '05', label: '街面秩序', children: [{ value: '0501', label: '占道经营' }] },
    ])
  })

  it('theEnglishUiShowsTheEnglishNames', () => {
    expect(categoryOptions(LEAVES, true)[0]).toMatchObject({ label: '01 en', children: [{ label: '0101 en' }, { label: '0102 en' }] })
  })

  it('aChosenLeafIsNamedWithItsClass', () => {
    expect(categoryLabel(LEAVES, '0501', false)).toBe('街面秩序 / 占道经营')
    expect(categoryLabel(LEAVES, 'nope', false)).toBe('')
  })
})
