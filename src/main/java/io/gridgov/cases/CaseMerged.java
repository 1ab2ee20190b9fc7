package io.gridgov.cases;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** A case was merged into another one that reports the same problem. */
public record CaseMerged(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt, UUID mergedInto)
		implements CaseEvent {
}
