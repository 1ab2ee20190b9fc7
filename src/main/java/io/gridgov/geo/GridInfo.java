package io.gridgov.geo;

import java.time.Instant;

import org.locationtech.jts.geom.Point;

import io.gridgov.platform.scope.RegionCode;

/**
 * A grid as other modules see it: code, name, type, the community or village it belongs to, its
 * area in m² (computed from the boundary), the current boundary version and an interior point.
 */
public record GridInfo(RegionCode code, String name, GridType type, RegionCode communityCode, String communityName,
		double areaSquareMetres, int boundaryVersion, Instant validFrom, Point interiorPoint) {
}
