package io.gridgov.cases;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** A case was dispatched, or dispatched again after a return, with the deadline of handling. */
public record CaseDispatched(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt, Assignee assignee, Instant deadline, boolean redispatch)
		implements CaseEvent {
}
