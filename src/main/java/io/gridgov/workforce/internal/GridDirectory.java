package io.gridgov.workforce.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.gridgov.geo.GridInfo;
import io.gridgov.geo.Grids;
import io.gridgov.platform.scope.RegionCode;

/** Grid look-ups for one request, each grid asked of geo once. */
final class GridDirectory {

	private final Grids grids;
	private final Map<String, Optional<GridInfo>> seen = new HashMap<>();

	GridDirectory(Grids grids) {
		this.grids = grids;
	}

	Optional<GridInfo> find(String code) {
		return seen.computeIfAbsent(code,
				c -> RegionCode.isValid(c) && c.length() == 15 ? grids.find(RegionCode.of(c)) : Optional.empty());
	}

	String name(String code) {
		return find(code).map(GridInfo::name).orElse(code);
	}
}
