package io.gridgov.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** A case was closed, with the figures the evaluation indicators need. */
public record CaseClosed(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt, CaseSource source, Boolean acceptedOnTime, boolean dispatchedCorrectly, Boolean handledOnTime, int reworkCount, Duration timeToAccept, Duration timeToHandle, boolean supervised, boolean solvedOnTheSpot)
		implements CaseEvent {
}
