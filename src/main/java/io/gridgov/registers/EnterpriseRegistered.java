package io.gridgov.registers;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** An enterprise entered the register. */
public record EnterpriseRegistered(UUID enterpriseId, RegionCode grid, Set<EnterpriseFlag> flags, Instant occurredAt)
		implements RegistersEvent {
}
