package io.gridgov.registers;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** A resident entered the register (by hand or by import). Carries no personal data. */
public record ResidentRegistered(UUID residentId, RegionCode grid, Residency residency, Set<String> tagCodes,
		Instant occurredAt) implements RegistersEvent {
}
