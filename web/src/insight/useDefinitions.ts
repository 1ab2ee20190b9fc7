import { computed, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { insightApi, type Definition, type Definitions } from './insightApi'

let cached: Promise<Definitions> | null = null

/** The indicators' definitions from `/api/insight/definitions`, fetched once per page load. */
export function useDefinitions() {
  const { locale } = useI18n()
  const definitions = shallowRef<Definitions | null>(null)
  cached ??= insightApi.definitions().catch((error) => {
    cached = null
    throw error
  })
  cached.then((d) => (definitions.value = d)).catch(() => undefined)

  const byKey = computed(() => new Map<string, Definition>((definitions.value?.indicators ?? []).map((d) => [d.key, d])))
  /** The definition of an indicator in the UI language; empty until loaded (or for a key without one). */
  function definitionOf(key: string): string {
    const d = byKey.value.get(key)
    if (!d) return ''
    return locale.value === 'en' ? d.definition.en : d.definition.zh
  }
  return { definitions, definitionOf }
}
