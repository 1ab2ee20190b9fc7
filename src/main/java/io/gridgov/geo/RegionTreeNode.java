package io.gridgov.geo;

import java.util.List;

import io.gridgov.platform.scope.RegionLevel;

/** A region with its children, as the region tree page shows it. */
public record RegionTreeNode(String code, String name, RegionLevel level, RegionKind kind, List<RegionTreeNode> children) {
}
