package io.gridgov.cases;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** 80 % of the stage deadline has passed. */
public record CaseDueSoon(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt, Assignee assignee, Instant deadline)
		implements CaseEvent {
}
