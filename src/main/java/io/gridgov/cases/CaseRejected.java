package io.gridgov.cases;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** The command centre refused a case as not one to handle. */
public record CaseRejected(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt)
		implements CaseEvent {
}
