package io.gridgov.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import io.gridgov.geo.GridType;
import io.gridgov.platform.scope.RegionCode;

class WaihaiGridGeneratorTest {

	private static final WaihaiGridGenerator.WaihaiMap MAP = WaihaiGridGenerator.generate();

	@Test
	void everyOneOfTheSeventySevenGridsHasAValidPolygon() {
		assertThat(MAP.grids()).hasSize(77);
		assertThat(MAP.grids()).allSatisfy(grid -> {
			assertThat(grid.boundary().isValid()).as(grid.code().value()).isTrue();
			assertThat(grid.boundary().isEmpty()).isFalse();
		});
	}

	@Test
	void gridsTileTheOutlineWithoutGapsOrOverlaps() {
		double outline = GeoShapes.areaSquareMetres(MAP.outline());
		double sum = MAP.grids().stream().mapToDouble(g -> GeoShapes.areaSquareMetres(g.boundary())).sum();
		assertThat(Math.abs(sum - outline) / outline).isLessThan(1e-6);
		List<Geometry> boundaries = MAP.grids().stream().map(WaihaiGridGenerator.GeneratedGrid::boundary).toList();
		for (int i = 0; i < boundaries.size(); i++) {
			for (int j = i + 1; j < boundaries.size(); j++) {
				Geometry a = boundaries.get(i);
				Geometry b = boundaries.get(j);
				if (a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
					assertThat(GeoShapes.areaSquareMetres(a.intersection(b))).isLessThan(0.001);
				}
			}
		}
		GridIndex index = GridIndex.build(boundaries);
		java.util.Random random = new java.util.Random(7);
		org.locationtech.jts.geom.Envelope env = MAP.outline().getEnvelopeInternal();
		for (int i = 0; i < 20_000; i++) {
			double x = env.getMinX() + random.nextDouble() * env.getWidth();
			double y = env.getMinY() + random.nextDouble() * env.getHeight();
			boolean inside = MAP.outline().contains(GeoShapes.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(x, y)));
			assertThat(index.locate(x, y) >= 0).as("%s %s", x, y).isEqualTo(inside);
		}
	}

	@Test
	void theSubdistrictLiesNearWaihai() {
		Point centre = MAP.outline().getCentroid();
		assertThat(centre.getX()).isBetween(113.10, 113.16);
		assertThat(centre.getY()).isBetween(22.52, 22.58);
		assertThat(GeoShapes.areaSquareMetres(MAP.outline()) / 1e6).isBetween(30.0, 90.0);
	}

	@Test
	void eachCommunitysGridsAreContiguous() {
		Map<RegionCode, List<Geometry>> byParent = MAP.grids()
			.stream()
			.collect(Collectors.groupingBy(WaihaiGridGenerator.GeneratedGrid::parent,
					Collectors.mapping(WaihaiGridGenerator.GeneratedGrid::boundary, Collectors.toList())));
		byParent.forEach((parent, grids) -> assertThat(UnaryUnionOp.union(grids).buffer(1e-6).getNumGeometries())
			.as(parent.value())
			.isEqualTo(1));
	}

	@Test
	void twentyOneVillageGridsAreIndustrialParks() {
		assertThat(MAP.grids().stream().filter(g -> g.type() == GridType.INDUSTRIAL_PARK))
			.hasSize(21)
			.allSatisfy(g -> assertThat(g.parent().value().substring(9)).startsWith("2"));
		assertThat(MAP.grids().stream().filter(g -> g.type() == GridType.PUBLIC_AREA)).isNotEmpty();
	}

	@Test
	void everyPointOfInterestLiesInsideItsGrid() {
		Map<RegionCode, Geometry> grids = MAP.grids()
			.stream()
			.collect(Collectors.toMap(WaihaiGridGenerator.GeneratedGrid::code, WaihaiGridGenerator.GeneratedGrid::boundary));
		assertThat(MAP.pois()).allSatisfy(poi -> assertThat(
				grids.get(poi.grid()).contains(GeoShapes.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(poi.lon(), poi.lat()))))
			.as(poi.name())
			.isTrue());
		Map<String, Long> kinds = MAP.pois().stream().collect(Collectors.groupingBy(WaihaiGridGenerator.GeneratedPoi::kind, Collectors.counting()));
		assertThat(kinds).containsEntry("MARKET", 7L).containsEntry("SCHOOL", 3L).containsEntry("COMMAND_CENTRE", 1L)
			.containsEntry("HOSPITAL", 1L).containsKeys("PARK", "PARKING", "FACTORY");
		assertThat(MAP.pois().stream().map(WaihaiGridGenerator.GeneratedPoi::name))
			.contains("外海中心小学", "中路小学", "麻园中学", "龙溪湖国家湿地公园", "白水带体育公园", "外海街道社会治理综合指挥中心", "江门市中心医院新院区");
	}

	@Test
	void generationIsTheSameOnEveryRun() {
		Function<WaihaiGridGenerator.WaihaiMap, List<String>> wkt = map -> map.grids().stream().map(g -> g.boundary().toText()).toList();
		assertThat(wkt.apply(WaihaiGridGenerator.generate())).isEqualTo(wkt.apply(MAP));
	}
}
