package io.gridgov.cases;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** A case was reported. */
public record CaseReported(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt, CaseSource source)
		implements CaseEvent {
}
