package io.gridgov.cases;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** The on-site check failed; the case goes back to its assignee. */
public record CaseReworkRequested(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt, Assignee assignee, int reworkCount)
		implements CaseEvent {
}
