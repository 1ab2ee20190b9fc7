import { onBeforeUnmount, onMounted, ref } from 'vue'

/** The current time in ms, refreshed every `everyMs` while the component is mounted (for countdowns). */
export function useNow(everyMs = 30000) {
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | null = null
  onMounted(() => {
    timer = setInterval(() => (now.value = Date.now()), everyMs)
  })
  onBeforeUnmount(() => {
    if (timer) clearInterval(timer)
  })
  return now
}
