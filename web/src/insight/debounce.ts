/**
 * Runs `fn` once `wait` ms after the last call, but at the latest `maxWait` ms after the first call
 * of a burst (a steady stream of case events must not hold the dashboard back forever).
 */
export function debounce(fn: () => void, wait: number, maxWait = wait * 5) {
  let timer: ReturnType<typeof setTimeout> | null = null
  let firstAt: number | null = null

  function fire() {
    if (timer) clearTimeout(timer)
    timer = null
    firstAt = null
    fn()
  }

  function call() {
    const now = Date.now()
    if (firstAt === null) firstAt = now
    if (timer) clearTimeout(timer)
    const remaining = Math.min(wait, firstAt + maxWait - now)
    timer = setTimeout(fire, Math.max(0, remaining))
  }

  function cancel() {
    if (timer) clearTimeout(timer)
    timer = null
    firstAt = null
  }

  return Object.assign(call, { cancel, flush: () => timer && fire() })
}
