package io.gridgov.geo;

import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;

import io.gridgov.platform.scope.RegionCode;

/** Grids and their boundaries: the public API other modules use. */
public interface Grids {

	Optional<GridInfo> find(RegionCode grid);

	/** The grids inside a region (a community, a subdistrict …), ordered by code. */
	List<GridInfo> within(RegionCode region);

	/** The current boundary of a grid (WGS-84), if it has one. */
	Optional<Geometry> boundary(RegionCode grid);
}
