/** A refused row of an import job: its number as the spreadsheet shows it, the column, the reason in both languages. */
export interface Refusal {
  rowNo: number
  columnName: string | null
  code: string
  messageZh: string
  messageEn: string
}

export type JobStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED'

/** An import job as the API answers it (registers and workforce alike, ADR 0027). */
export interface ImportJob {
  id: string
  kind: string
  fileName: string
  status: JobStatus
  total: number
  processed: number
  accepted: number
  updated: number
  unchanged: number
  refused: number
  problem: { code: string; 'zh-CN': string; en: string } | null
  refusals: Refusal[]
}

/** A job that will not change any more. */
export function isFinished(job: Pick<ImportJob, 'status'>): boolean {
  return job.status === 'DONE' || job.status === 'FAILED'
}

/** The share of the rows processed, in whole per cent (a finished job is at 100). */
export function progressPercent(job: Pick<ImportJob, 'status' | 'total' | 'processed'>): number {
  if (isFinished(job)) return 100
  if (job.total <= 0) return 0
  return Math.min(99, Math.floor((job.processed * 100) / job.total))
}

export interface PollOptions {
  intervalMs?: number
  signal?: AbortSignal
  sleep?: (ms: number) => Promise<void>
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Asks for the job until it is finished, handing every answer to `onUpdate`; answers the last one.
 * Stops quietly (answering the last known state) when `signal` aborts, e.g. the page was left.
 */
export async function pollJob(
  job: ImportJob,
  fetchJob: (id: string) => Promise<ImportJob>,
  onUpdate: (job: ImportJob) => void,
  { intervalMs = 700, signal, sleep = wait }: PollOptions = {},
): Promise<ImportJob> {
  let current = job
  onUpdate(current)
  while (!isFinished(current) && !signal?.aborted) {
    await sleep(intervalMs)
    if (signal?.aborted) break
    current = await fetchJob(current.id)
    onUpdate(current)
  }
  return current
}

/** The files the import accepts, by name (the server checks the content too). */
export function acceptedFile(name: string): boolean {
  return /\.(xlsx|csv)$/i.test(name.trim())
}
