package io.gridgov.cases;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/**
 * The command centre put a case in a grid by hand: an unassigned case (reported outside every
 * grid) or one the locator filed in the wrong grid. {@code gridCode} is the new grid.
 */
public record CaseGridAssigned(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt,
		RegionCode previousRegion) implements CaseEvent {
}
