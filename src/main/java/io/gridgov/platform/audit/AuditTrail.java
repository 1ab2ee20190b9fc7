package io.gridgov.platform.audit;

/**
 * The port every module writes its audit entries to; the identity module keeps the append-only
 * log behind it. A {@link AuditOutcome#SUCCESS} entry joins the caller's transaction, so a write
 * and its audit row commit or roll back together; a refused or failed one is written in a
 * transaction of its own, so a rollback cannot erase it.
 */
public interface AuditTrail {

	void record(AuditRecord record);

	/**
	 * Records many entries of one caller at once (the deadline watcher's batches, an import's
	 * batch); the same as {@link #record} for each, which an implementation may write in one round
	 * trip.
	 */
	default void recordAll(java.util.List<AuditRecord> records) {
		records.forEach(this::record);
	}

	/**
	 * Records a refusal for an attempted user name that may not match any account (a failed
	 * login), so the log shows who was tried.
	 */
	void recordFor(String attemptedUsername, AuditRecord record);
}
