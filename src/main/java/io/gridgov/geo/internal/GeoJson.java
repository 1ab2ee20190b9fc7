package io.gridgov.geo.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import io.gridgov.geo.Gcj02;
import tools.jackson.databind.JsonNode;

/**
 * GeoJSON geometries: written from JTS as plain maps, read into JTS with every defect named
 * (ADR 0006). Reading never throws on bad input; it returns the first defect as a code and an
 * argument for the message.
 */
final class GeoJson {

	/** A defect of a geometry: the message code and its detail argument. */
	record Defect(String code, String detail) {
	}

	/** Either a geometry or the reason there is none. */
	record Parsed(Geometry geometry, Defect defect) {

		static Parsed of(Geometry geometry) {
			return new Parsed(geometry, null);
		}

		static Parsed defect(String code, String detail) {
			return new Parsed(null, new Defect(code, detail));
		}

		boolean ok() {
			return defect == null;
		}
	}

	private GeoJson() {
	}

	static Map<String, Object> write(Geometry geometry) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (geometry instanceof Polygon polygon) {
			json.put("type", "Polygon");
			json.put("coordinates", rings(polygon));
		}
		else if (geometry.getNumGeometries() > 1 || !(geometry instanceof Polygon)) {
			List<Object> polygons = new ArrayList<>();
			for (int i = 0; i < geometry.getNumGeometries(); i++) {
				polygons.add(rings((Polygon) geometry.getGeometryN(i)));
			}
			json.put("type", "MultiPolygon");
			json.put("coordinates", polygons);
		}
		return json;
	}

	static Map<String, Object> point(double lon, double lat) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", "Point");
		json.put("coordinates", List.of(lon, lat));
		return json;
	}

	private static List<Object> rings(Polygon polygon) {
		List<Object> rings = new ArrayList<>();
		rings.add(positions(polygon.getExteriorRing().getCoordinates()));
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			rings.add(positions(polygon.getInteriorRingN(i).getCoordinates()));
		}
		return rings;
	}

	private static List<double[]> positions(Coordinate[] coordinates) {
		List<double[]> positions = new ArrayList<>(coordinates.length);
		for (Coordinate c : coordinates) {
			positions.add(new double[] { c.x, c.y });
		}
		return positions;
	}

	/** Reads a Polygon or MultiPolygon in WGS-84 [longitude, latitude], checking it fully. */
	static Parsed read(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return Parsed.defect("geo.geometry-missing", "");
		}
		String type = node.path("type").asString("");
		JsonNode coordinates = node.path("coordinates");
		if (!coordinates.isArray()) {
			return "Polygon".equals(type) || "MultiPolygon".equals(type) ? Parsed.defect("geo.coordinate-invalid", "coordinates")
					: Parsed.defect("geo.geometry-type", type);
		}
		List<List<double[]>> polygonsRings = new ArrayList<>();
		List<Integer> ringsPerPolygon = new ArrayList<>();
		if ("Polygon".equals(type)) {
			Defect defect = readRings(coordinates, polygonsRings, ringsPerPolygon);
			if (defect != null) {
				return new Parsed(null, defect);
			}
		}
		else if ("MultiPolygon".equals(type)) {
			if (coordinates.isEmpty()) {
				return Parsed.defect("geo.ring-too-short", "0");
			}
			for (JsonNode polygon : coordinates) {
				Defect defect = readRings(polygon, polygonsRings, ringsPerPolygon);
				if (defect != null) {
					return new Parsed(null, defect);
				}
			}
		}
		else {
			return Parsed.defect("geo.geometry-type", type);
		}
		Defect ranges = checkRanges(polygonsRings);
		if (ranges != null) {
			return new Parsed(null, ranges);
		}
		for (List<double[]> ring : polygonsRings) {
			if (ring.size() < 4) {
				return Parsed.defect("geo.ring-too-short", String.valueOf(ring.size()));
			}
			double[] first = ring.get(0);
			double[] last = ring.get(ring.size() - 1);
			if (first[0] != last[0] || first[1] != last[1]) {
				return Parsed.defect("geo.ring-not-closed", "");
			}
		}
		Geometry geometry = build(polygonsRings, ringsPerPolygon);
		TopologyValidationError error = new IsValidOp(geometry).getValidationError();
		if (error != null) {
			String where = String.format("%.7f, %.7f", error.getCoordinate().x, error.getCoordinate().y);
			boolean selfIntersecting = error.getErrorType() == TopologyValidationError.SELF_INTERSECTION
					|| error.getErrorType() == TopologyValidationError.RING_SELF_INTERSECTION;
			return Parsed.defect(selfIntersecting ? "geo.polygon-self-intersecting" : "geo.polygon-invalid",
					selfIntersecting ? where : error.getMessage() + " (" + where + ")");
		}
		return Parsed.of(geometry);
	}

	private static Defect readRings(JsonNode polygon, List<List<double[]>> rings, List<Integer> ringsPerPolygon) {
		if (!polygon.isArray() || polygon.isEmpty()) {
			return new Defect("geo.ring-too-short", "0");
		}
		for (JsonNode ring : polygon) {
			if (!ring.isArray()) {
				return new Defect("geo.coordinate-invalid", ring.toString());
			}
			List<double[]> positions = new ArrayList<>(ring.size());
			for (JsonNode position : ring) {
				if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
					return new Defect("geo.coordinate-invalid", abbreviate(position.toString()));
				}
				double lon = position.get(0).asDouble();
				double lat = position.get(1).asDouble();
				if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
					return new Defect("geo.coordinate-not-finite", position.toString());
				}
				positions.add(new double[] { lon, lat });
			}
			rings.add(positions);
		}
		ringsPerPolygon.add(polygon.size());
		return null;
	}

	/**
	 * Longitude must lie in [-180, 180], latitude in [-90, 90]. A geometry that breaks this, or
	 * lies outside China, while its swapped coordinates lie inside China was written
	 * [latitude, longitude]: named as such (GridGov's territory is in China).
	 */
	private static Defect checkRanges(List<List<double[]>> rings) {
		boolean inRange = true;
		boolean insideChina = true;
		boolean swappedInsideChina = true;
		double[] example = null;
		for (List<double[]> ring : rings) {
			for (double[] p : ring) {
				boolean ok = Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
				if (!ok && example == null) {
					example = p;
				}
				inRange &= ok;
				insideChina &= !Gcj02.outsideChina(p[0], p[1]);
				swappedInsideChina &= !Gcj02.outsideChina(p[1], p[0]);
			}
		}
		if (!insideChina && swappedInsideChina) {
			double[] p = rings.get(0).get(0);
			return new Defect("geo.coordinate-order-swapped", "[" + p[0] + ", " + p[1] + "]");
		}
		if (!inRange) {
			return new Defect("geo.coordinate-out-of-range", "[" + example[0] + ", " + example[1] + "]");
		}
		return null;
	}

	private static Geometry build(List<List<double[]>> rings, List<Integer> ringsPerPolygon) {
		List<Polygon> polygons = new ArrayList<>();
		int next = 0;
		for (int count : ringsPerPolygon) {
			LinearRing shell = ring(rings.get(next));
			LinearRing[] holes = new LinearRing[count - 1];
			for (int h = 1; h < count; h++) {
				holes[h - 1] = ring(rings.get(next + h));
			}
			polygons.add(GeoShapes.FACTORY.createPolygon(shell, holes));
			next += count;
		}
		return polygons.size() == 1 ? polygons.get(0)
				: GeoShapes.FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
	}

	private static LinearRing ring(List<double[]> positions) {
		Coordinate[] coordinates = new Coordinate[positions.size()];
		for (int i = 0; i < coordinates.length; i++) {
			coordinates[i] = new Coordinate(positions.get(i)[0], positions.get(i)[1]);
		}
		return GeoShapes.FACTORY.createLinearRing(coordinates);
	}

	private static String abbreviate(String text) {
		return text.length() > 60 ? text.substring(0, 60) + "…" : text;
	}
}
