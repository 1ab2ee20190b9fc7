package io.gridgov.cases;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/**
 * Something that happened to a case, published through the outbox in the transaction that made
 * it happen. {@code gridCode} is the case's grid, or the wider region of a case no grid contains.
 */
public interface CaseEvent {

	UUID caseId();

	RegionCode gridCode();

	String categoryCode();

	Instant occurredAt();
}
