package io.gridgov.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.gridgov.identity.Role;

/** The account as the administration pages show it; never the password hash. */
@Component
class UserViews {

	private final MeViews me;
	private final Clock clock;

	UserViews(MeViews me, Clock clock) {
		this.me = me;
		this.clock = clock;
	}

	UserView of(User user) {
		boolean locked = user.lockedUntil() != null && user.lockedUntil().isAfter(clock.instant());
		return new UserView(user.id(), user.username(), user.displayName(),
				user.roles().stream().map(Role::name).sorted().toList(), me.scope(user.scope()), user.enabled(), locked,
				locked ? user.lockedUntil() : null, user.lastLoginAt(), user.createdAt(), user.version());
	}

	record UserView(UUID id, String username, String displayName, List<String> roles, MeViews.ScopeView scope,
			boolean enabled, boolean locked, Instant lockedUntil, Instant lastLoginAt, Instant createdAt, Long version) {
	}
}
