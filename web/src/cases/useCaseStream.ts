import { onBeforeUnmount, onMounted, ref } from 'vue'
import { CASE_STREAM_URL, type CaseSummary } from './casesApi'

type Source = Pick<EventSource, 'addEventListener' | 'close' | 'readyState'> & { onerror: EventSource['onerror']; onopen: EventSource['onopen'] }

export interface CaseStreamOptions {
  url?: string
  /** Makes the event source (tests pass a fake). */
  create?: (url: string) => Source
  /** Delay before the n-th reconnection (the browser retries by itself while the source is CONNECTING). */
  backoff?: (attempt: number) => number
}

const CLOSED = 2

/**
 * Listens to `GET /api/cases/stream` (event `case`, data a CaseSummary) while the component is
 * mounted. When the server closes the stream for good (the browser stops retrying) it is opened
 * again with a growing delay; `connected` tells the page whether updates are live.
 */
export function useCaseStream(onCase: (item: CaseSummary) => void, options: CaseStreamOptions = {}) {
  const connected = ref(false)
  const url = options.url ?? CASE_STREAM_URL
  const create = options.create ?? ((u: string) => new EventSource(u, { withCredentials: true }))
  const backoff = options.backoff ?? ((n: number) => Math.min(30000, 1000 * 2 ** n))
  let source: Source | null = null
  let attempts = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false

  function open() {
    if (stopped || typeof EventSource === 'undefined' && !options.create) return
    source = create(url)
    source.onopen = () => {
      attempts = 0
      connected.value = true
    }
    source.onerror = () => {
      connected.value = false
      if (source?.readyState === CLOSED) {
        source.close()
        source = null
        timer = setTimeout(open, backoff(attempts++))
      }
    }
    source.addEventListener('case', (event) => {
      try {
        onCase(JSON.parse((event as MessageEvent<string>).data) as CaseSummary)
      } catch {
        /* a malformed event is dropped; the next reload shows the truth */
      }
    })
  }

  function close() {
    stopped = true
    if (timer) clearTimeout(timer)
    timer = null
    source?.close()
    source = null
    connected.value = false
  }

  onMounted(open)
  onBeforeUnmount(close)
  return { connected, close }
}
