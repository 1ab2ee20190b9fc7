import { describe, expect, it } from 'vitest'
import { calendarYears, categoryOptions, leafIndex, withDate } from './catalogue'
import type { CategoryClass } from './casesApi'

const classes: CategoryClass[] = [
  {
    code: 'SR',
    name: '市容环境',
    nameEn: 'City appearance',
    leaves: [
      {
        code: 'SR_GARBAGE',
        classCode: 'SR',
        name: '暴露垃圾',
        nameEn: 'Exposed garbage',
        defaultDepartment: 'URBAN_MGMT',
        deadlineHours: { ACCEPT: 1, DISPATCH: 1, HANDLE: 24, VERIFY: 8 },
        emergency: false,
        closureCondition: null,
        version: 0,
      },
    ],
  },
  { code: 'EMPTY', name: '空类', nameEn: null, leaves: [] },
]

describe('category cascader', () => {
  it('offersClassesWithTheirLeavesInTheUiLanguage', () => {
    expect(categoryOptions(classes, 'zh-CN')).toEqual([
      { value: 'SR', label: '市容环境', children: [{ value: 'SR_GARBAGE', label: '暴露垃圾' }] },
    ])
    expect(categoryOptions(classes, 'en')[0].children![0].label).toBe('Exposed garbage')
  })

  it('indexesLeavesByCode', () => {
    expect(leafIndex(classes).get('SR_GARBAGE')?.defaultDepartment).toBe('URBAN_MGMT')
  })
})

describe('working calendar editor', () => {
  it('addsADateOnceInOrder', () => {
    expect(withDate(['2026-10-01', '2026-10-03'], '2026-10-02')).toEqual(['2026-10-01', '2026-10-02', '2026-10-03'])
    expect(withDate(['2026-10-01'], '2026-10-01')).toEqual(['2026-10-01'])
  })

  it('offersKnownYearsThisYearAndNext', () => {
    expect(calendarYears([2025, 2026], 2026)).toEqual([2027, 2026, 2025])
  })
})
