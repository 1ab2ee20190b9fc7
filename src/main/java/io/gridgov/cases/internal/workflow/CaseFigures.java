package io.gridgov.cases.internal.workflow;

import java.time.Duration;
import java.time.Instant;

/**
 * What the evaluation indicators (GB/T 30428) need of one case. A figure of a stage the case has
 * not reached, or skipped (a case solved on the spot is never accepted), is null.
 *
 * @param acceptedOnTime accepted no later than the acceptance deadline given when accepting
 * @param dispatchedCorrectly never returned by an assignee
 * @param handledOnTime the latest handling no later than the deadline in force (extensions count)
 * @param timeToAccept from the report to the acceptance
 * @param timeToHandle from the first dispatch (or the report, on the spot) to the latest handling
 */
public record CaseFigures(Boolean acceptedOnTime, boolean dispatchedCorrectly, Boolean handledOnTime, int reworkCount,
		Duration timeToAccept, Duration timeToHandle, boolean supervised, int supervisionCount, int returnCount,
		int extensionCount, Instant deadline, boolean dueSoon, boolean overdue, boolean solvedOnTheSpot) {
}
