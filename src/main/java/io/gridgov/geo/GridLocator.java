package io.gridgov.geo;

import java.util.List;
import java.util.Optional;

/**
 * Point → grid, in memory. Coordinates are WGS-84 longitude and latitude. A point on an edge
 * shared by two grids resolves to exactly one of them, always the same; a point outside every
 * grid resolves to nothing, never an error.
 */
public interface GridLocator {

	Optional<GridHit> locate(double longitude, double latitude);

	/** The codes of the grids whose boundary intersects the box. */
	List<String> gridsIn(double minLongitude, double minLatitude, double maxLongitude, double maxLatitude);
}
