package io.gridgov.geo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Partitions an area into Voronoi cells of given seeds, clipped to the area. Neighbouring cells
 * share the diagram's edges, so they neither overlap nor leave gaps (up to the rounding of the
 * points where an edge crosses the area's boundary, far below a millimetre).
 */
public final class VoronoiTiling {

	private VoronoiTiling() {
	}

	/** One cell per seed, in the order of the seeds; a cell may be a MultiPolygon. */
	public static List<Geometry> cells(Geometry area, List<Coordinate> seeds) {
		VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
		builder.setSites(seeds);
		Envelope clip = new Envelope(area.getEnvelopeInternal());
		clip.expandBy(clip.getWidth() + clip.getHeight());
		builder.setClipEnvelope(clip);
		Geometry diagram = builder.getDiagram(GeoShapes.FACTORY);
		List<Geometry> cells = new ArrayList<>(seeds.size());
		Geometry[] bySeed = new Geometry[seeds.size()];
		for (int i = 0; i < diagram.getNumGeometries(); i++) {
			Geometry cell = diagram.getGeometryN(i);
			Coordinate site = (Coordinate) cell.getUserData();
			bySeed[indexOf(seeds, site)] = cell;
		}
		for (Geometry cell : bySeed) {
			Geometry clipped = OverlayNG.overlay(cell, area, OverlayNG.INTERSECTION);
			cells.add(polygonal(clipped));
		}
		return cells;
	}

	/**
	 * Cells of a rectangle for many seeds at once (a city-scale test set): the diagram's own clip
	 * to the rectangle, no overlay per cell.
	 */
	public static List<Polygon> cellsOfRectangle(Envelope rectangle, List<Coordinate> seeds) {
		VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
		builder.setSites(seeds);
		builder.setClipEnvelope(rectangle);
		Geometry diagram = builder.getDiagram(GeoShapes.FACTORY);
		Geometry box = GeoShapes.FACTORY.toGeometry(rectangle);
		List<Polygon> cells = new ArrayList<>(diagram.getNumGeometries());
		for (int i = 0; i < diagram.getNumGeometries(); i++) {
			Geometry cell = diagram.getGeometryN(i);
			if (!rectangle.contains(cell.getEnvelopeInternal())) {
				cell = OverlayNGRobust.overlay(cell, box, OverlayNG.INTERSECTION);
			}
			for (Object part : PolygonExtracter.getPolygons(cell)) {
				cells.add((Polygon) part);
			}
		}
		return cells;
	}

	/** Random points inside an area, at least {@code minDistance} apart where possible. */
	public static List<Coordinate> seeds(Geometry area, int count, double minDistance, Random random) {
		Envelope env = area.getEnvelopeInternal();
		List<Coordinate> seeds = new ArrayList<>(count);
		int attempts = 0;
		double distance = minDistance;
		while (seeds.size() < count) {
			Coordinate c = new Coordinate(env.getMinX() + random.nextDouble() * env.getWidth(),
					env.getMinY() + random.nextDouble() * env.getHeight());
			if (++attempts % 500 == 0) {
				distance /= 2;
			}
			Point point = GeoShapes.FACTORY.createPoint(c);
			if (!area.contains(point)) {
				continue;
			}
			double d = distance;
			if (seeds.stream().allMatch(s -> s.distance(c) >= d)) {
				seeds.add(c);
			}
		}
		return seeds;
	}

	/** Moves each seed to the centroid of its cell, a few times: rounder, more even cells. */
	public static List<Coordinate> relax(Geometry area, List<Coordinate> seeds, int rounds) {
		List<Coordinate> current = seeds;
		for (int round = 0; round < rounds; round++) {
			List<Coordinate> next = new ArrayList<>(current.size());
			List<Geometry> cells = cells(area, current);
			for (int i = 0; i < cells.size(); i++) {
				Geometry cell = cells.get(i);
				Point centroid = cell.getCentroid();
				next.add(cell.isEmpty() || !area.contains(centroid) ? current.get(i) : centroid.getCoordinate());
			}
			current = next;
		}
		return current;
	}

	static Geometry polygonal(Geometry geometry) {
		@SuppressWarnings("unchecked")
		List<Polygon> polygons = PolygonExtracter.getPolygons(geometry);
		if (polygons.size() == 1) {
			return polygons.get(0);
		}
		return GeoShapes.FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
	}

	private static int indexOf(List<Coordinate> seeds, Coordinate site) {
		for (int i = 0; i < seeds.size(); i++) {
			if (seeds.get(i).equals2D(site)) {
				return i;
			}
		}
		throw new IllegalStateException("A Voronoi cell without its site");
	}
}
