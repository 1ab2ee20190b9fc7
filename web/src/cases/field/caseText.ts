import type { CaseDetail, TimelineEntry } from './fieldApi'

/** The latest handling (by a department, or solved on the spot): its result text and evidence photos. */
export function latestHandling(detail: Pick<CaseDetail, 'timeline'>): TimelineEntry | null {
  for (let i = detail.timeline.length - 1; i >= 0; i--) {
    const entry = detail.timeline[i]
    if (entry.action === 'HANDLE' || entry.action === 'SOLVE_ON_THE_SPOT') return entry
  }
  return null
}

/** The photos sent with the report itself. */
export function reportPhotos(detail: Pick<CaseDetail, 'timeline'>): string[] {
  return detail.timeline.find((e) => e.action === 'REPORT')?.attachmentIds ?? []
}

/** The actions of the field pages, in the order their buttons appear. */
export const FIELD_ACTIONS = ['VERIFY_PASS', 'VERIFY_FAIL', 'START', 'HANDLE', 'RESUME', 'RETURN'] as const
export type FieldAction = (typeof FIELD_ACTIONS)[number]

/** An action as the URL names it: `VERIFY_PASS` → `verify-pass`. */
export { actionPath } from '../casesApi'

/** Which field actions this case offers the signed-in user, from the server's `allowedActions`. */
export function fieldActions(allowed: readonly string[]): FieldAction[] {
  return FIELD_ACTIONS.filter((a) => allowed.includes(a))
}
