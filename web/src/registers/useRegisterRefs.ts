import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { fetchRegionTree, gridGroups, type RegionNode } from '../geo/regions'
import { showError } from '../platform/notify'
import { registersApi, tagName, type Tag } from './registersApi'

const tags = ref<Tag[]>([])
const tree = ref<RegionNode | null>(null)
let loading: Promise<void> | null = null

/** The tag list and the region tree the register pages filter by, loaded once per session. */
export function useRegisterRefs() {
  const { locale } = useI18n()
  if (!loading) {
    loading = Promise.all([registersApi.tags(), fetchRegionTree()])
      .then(([t, r]) => {
        tags.value = t
        tree.value = r
      })
      .catch((error) => {
        loading = null
        showError(error)
      })
  }
  /** Communities and grids as `el-tree-select` data (the subdistrict and above are not choices). */
  const regionOptions = computed(() => {
    const root = tree.value
    if (!root) return []
    const below = (node: RegionNode): RegionNode[] =>
      node.level === 'COMMUNITY' || node.level === 'GRID' ? [node] : (node.children ?? []).flatMap(below)
    return below(root)
  })
  const groups = computed(() => gridGroups(tree.value))
  const activeTags = computed(() => tags.value.filter((t) => t.active))
  const nameOfTag = (code: string) => tagName(tags.value, code, locale.value)
  return { tags, activeTags, tree, regionOptions, groups, nameOfTag, ready: () => loading, reloadTags }
}

async function reloadTags() {
  try {
    tags.value = await registersApi.tags()
  } catch (error) {
    showError(error)
  }
}
