package io.gridgov.cases;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** The command centre approved an extension; the deadline moved. */
public record CaseExtensionApproved(UUID caseId, RegionCode gridCode, String categoryCode, Instant occurredAt, Assignee assignee, Instant deadline)
		implements CaseEvent {
}
