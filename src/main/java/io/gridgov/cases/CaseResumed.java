package io.gridgov.cases;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** The assignee took a case under rework on again. */
public record CaseResumed(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt, Assignee assignee)
		implements CaseEvent {
}
