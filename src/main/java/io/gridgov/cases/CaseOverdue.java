package io.gridgov.cases;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** The stage deadline has passed; the case is now under supervision. */
public record CaseOverdue(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt, Assignee assignee, Instant deadline, int supervisionCount)
		implements CaseEvent {
}
