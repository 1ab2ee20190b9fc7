package io.gridgov.geo;

import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.scope.RegionLevel;

/** A node of the region tree. {@code kind} is set for community-level nodes only. */
public record Region(RegionCode code, String name, RegionLevel level, RegionKind kind, RegionCode parentCode) {
}
