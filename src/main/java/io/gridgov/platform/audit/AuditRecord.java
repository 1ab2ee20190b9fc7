package io.gridgov.platform.audit;

/**
 * One entry for the audit log: what was done to which record and how it ended. The audit trail
 * adds who, role, time, client address and request id from the current request.
 */
public record AuditRecord(String action, String recordType, String recordId, AuditOutcome outcome, String detail) {

	public static AuditRecord success(String action, String recordType, Object recordId) {
		return new AuditRecord(action, recordType, recordId == null ? null : recordId.toString(), AuditOutcome.SUCCESS, null);
	}

	public AuditRecord withDetail(String newDetail) {
		return new AuditRecord(action, recordType, recordId, outcome, newDetail);
	}
}
