package io.gridgov.cases.internal.workflow;

import java.time.Instant;

import io.gridgov.cases.CaseAction;
import io.gridgov.cases.CaseStatus;

/** A timeline entry as the public tracking page shows it. */
public record PublicTimelineEntry(Instant at, CaseAction action, CaseStatus status) {
}
