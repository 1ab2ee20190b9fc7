package io.gridgov.cases;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** The reporter rated the result of a closed case. */
public record CaseRated(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt, int stars)
		implements CaseEvent {
}
