package io.gridgov.cases;

/**
 * Where a case stands in the loop (GB/T 30428: 立案 → 派遣 → 处置 → 核查结案). REJECTED, MERGED and
 * CLOSED are final.
 */
public enum CaseStatus {
	REPORTED, ACCEPTED, REJECTED, MERGED, DISPATCHED, RETURNED, IN_PROGRESS, HANDLED, VERIFIED, REWORK, CLOSED;

	public boolean isFinal() {
		return this == REJECTED || this == MERGED || this == CLOSED;
	}
}
