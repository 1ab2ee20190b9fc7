package io.gridgov.geo.internal;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Geometry helpers shared by the store, the generator and the import: one factory (WGS-84,
 * SRID 4326), WKB for storage and the area on the WGS-84 ellipsoid.
 */
public final class GeoShapes {

	public static final int WGS84 = 4326;

	public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), WGS84);

	/** 1e-7 degrees (about 1 cm): the grid the demo's polygons are snapped to. */
	public static final PrecisionModel CENTIMETRE = new PrecisionModel(1e7);

	private static final double A = 6378137.0;
	private static final double F = 1 / 298.257223563;
	private static final double E2 = F * (2 - F);
	private static final double E = Math.sqrt(E2);
	private static final double QP = q(1.0);
	private static final double AUTHALIC_RADIUS = A * Math.sqrt(QP / 2);

	private GeoShapes() {
	}

	public static byte[] toWkb(Geometry geometry) {
		return new WKBWriter(2, false).write(geometry);
	}

	public static Geometry fromWkb(byte[] wkb) {
		try {
			Geometry geometry = new WKBReader(FACTORY).read(wkb);
			geometry.setSRID(WGS84);
			return geometry;
		}
		catch (ParseException e) {
			throw new IllegalStateException("A stored boundary is not valid WKB", e);
		}
	}

	/**
	 * The area in m² on the WGS-84 ellipsoid: the polygon is projected to the Lambert cylindrical
	 * equal-area projection of the authalic sphere (x = R·λ, y = R·sin β), which keeps areas exact,
	 * and measured there.
	 */
	public static double areaSquareMetres(Geometry geometry) {
		double total = 0;
		for (int i = 0; i < geometry.getNumGeometries(); i++) {
			if (geometry.getGeometryN(i) instanceof Polygon polygon) {
				total += Math.abs(ringArea(polygon.getExteriorRing().getCoordinateSequence()));
				for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
					total -= Math.abs(ringArea(polygon.getInteriorRingN(h).getCoordinateSequence()));
				}
			}
		}
		return total;
	}

	private static double ringArea(CoordinateSequence ring) {
		int n = ring.size();
		if (n < 4) {
			return 0;
		}
		double x0 = ring.getX(0);
		double sum = 0;
		double px = 0;
		double py = projectY(ring.getY(0));
		for (int i = 1; i < n; i++) {
			double x = Math.toRadians(ring.getX(i) - x0) * AUTHALIC_RADIUS;
			double y = projectY(ring.getY(i));
			sum += px * y - x * py;
			px = x;
			py = y;
		}
		return sum / 2;
	}

	private static double projectY(double latitude) {
		return AUTHALIC_RADIUS * q(Math.sin(Math.toRadians(latitude))) / QP;
	}

	private static double q(double sinPhi) {
		double esin = E * sinPhi;
		return (1 - E2) * (sinPhi / (1 - esin * esin) - (1 / (2 * E)) * Math.log((1 - esin) / (1 + esin)));
	}

	public static Polygon rectangle(double minX, double minY, double maxX, double maxY) {
		LinearRing shell = FACTORY.createLinearRing(new Coordinate[] { new Coordinate(minX, minY),
				new Coordinate(maxX, minY), new Coordinate(maxX, maxY), new Coordinate(minX, maxY),
				new Coordinate(minX, minY) });
		return FACTORY.createPolygon(shell);
	}
}
