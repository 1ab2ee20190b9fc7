import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Page } from './api'

vi.mock('./notify', () => ({ showError: vi.fn() }))

import { showError } from './notify'
import { usePagedList } from './usePagedList'

type Query = { q: string; page: number; size: number }

function pageOf(items: string[], total: number): Page<string> {
  return { items, page: 0, size: 20, total }
}

describe('usePagedList', () => {
  afterEach(() => vi.clearAllMocks())

  it('loads the items and total of a page, passing a copy of the query', async () => {
    const fetchPage = vi.fn(async (_: Query) => pageOf(['a', 'b'], 42))
    const list = usePagedList(fetchPage, { q: 'x', page: 2, size: 20 })

    await list.load()

    expect(fetchPage).toHaveBeenCalledWith({ q: 'x', page: 2, size: 20 })
    expect(fetchPage.mock.calls[0][0]).not.toBe(list.query)
    expect(list.rows.value).toEqual(['a', 'b'])
    expect(list.total.value).toBe(42)
  })

  it('search goes back to the first page', async () => {
    const fetchPage = vi.fn(async (_: Query) => pageOf([], 0))
    const list = usePagedList(fetchPage, { q: '', page: 3, size: 20 })
    list.query.q = 'li'

    await list.search()

    expect(list.query.page).toBe(0)
    expect(fetchPage).toHaveBeenLastCalledWith({ q: 'li', page: 0, size: 20 })
  })

  it('onPage turns the 1-based page of el-pagination into a 0-based one', async () => {
    const fetchPage = vi.fn(async (_: Query) => pageOf([], 0))
    const list = usePagedList(fetchPage, { q: '', page: 0, size: 20 })

    await list.onPage(3)

    expect(list.query.page).toBe(2)
    expect(fetchPage).toHaveBeenLastCalledWith({ q: '', page: 2, size: 20 })
  })

  it('onSize changes the size and goes back to the first page', async () => {
    const fetchPage = vi.fn(async (_: Query) => pageOf([], 0))
    const list = usePagedList(fetchPage, { q: '', page: 4, size: 20 })

    await list.onSize(50)

    expect(list.query).toMatchObject({ page: 0, size: 50 })
    expect(fetchPage).toHaveBeenLastCalledWith({ q: '', page: 0, size: 50 })
  })

  it('is loading during the fetch and not after an error, which is shown', async () => {
    const failure = new Error('boom')
    let reject!: (error: unknown) => void
    const fetchPage = vi.fn(() => new Promise<Page<string>>((_, r) => (reject = r)))
    const list = usePagedList(fetchPage, { page: 0, size: 20 })
    list.rows.value = ['kept']
    list.total.value = 1

    const loading = list.load()
    expect(list.loading.value).toBe(true)
    reject(failure)
    await loading

    expect(list.loading.value).toBe(false)
    expect(showError).toHaveBeenCalledWith(failure)
    expect(list.rows.value).toEqual(['kept'])
    expect(list.total.value).toBe(1)
  })
})
