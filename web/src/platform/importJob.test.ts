import { describe, expect, it } from 'vitest'
import { acceptedFile, isFinished, pollJob, progressPercent, type ImportJob } from './importJob'

const job = (over: Partial<ImportJob>): ImportJob => ({
  id: 'j1',
  kind: 'RESIDENT',
  fileName: 'a.xlsx',
  status: 'RUNNING',
  total: 0,
  processed: 0,
  accepted: 0,
  updated: 0,
  unchanged: 0,
  refused: 0,
  problem: null,
  refusals: [],
  ...over,
})

describe('import job', () => {
  it('progressIsTheShareOfRowsProcessedAndOnlyAFinishedJobIsAt100', () => {
    expect(progressPercent(job({ status: 'QUEUED' }))).toBe(0)
    expect(progressPercent(job({ total: 200, processed: 50 }))).toBe(25)
    expect(progressPercent(job({ total: 200, processed: 200 }))).toBe(99)
    expect(progressPercent(job({ status: 'DONE', total: 200, processed: 200 }))).toBe(100)
    expect(progressPercent(job({ status: 'FAILED' }))).toBe(100)
  })

  it('doneAndFailedAreFinished', () => {
    expect(isFinished(job({ status: 'DONE' }))).toBe(true)
    expect(isFinished(job({ status: 'FAILED' }))).toBe(true)
    expect(isFinished(job({ status: 'QUEUED' }))).toBe(false)
  })

  it('pollsUntilTheJobIsFinishedAndHandsOverEveryState', async () => {
    const answers = [job({ processed: 5, total: 10 }), job({ status: 'DONE', processed: 10, total: 10, accepted: 9, refused: 1 })]
    const seen: ImportJob[] = []
    const asked: string[] = []
    const last = await pollJob(
      job({ status: 'QUEUED' }),
      async (id) => {
        asked.push(id)
        return answers.shift()!
      },
      (j) => seen.push(j),
      { sleep: async () => {} },
    )
    expect(asked).toEqual(['j1', 'j1'])
    expect(seen.map((j) => j.status)).toEqual(['QUEUED', 'RUNNING', 'DONE'])
    expect(last.accepted).toBe(9)
  })

  it('stopsPollingWhenThePageIsLeft', async () => {
    const stop = new AbortController()
    let asked = 0
    await pollJob(
      job({}),
      async () => {
        asked++
        stop.abort()
        return job({})
      },
      () => {},
      { signal: stop.signal, sleep: async () => {} },
    )
    expect(asked).toBe(1)
  })

  it('onlyXlsxAndCsvFilesAreOffered', () => {
    expect(acceptedFile('居民.XLSX')).toBe(true)
    expect(acceptedFile('people.csv')).toBe(true)
    expect(acceptedFile('old.xls')).toBe(false)
  })
})
