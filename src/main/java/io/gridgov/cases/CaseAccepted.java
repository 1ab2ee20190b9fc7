package io.gridgov.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** The command centre accepted a case (立案); the figures of the acceptance stage. */
public record CaseAccepted(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt, boolean acceptedOnTime, Duration timeToAccept)
		implements CaseEvent {
}
