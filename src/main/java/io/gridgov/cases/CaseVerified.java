package io.gridgov.cases;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** The on-site check confirmed the handling. */
public record CaseVerified(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt)
		implements CaseEvent {
}
