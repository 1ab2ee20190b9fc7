package io.gridgov.cases;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** The assignee sent a case back to the command centre: not theirs. */
public record CaseReturned(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt, Assignee assignee)
		implements CaseEvent {
}
