package io.gridgov.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.PointLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

class GridIndexTest {

	private static Polygon square(double x, double y, double size) {
		return GeoShapes.rectangle(x, y, x + size, y + size);
	}

	/** Four unit squares meeting at (1, 1): 0 bottom-left, 1 bottom-right, 2 top-left, 3 top-right. */
	private final GridIndex quad = GridIndex.build(
			List.of(square(0, 0, 1), square(1, 0, 1), square(0, 1, 1), square(1, 1, 1)));

	@Test
	void pointInTheInteriorResolvesToItsGrid() {
		assertThat(quad.locate(0.5, 0.5)).isEqualTo(0);
		assertThat(quad.locate(1.5, 1.5)).isEqualTo(3);
		assertThat(quad.locate(1.000001, 0.3)).isEqualTo(1);
	}

	@Test
	void pointOnSharedEdgeResolvesToExactlyOneGridTheLowestNumbered() {
		assertThat(quad.locate(1.0, 0.5)).isEqualTo(0);
		assertThat(quad.locate(1.5, 1.0)).isEqualTo(1);
		assertThat(quad.locate(1.0, 1.5)).isEqualTo(2);
	}

	@Test
	void pointOnSharedVertexResolvesToTheLowestNumberedGrid() {
		assertThat(quad.locate(1.0, 1.0)).isEqualTo(0);
		assertThat(quad.locate(2.0, 2.0)).isEqualTo(3);
	}

	@Test
	void pointOutsideEveryGridResolvesToNone() {
		assertThat(quad.locate(-0.1, 0.5)).isEqualTo(-1);
		assertThat(quad.locate(2.1, 2.1)).isEqualTo(-1);
		assertThat(quad.locate(Double.NaN, 1)).isEqualTo(-1);
		assertThat(quad.locate(1, Double.POSITIVE_INFINITY)).isEqualTo(-1);
	}

	@Test
	void pointInAHoleResolvesToTheGridFillingItOrNone() {
		Polygon ring = GeoShapes.FACTORY.createPolygon(GeoShapes.FACTORY.createLinearRing(square(0, 0, 4).getCoordinates()),
				new org.locationtech.jts.geom.LinearRing[] {
						GeoShapes.FACTORY.createLinearRing(square(1, 1, 2).getCoordinates()) });
		GridIndex withHole = GridIndex.build(List.of(ring));
		assertThat(withHole.locate(2, 2)).isEqualTo(-1);
		assertThat(withHole.locate(0.5, 0.5)).isEqualTo(0);
		assertThat(withHole.locate(1, 2)).isEqualTo(0);
		GridIndex filled = GridIndex.build(List.of(square(1, 1, 2), ring));
		assertThat(filled.locate(2, 2)).isEqualTo(0);
		assertThat(filled.locate(1, 2)).isEqualTo(0);
		assertThat(filled.locate(3.5, 3.5)).isEqualTo(1);
	}

	@Test
	void boxQueryReturnsTheGridsMeetingTheBox() {
		assertThat(quad.intersecting(0.2, 0.2, 0.4, 0.4)).containsExactly(0);
		assertThat(quad.intersecting(0.5, 0.5, 1.5, 0.7)).containsExactly(0, 1);
		assertThat(quad.intersecting(-5, -5, 5, 5)).containsExactly(0, 1, 2, 3);
		assertThat(quad.intersecting(3, 3, 4, 4)).isEmpty();
	}

	@Test
	void indexAgreesWithTheNaiveScanOnTheDemoGrids() {
		List<Geometry> grids = WaihaiGridGenerator.generate().grids().stream()
			.map(WaihaiGridGenerator.GeneratedGrid::boundary)
			.map(g -> (Geometry) g)
			.toList();
		assertAgreesWithNaiveScan(grids, 20_000, 11);
	}

	@Test
	void indexAgreesWithTheNaiveScanOnTenThousandVoronoiGrids() {
		Random random = new Random(5);
		Envelope city = new Envelope(113.0, 113.4, 22.4, 22.7);
		List<Coordinate> seeds = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			seeds.add(new Coordinate(city.getMinX() + random.nextDouble() * city.getWidth(),
					city.getMinY() + random.nextDouble() * city.getHeight()));
		}
		List<Geometry> grids = new ArrayList<>(VoronoiTiling.cellsOfRectangle(city, seeds));
		assertAgreesWithNaiveScan(grids, 3_000, 13);
	}

	private static void assertAgreesWithNaiveScan(List<Geometry> grids, int points, long seed) {
		GridIndex index = GridIndex.build(grids);
		Envelope extent = new Envelope();
		grids.forEach(g -> extent.expandToInclude(g.getEnvelopeInternal()));
		extent.expandBy(extent.getWidth() * 0.05);
		Random random = new Random(seed);
		List<Coordinate> probes = new ArrayList<>();
		for (int i = 0; i < points; i++) {
			probes.add(new Coordinate(extent.getMinX() + random.nextDouble() * extent.getWidth(),
					extent.getMinY() + random.nextDouble() * extent.getHeight()));
			Coordinate[] ring = grids.get(random.nextInt(grids.size())).getCoordinates();
			int k = random.nextInt(ring.length - 1);
			probes.add(new Coordinate(ring[k]));
			double t = random.nextDouble();
			probes.add(new Coordinate(ring[k].x + t * (ring[k + 1].x - ring[k].x), ring[k].y + t * (ring[k + 1].y - ring[k].y)));
			if (ring[k].x == ring[k + 1].x || ring[k].y == ring[k + 1].y) {
				probes.add(new Coordinate((ring[k].x + ring[k + 1].x) / 2, (ring[k].y + ring[k + 1].y) / 2));
			}
		}
		int onBoundary = 0;
		for (Coordinate p : probes) {
			int expected = naive(grids, p);
			assertThat(index.locate(p.x, p.y)).as("point %s", p).isEqualTo(expected);
			if (expected >= 0 && new PointLocator().locate(p, grids.get(expected)) == Location.BOUNDARY) {
				onBoundary++;
			}
		}
		assertThat(onBoundary).as("probes exactly on edges or vertices").isGreaterThan(points / 4);
	}

	/** The edge rule spelled out on a linear scan: an interior hit wins, else the lowest boundary hit. */
	private static int naive(List<Geometry> grids, Coordinate p) {
		PointLocator locator = new PointLocator();
		int boundary = -1;
		for (int i = 0; i < grids.size(); i++) {
			if (!grids.get(i).getEnvelopeInternal().covers(p)) {
				continue;
			}
			int location = locator.locate(p, grids.get(i));
			if (location == Location.INTERIOR) {
				return i;
			}
			if (location == Location.BOUNDARY && boundary < 0) {
				boundary = i;
			}
		}
		return boundary;
	}
}
