package io.gridgov.cases;

/**
 * What can happen to a case. Who may do which in which status is the transition policy of the
 * workflow (ADR 0016). REPORT, MARK_DUE_SOON and MARK_OVERDUE are recorded on the timeline but
 * are not asked for by a user: intake reports, the deadline watcher marks.
 */
public enum CaseAction {
	REPORT,
	ACCEPT,
	REJECT,
	MERGE,
	DISPATCH,
	/** The assignee takes the case on (签收). */
	START,
	/** The assignee sends it back to the command centre: not theirs. */
	RETURN,
	REDISPATCH,
	HANDLE,
	/** A grid worker on patrol fixed it at once (就地解决); it still needs verification. */
	SOLVE_ON_THE_SPOT,
	VERIFY_PASS,
	/** Verification failed: the case goes to REWORK. */
	VERIFY_FAIL,
	/** The assignee takes a REWORK case on again. */
	RESUME,
	CLOSE,
	REQUEST_EXTENSION,
	APPROVE_EXTENSION,
	SUPERVISE,
	/** The command centre puts the case in a grid by hand (an unassigned case, or a wrong grid). */
	ASSIGN_GRID,
	RATE,
	MARK_DUE_SOON,
	MARK_OVERDUE
}
