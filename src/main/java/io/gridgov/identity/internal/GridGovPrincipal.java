package io.gridgov.identity.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.gridgov.identity.Role;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.ActorPrincipal;
import io.gridgov.platform.scope.RegionCode;

/** The signed-in user as kept in the session. */
record GridGovPrincipal(UUID userId, String username, String displayName, Set<Role> roles, String scopeCode)
		implements ActorPrincipal, AuthenticatedPrincipal, Serializable {

	GridGovPrincipal {
		roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}

	static GridGovPrincipal of(User user) {
		return new GridGovPrincipal(user.id(), user.username(), user.displayName(), user.roles(), user.scope().value());
	}

	@Override
	public Actor actor() {
		return new Actor(userId, username, roles.stream().map(Role::name).collect(Collectors.toSet()),
				RegionCode.of(scopeCode));
	}

	@Override
	public String getName() {
		return username;
	}

	Set<String> permissions() {
		return roles.stream().flatMap(role -> role.permissions().stream()).collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	List<GrantedAuthority> authorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
		permissions().forEach(permission -> authorities.add(new SimpleGrantedAuthority(permission)));
		return authorities;
	}
}
