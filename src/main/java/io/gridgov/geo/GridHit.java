package io.gridgov.geo;

import io.gridgov.platform.scope.RegionCode;

/** The grid a point resolves to, with the boundary version it was resolved against. */
public record GridHit(RegionCode grid, RegionCode community, int boundaryVersion) {
}
