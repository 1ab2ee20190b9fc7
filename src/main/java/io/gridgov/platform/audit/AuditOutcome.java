package io.gridgov.platform.audit;

/** How an audited action ended. */
public enum AuditOutcome {
	/** Done. */
	SUCCESS,
	/** Attempted and failed (bad input, a business rule, a wrong password). */
	FAILURE,
	/** Refused for lack of authentication, role or scope. */
	DENIED
}
