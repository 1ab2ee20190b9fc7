import type { CaseStatus } from '../casesApi'

export type { CaseStatus }

/** The stages a resident sees, in order (GB/T 30428: 立案 → 派遣 → 处置 → 核查 → 结案). */
export const STEPS = ['REPORTED', 'ACCEPTED', 'DISPATCHED', 'HANDLED', 'VERIFIED', 'CLOSED'] as const
export type Step = (typeof STEPS)[number]

export interface StepView {
  /** `el-steps` `active`: how many steps are finished; the step at this index is the current one. */
  active: number
  /** `el-steps` `process-status` of the current step. */
  processStatus: 'process' | 'error' | 'wait' | 'finish'
  /** A final status that ends the loop early, shown instead of the step it stopped at. */
  stoppedBy: 'REJECTED' | 'MERGED' | null
  /** A note for the current step: handling in progress, or handled again after a failed check. */
  note: 'IN_PROGRESS' | 'REWORK' | 'RETURNED' | null
}

/** How a status is shown on the resident's progress steps. */
export function stepView(status: CaseStatus): StepView {
  switch (status) {
    case 'REPORTED':
      return { active: 1, processStatus: 'process', stoppedBy: null, note: null }
    case 'ACCEPTED':
      return { active: 2, processStatus: 'process', stoppedBy: null, note: null }
    case 'DISPATCHED':
      return { active: 3, processStatus: 'process', stoppedBy: null, note: null }
    case 'RETURNED':
      // A department sent it back to the command centre, which dispatches it again.
      return { active: 2, processStatus: 'process', stoppedBy: null, note: 'RETURNED' }
    case 'IN_PROGRESS':
      return { active: 3, processStatus: 'process', stoppedBy: null, note: 'IN_PROGRESS' }
    case 'REWORK':
      return { active: 3, processStatus: 'process', stoppedBy: null, note: 'REWORK' }
    case 'HANDLED':
      return { active: 4, processStatus: 'process', stoppedBy: null, note: null }
    case 'VERIFIED':
      return { active: 5, processStatus: 'process', stoppedBy: null, note: null }
    case 'CLOSED':
      return { active: STEPS.length, processStatus: 'finish', stoppedBy: null, note: null }
    case 'REJECTED':
      return { active: 1, processStatus: 'error', stoppedBy: 'REJECTED', note: null }
    case 'MERGED':
      return { active: 1, processStatus: 'finish', stoppedBy: 'MERGED', note: null }
  }
}
