package io.gridgov.geo.internal;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Where a point lies relative to one polygonal area: {@link Location#INTERIOR},
 * {@link Location#BOUNDARY} or {@link Location#EXTERIOR}, decided exactly (robust orientation
 * predicates). Small areas are tested by ray crossing over packed coordinate arrays, large ones
 * by JTS's indexed locator.
 */
final class AreaTest {

	static final int SMALL = 256;

	private final double[][] shells;
	private final double[][][] holes;
	private final IndexedPointInAreaLocator large;

	private AreaTest(double[][] shells, double[][][] holes, IndexedPointInAreaLocator large) {
		this.shells = shells;
		this.holes = holes;
		this.large = large;
	}

	static AreaTest of(Geometry area) {
		if (area.getNumPoints() > SMALL) {
			return new AreaTest(null, null, new IndexedPointInAreaLocator(area));
		}
		int parts = area.getNumGeometries();
		double[][] shells = new double[parts][];
		double[][][] holes = new double[parts][][];
		for (int i = 0; i < parts; i++) {
			Polygon polygon = (Polygon) area.getGeometryN(i);
			shells[i] = pack(polygon.getExteriorRing().getCoordinateSequence());
			holes[i] = new double[polygon.getNumInteriorRing()][];
			for (int h = 0; h < holes[i].length; h++) {
				holes[i][h] = pack(polygon.getInteriorRingN(h).getCoordinateSequence());
			}
		}
		return new AreaTest(shells, holes, null);
	}

	int locate(double x, double y) {
		if (large != null) {
			return large.locate(new Coordinate(x, y));
		}
		int result = Location.EXTERIOR;
		for (int i = 0; i < shells.length; i++) {
			int location = locateInPolygon(i, x, y);
			if (location == Location.INTERIOR) {
				return location;
			}
			if (location == Location.BOUNDARY) {
				result = location;
			}
		}
		return result;
	}

	private int locateInPolygon(int part, double x, double y) {
		int shell = locateInRing(shells[part], x, y);
		if (shell != Location.INTERIOR) {
			return shell;
		}
		for (double[] hole : holes[part]) {
			int location = locateInRing(hole, x, y);
			if (location == Location.BOUNDARY) {
				return Location.BOUNDARY;
			}
			if (location == Location.INTERIOR) {
				return Location.EXTERIOR;
			}
		}
		return Location.INTERIOR;
	}

	/** JTS's RayCrossingCounter on a packed ring: exact on edges and vertices. */
	static int locateInRing(double[] ring, double px, double py) {
		int crossings = 0;
		for (int i = 2; i < ring.length; i += 2) {
			double x1 = ring[i];
			double y1 = ring[i + 1];
			double x2 = ring[i - 2];
			double y2 = ring[i - 1];
			if (x1 < px && x2 < px) {
				continue;
			}
			if (px == x2 && py == y2) {
				return Location.BOUNDARY;
			}
			if (y1 == py && y2 == py) {
				double minX = Math.min(x1, x2);
				double maxX = Math.max(x1, x2);
				if (minX <= px && px <= maxX) {
					return Location.BOUNDARY;
				}
				continue;
			}
			if ((y1 > py && y2 <= py) || (y2 > py && y1 <= py)) {
				int orientation = CGAlgorithmsDD.orientationIndex(x1, y1, x2, y2, px, py);
				if (orientation == 0) {
					return Location.BOUNDARY;
				}
				if (y2 < y1) {
					orientation = -orientation;
				}
				if (orientation == 1) {
					crossings++;
				}
			}
		}
		return (crossings & 1) == 1 ? Location.INTERIOR : Location.EXTERIOR;
	}

	private static double[] pack(CoordinateSequence ring) {
		double[] packed = new double[ring.size() * 2];
		for (int i = 0; i < ring.size(); i++) {
			packed[2 * i] = ring.getX(i);
			packed[2 * i + 1] = ring.getY(i);
		}
		return packed;
	}
}
