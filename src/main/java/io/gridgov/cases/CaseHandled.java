package io.gridgov.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** A case was handled, by its assignee or on the spot by the grid worker who found it. */
public record CaseHandled(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt, Assignee assignee, boolean handledOnTime, Duration timeToHandle, boolean solvedOnTheSpot)
		implements CaseEvent {
}
