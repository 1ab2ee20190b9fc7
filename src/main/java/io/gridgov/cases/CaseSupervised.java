package io.gridgov.cases;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** A case was put under supervision (督办); the assignee is to be notified. */
public record CaseSupervised(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt, Assignee assignee, int supervisionCount)
		implements CaseEvent {
}
