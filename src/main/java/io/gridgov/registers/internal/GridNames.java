package io.gridgov.registers.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.gridgov.geo.GridInfo;
import io.gridgov.geo.Grids;
import io.gridgov.platform.scope.RegionCode;

/** Grid names for lists and exports, remembered per code (names change rarely; a restart refreshes them). */
@Component
class GridNames {

	private final Grids grids;
	private final Map<String, String> names = new ConcurrentHashMap<>();

	GridNames(Grids grids) {
		this.grids = grids;
	}

	String name(String code) {
		return names.computeIfAbsent(code, c -> RegionCode.isValid(c)
				? grids.find(RegionCode.of(c)).map(GridInfo::name).orElse(c) : c);
	}
}
