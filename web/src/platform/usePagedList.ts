import { reactive, ref, type Ref } from 'vue'
import type { Page } from './api'
import { showError } from './notify'

/**
 * The state of a paged list page: a query with a 0-based `page` and a `size`, the rows and total
 * of the last page loaded, and the handlers of a search form and of `el-pagination` (1-based).
 * A failed load is shown to the user and leaves the previous rows in place.
 */
export function usePagedList<Q extends { page: number; size: number }, T>(
  fetchPage: (query: Q) => Promise<Page<T>>,
  initialQuery: Q,
) {
  const query = reactive(initialQuery) as Q
  const rows = ref([]) as Ref<T[]>
  const total = ref(0)
  const loading = ref(false)

  async function load() {
    loading.value = true
    try {
      const page = await fetchPage({ ...query })
      rows.value = page.items
      total.value = page.total
    } catch (error) {
      showError(error)
    } finally {
      loading.value = false
    }
  }

  /** Loads the first page, e.g. after the filter changed. */
  function search() {
    query.page = 0
    return load()
  }

  /** `el-pagination`'s current-change: its page is 1-based. */
  function onPage(page: number) {
    query.page = page - 1
    return load()
  }

  /** `el-pagination`'s size-change: back to the first page. */
  function onSize(size: number) {
    query.size = size
    query.page = 0
    return load()
  }

  return { query, rows, total, loading, load, search, onPage, onSize }
}
