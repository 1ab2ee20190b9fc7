package io.gridgov.platform.problem;

/**
 * A record does not exist, or exists outside the actor's region scope: both answer the same 404,
 * so that a scope never leaks whether a record exists. The second case is audited as refused.
 */
public class RecordNotFoundException extends DomainException {

	private final String recordType;
	private final String recordId;
	private final boolean outOfScope;

	private RecordNotFoundException(String recordType, String recordId, boolean outOfScope) {
		super(ErrorKind.NOT_FOUND, "record.not-found", recordType, recordId);
		this.recordType = recordType;
		this.recordId = recordId;
		this.outOfScope = outOfScope;
	}

	public static RecordNotFoundException notFound(String recordType, Object recordId) {
		return new RecordNotFoundException(recordType, String.valueOf(recordId), false);
	}

	public static RecordNotFoundException outOfScope(String recordType, Object recordId) {
		return new RecordNotFoundException(recordType, String.valueOf(recordId), true);
	}

	public String recordType() {
		return recordType;
	}

	public String recordId() {
		return recordId;
	}

	public boolean outOfScope() {
		return outOfScope;
	}
}
