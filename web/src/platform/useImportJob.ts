import { computed, onBeforeUnmount, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { UploadFile } from 'element-plus'
import { showError } from './notify'
import { acceptedFile, isFinished, pollJob, progressPercent, type ImportJob } from './importJob'

/**
 * The state of an import page or dialog (ADR 0027): the chosen file, the upload's progress, then
 * the job followed until it is finished, and its problem in the current language.
 */
export function useImportJob(fileTypeMessage: () => string) {
  const { locale } = useI18n()
  const file = ref<File | null>(null)
  const uploading = ref(0)
  const sending = ref(false)
  const job = ref<ImportJob | null>(null)
  let stop: AbortController | null = null

  const percent = computed(() => (job.value ? progressPercent(job.value) : Math.round(uploading.value * 100)))
  const finished = computed(() => !!job.value && isFinished(job.value))
  const problem = computed(() => (job.value?.problem ? (locale.value === 'en' ? job.value.problem.en : job.value.problem['zh-CN']) : ''))

  function choose(upload: UploadFile) {
    if (!upload.raw) return
    if (!acceptedFile(upload.name)) {
      showError(new Error(fileTypeMessage()))
      file.value = null
      return
    }
    file.value = upload.raw
  }

  /** Uploads the file and follows its job; answers the last state of the job, or null when it did not start. */
  async function start(
    send: (file: File, onProgress: (fraction: number) => void) => Promise<ImportJob>,
    fetchJob: (id: string) => Promise<ImportJob>,
  ): Promise<ImportJob | null> {
    if (!file.value) return null
    stop?.abort()
    stop = new AbortController()
    sending.value = true
    job.value = null
    uploading.value = 0
    try {
      const started = await send(file.value, (f) => (uploading.value = f))
      return await pollJob(started, fetchJob, (j) => (job.value = j), { signal: stop.signal })
    } catch (error) {
      showError(error)
      return null
    } finally {
      sending.value = false
    }
  }

  function reset() {
    stop?.abort()
    file.value = null
    job.value = null
  }

  onBeforeUnmount(() => stop?.abort())

  return { file, sending, job, percent, finished, problem, choose, start, reset }
}
