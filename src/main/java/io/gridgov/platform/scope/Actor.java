package io.gridgov.platform.scope;

import java.util.Set;
import java.util.UUID;

/**
 * Who is acting: the signed-in user with the roles and the region scope that every query is
 * filtered by. Modules read it through {@link CurrentActor}; only the identity module creates it.
 */
public record Actor(UUID userId, String username, Set<String> roles, RegionCode scope) {

	public Actor {
		roles = Set.copyOf(roles);
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	/** True when the record with the given region code is inside this actor's scope. */
	public boolean canSee(RegionCode recordRegion) {
		return scope.contains(recordRegion);
	}
}
