package io.gridgov.cases;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** The assignee asked for a later deadline (延期申请). */
public record CaseExtensionRequested(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt, Assignee assignee, Instant requestedDeadline)
		implements CaseEvent {
}
