package io.gridgov.geo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** The polygon sets and probe points of the locator benchmark, the same on every run. */
final class BenchPolygons {

	static final int PROBES = 1 << 14;

	private BenchPolygons() {
	}

	/** "77": the Waihai demo grids; any other number: that many Voronoi cells over a 40 km × 33 km city. */
	static List<Geometry> polygons(int count) {
		if (count == 77) {
			return WaihaiGridGenerator.generate().grids().stream().map(g -> (Geometry) g.boundary()).toList();
		}
		Random random = new Random(20261129L);
		Envelope city = new Envelope(113.0, 113.4, 22.4, 22.7);
		List<Coordinate> seeds = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			seeds.add(new Coordinate(city.getMinX() + random.nextDouble() * city.getWidth(),
					city.getMinY() + random.nextDouble() * city.getHeight()));
		}
		return new ArrayList<>(VoronoiTiling.cellsOfRectangle(city, seeds));
	}

	/** Uniform random points over the polygons' extent (a few percent outside it). */
	static double[] probes(List<Geometry> polygons) {
		Envelope extent = new Envelope();
		polygons.forEach(p -> extent.expandToInclude(p.getEnvelopeInternal()));
		extent.expandBy(extent.getWidth() * 0.01);
		Random random = new Random(7);
		double[] xy = new double[PROBES * 2];
		for (int i = 0; i < PROBES; i++) {
			xy[2 * i] = extent.getMinX() + random.nextDouble() * extent.getWidth();
			xy[2 * i + 1] = extent.getMinY() + random.nextDouble() * extent.getHeight();
		}
		return xy;
	}
}
