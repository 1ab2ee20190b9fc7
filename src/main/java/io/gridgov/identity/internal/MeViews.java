package io.gridgov.identity.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.gridgov.geo.Region;
import io.gridgov.geo.Regions;
import io.gridgov.identity.Role;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.scope.RegionLevel;

/** Builds what the UI needs to know about the signed-in user. */
@Component
class MeViews {

	private final Regions regions;

	MeViews(Regions regions) {
		this.regions = regions;
	}

	MeView of(GridGovPrincipal principal) {
		return new MeView(principal.userId(), principal.username(), principal.displayName(),
				principal.roles().stream().map(Role::name).sorted().toList(), scope(RegionCode.of(principal.scopeCode())),
				principal.permissions());
	}

	ScopeView scope(RegionCode code) {
		return regions.find(code)
			.map(region -> new ScopeView(code.value(), region.name(), region.level()))
			.orElse(new ScopeView(code.value(), code.value(), code.level()));
	}

	ScopeView scope(Region region) {
		return new ScopeView(region.code().value(), region.name(), region.level());
	}

	record MeView(UUID id, String username, String displayName, List<String> roles, ScopeView scope,
			Set<String> permissions) {
	}

	record ScopeView(String code, String name, RegionLevel level) {
	}
}
