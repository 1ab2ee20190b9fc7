package io.gridgov.registers;

import java.time.Instant;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** A resident moved away, died or came back. */
public record ResidentStatusChanged(UUID residentId, RegionCode grid, ResidentStatus from, ResidentStatus to,
		Instant occurredAt) implements RegistersEvent {
}
