package io.gridgov.insight.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.gridgov.cases.CaseStatus;

/**
 * What the indicators need of one case (a row of {@code insight_case}): the latest value of each
 * figure, with the moment it was set where a later event may replace it (events can arrive twice
 * and out of order; an older event never overwrites a newer value). Mutable, copied before a change.
 */
final class CaseFacts {

	/** The department key of a case dispatched to a grid worker (or solved on the spot by one). */
	static final String GRID_WORKER = "GRID_WORKER";

	final UUID caseId;
	String gridCode;
	Instant gridAt;
	String categoryCode;
	String source;
	String departmentCode = "";
	Instant departmentAt;
	CaseStatus status;
	Instant statusAt;
	Instant reportedAt;
	Instant acceptedAt;
	Boolean acceptedOnTime;
	Long timeToAcceptSeconds;
	Instant spotAt;
	Instant firstDispatchedAt;
	boolean returned;
	Instant handledAt;
	Boolean handledOnTime;
	Long timeToHandleSeconds;
	boolean reworked;
	Instant verifiedAt;
	Instant closedAt;
	Instant ratedAt;
	Integer rating;
	boolean dueSoon;
	boolean overdue;
	Instant alertAt;

	CaseFacts(UUID caseId) {
		this.caseId = Objects.requireNonNull(caseId);
	}

	CaseFacts copy() {
		CaseFacts c = new CaseFacts(caseId);
		c.gridCode = gridCode;
		c.gridAt = gridAt;
		c.categoryCode = categoryCode;
		c.source = source;
		c.departmentCode = departmentCode;
		c.departmentAt = departmentAt;
		c.status = status;
		c.statusAt = statusAt;
		c.reportedAt = reportedAt;
		c.acceptedAt = acceptedAt;
		c.acceptedOnTime = acceptedOnTime;
		c.timeToAcceptSeconds = timeToAcceptSeconds;
		c.spotAt = spotAt;
		c.firstDispatchedAt = firstDispatchedAt;
		c.returned = returned;
		c.handledAt = handledAt;
		c.handledOnTime = handledOnTime;
		c.timeToHandleSeconds = timeToHandleSeconds;
		c.reworked = reworked;
		c.verifiedAt = verifiedAt;
		c.closedAt = closedAt;
		c.ratedAt = ratedAt;
		c.rating = rating;
		c.dueSoon = dueSoon;
		c.overdue = overdue;
		c.alertAt = alertAt;
		return c;
	}

	/** The community (or village) of the grid: the first 12 digits of a grid code; '' otherwise. */
	String communityCode() {
		return gridCode != null && gridCode.length() == 15 ? gridCode.substring(0, 12) : "";
	}

	/** Whether the case is in a stage whose deadline runs (the deadline watcher's stages). */
	boolean deadlineRuns() {
		return status != null && switch (status) {
			case DISPATCHED, RETURNED, IN_PROGRESS, REWORK -> true;
			default -> false;
		};
	}

	/** OVERDUE or DUE_SOON while the deadline runs; null otherwise. */
	String alert() {
		if (!deadlineRuns()) {
			return null;
		}
		return overdue ? "OVERDUE" : dueSoon ? "DUE_SOON" : null;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof CaseFacts c && caseId.equals(c.caseId) && Objects.equals(gridCode, c.gridCode)
				&& Objects.equals(gridAt, c.gridAt) && Objects.equals(categoryCode, c.categoryCode)
				&& Objects.equals(source, c.source) && Objects.equals(departmentCode, c.departmentCode)
				&& Objects.equals(departmentAt, c.departmentAt) && status == c.status
				&& Objects.equals(statusAt, c.statusAt) && Objects.equals(reportedAt, c.reportedAt)
				&& Objects.equals(acceptedAt, c.acceptedAt) && Objects.equals(acceptedOnTime, c.acceptedOnTime)
				&& Objects.equals(timeToAcceptSeconds, c.timeToAcceptSeconds) && Objects.equals(spotAt, c.spotAt)
				&& Objects.equals(firstDispatchedAt, c.firstDispatchedAt) && returned == c.returned
				&& Objects.equals(handledAt, c.handledAt) && Objects.equals(handledOnTime, c.handledOnTime)
				&& Objects.equals(timeToHandleSeconds, c.timeToHandleSeconds) && reworked == c.reworked
				&& Objects.equals(verifiedAt, c.verifiedAt) && Objects.equals(closedAt, c.closedAt)
				&& Objects.equals(ratedAt, c.ratedAt) && Objects.equals(rating, c.rating) && dueSoon == c.dueSoon
				&& overdue == c.overdue && Objects.equals(alertAt, c.alertAt);
	}

	@Override
	public int hashCode() {
		return Objects.hash(caseId, status, statusAt, handledAt);
	}

	@Override
	public String toString() {
		return "CaseFacts[" + caseId + " " + status + " grid=" + gridCode + " dept=" + departmentCode + "]";
	}
}
