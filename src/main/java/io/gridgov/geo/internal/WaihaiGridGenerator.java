package io.gridgov.geo.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import io.gridgov.geo.GridType;
import io.gridgov.geo.Region;
import io.gridgov.geo.RegionKind;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.scope.RegionLevel;

/**
 * The grid map of the Waihai demo, generated from a fixed seed: an outline of the subdistrict
 * near 22.55 N, 113.13 E, cut into one Voronoi cell per community or village, each cut again into
 * its grids, so the 77 grids tile the outline without gaps or overlaps and each community's
 * grids lie together. 21 village grids are industrial parks (the article's "1+21+N"); points of
 * interest are placed inside grids.
 */
final class WaihaiGridGenerator {

	static final long SEED = 20221027L;
	static final double CENTER_LON = 113.13;
	static final double CENTER_LAT = 22.55;
	static final int INDUSTRIAL_PARKS = 21;

	private static final List<String> FACTORY_TRADES = List.of("五金制品", "不锈钢厨具", "电子科技", "食品", "包装材料",
			"摩托车配件", "纺织服装", "精密机械", "塑胶制品", "照明电器");

	private static final List<String> MARKETS = List.of("外海市场", "龙溪市场", "中东市场", "直冲市场", "麻园市场", "金瓯市场",
			"七西市场");

	record GeneratedGrid(RegionCode code, String name, GridType type, RegionCode parent, Geometry boundary) {
	}

	record GeneratedPoi(String kind, String name, double lon, double lat, RegionCode grid) {
	}

	record WaihaiMap(Polygon outline, List<GeneratedGrid> grids, List<GeneratedPoi> pois) {
	}

	private WaihaiGridGenerator() {
	}

	static WaihaiMap generate() {
		return generate(WaihaiRegionGenerator.generate());
	}

	static WaihaiMap generate(List<Region> regions) {
		Random random = new Random(SEED);
		Polygon outline = outline(random);
		List<Region> units = regions.stream().filter(r -> r.level() == RegionLevel.COMMUNITY).toList();
		Map<RegionCode, List<Region>> gridsByUnit = new LinkedHashMap<>();
		for (Region unit : units) {
			gridsByUnit.put(unit.code(),
					regions.stream().filter(r -> r.level() == RegionLevel.GRID && unit.code().equals(r.parentCode())).toList());
		}

		double spacing = Math.sqrt(outline.getArea() / units.size()) * 0.6;
		List<Coordinate> unitSeeds = VoronoiTiling.relax(outline,
				VoronoiTiling.seeds(outline, units.size(), spacing, random), 3);
		List<Geometry> unitCells = VoronoiTiling.cells(outline, unitSeeds);

		Map<RegionCode, GridType> types = types(units, gridsByUnit, random);
		List<GeneratedGrid> grids = new ArrayList<>();
		for (int u = 0; u < units.size(); u++) {
			Region unit = units.get(u);
			Geometry cell = unitCells.get(u);
			List<Region> unitGrids = gridsByUnit.get(unit.code());
			double gridSpacing = Math.sqrt(cell.getArea() / unitGrids.size()) * 0.5;
			List<Coordinate> gridSeeds = VoronoiTiling.relax(cell,
					VoronoiTiling.seeds(cell, unitGrids.size(), gridSpacing, random), 2);
			List<Geometry> gridCells = VoronoiTiling.cells(cell, gridSeeds);
			for (int g = 0; g < unitGrids.size(); g++) {
				Region grid = unitGrids.get(g);
				grids.add(new GeneratedGrid(grid.code(), grid.name(), types.get(grid.code()), unit.code(),
						gridCells.get(g)));
			}
		}
		return new WaihaiMap(outline, List.copyOf(grids), pois(units, grids, random));
	}

	/** A smooth irregular outline of about 9 km × 8 km. */
	private static Polygon outline(Random random) {
		int vertices = 48;
		double[] phases = { random.nextDouble() * 2 * Math.PI, random.nextDouble() * 2 * Math.PI,
				random.nextDouble() * 2 * Math.PI };
		double radiusLat = 0.036;
		double radiusLon = radiusLat / Math.cos(Math.toRadians(CENTER_LAT)) * 1.15;
		Coordinate[] ring = new Coordinate[vertices + 1];
		for (int i = 0; i < vertices; i++) {
			double angle = 2 * Math.PI * i / vertices;
			double r = 1 + 0.10 * Math.sin(2 * angle + phases[0]) + 0.06 * Math.sin(3 * angle + phases[1])
					+ 0.03 * Math.sin(5 * angle + phases[2]);
			ring[i] = new Coordinate(round(CENTER_LON + radiusLon * r * Math.cos(angle)),
					round(CENTER_LAT + radiusLat * r * Math.sin(angle)));
		}
		ring[vertices] = ring[0];
		return GeoShapes.FACTORY.createPolygon(ring);
	}

	private static double round(double degrees) {
		return GeoShapes.CENTIMETRE.makePrecise(degrees);
	}

	private static Map<RegionCode, GridType> types(List<Region> units, Map<RegionCode, List<Region>> gridsByUnit,
			Random random) {
		Map<RegionCode, GridType> types = new LinkedHashMap<>();
		List<RegionCode> villageGrids = new ArrayList<>();
		List<RegionCode> communityGrids = new ArrayList<>();
		for (Region unit : units) {
			for (Region grid : gridsByUnit.get(unit.code())) {
				(unit.kind() == RegionKind.VILLAGE ? villageGrids : communityGrids).add(grid.code());
			}
		}
		List<RegionCode> shuffledVillages = new ArrayList<>(villageGrids);
		Collections.shuffle(shuffledVillages, random);
		int parks = Math.min(INDUSTRIAL_PARKS, shuffledVillages.size());
		for (int i = 0; i < shuffledVillages.size(); i++) {
			types.put(shuffledVillages.get(i), i < parks ? GridType.INDUSTRIAL_PARK
					: random.nextInt(3) == 0 ? GridType.RESIDENTIAL : GridType.MIXED);
		}
		List<RegionCode> shuffledCommunities = new ArrayList<>(communityGrids);
		Collections.shuffle(shuffledCommunities, random);
		for (int i = 0; i < shuffledCommunities.size(); i++) {
			types.put(shuffledCommunities.get(i), i < 3 ? GridType.PUBLIC_AREA
					: i % 4 == 0 ? GridType.MIXED : GridType.RESIDENTIAL);
		}
		return types;
	}

	private static List<GeneratedPoi> pois(List<Region> units, List<GeneratedGrid> grids, Random random) {
		List<GeneratedPoi> pois = new ArrayList<>();
		List<GeneratedGrid> publicAreas = ofType(grids, GridType.PUBLIC_AREA);
		List<GeneratedGrid> living = grids.stream()
			.filter(g -> g.type() == GridType.RESIDENTIAL || g.type() == GridType.MIXED)
			.toList();
		List<GeneratedGrid> parks = ofType(grids, GridType.INDUSTRIAL_PARK);

		pois.add(place("COMMAND_CENTRE", "外海街道社会治理综合指挥中心", pick(living, random), random));
		pois.add(place("HOSPITAL", "江门市中心医院新院区", pick(living, random), random));
		for (String school : List.of("外海中心小学", "中路小学", "麻园中学")) {
			pois.add(place("SCHOOL", school, pick(living, random), random));
		}
		pois.add(place("PARK", "龙溪湖国家湿地公园", publicAreas.get(0), random));
		pois.add(place("PARK", "白水带体育公园", publicAreas.get(1 % publicAreas.size()), random));
		for (Region unit : units) {
			if (unit.kind() == RegionKind.VILLAGE) {
				List<GeneratedGrid> own = grids.stream().filter(g -> g.parent().equals(unit.code())).toList();
				pois.add(place("PARK", unit.name() + "文化公园", pick(own, random), random));
			}
		}
		for (String market : MARKETS) {
			pois.add(place("MARKET", market, pick(living, random), random));
		}
		for (GeneratedGrid grid : publicAreas) {
			pois.add(place("PARKING", grid.name() + "停车场", grid, random));
		}
		for (int i = 0; i < 9; i++) {
			GeneratedGrid grid = pick(living, random);
			pois.add(place("PARKING", grid.name() + "停车场" + (i + 1), grid, random));
		}
		int factory = 0;
		for (GeneratedGrid grid : parks) {
			int count = 2 + random.nextInt(3);
			for (int i = 0; i < count; i++) {
				String trade = FACTORY_TRADES.get(random.nextInt(FACTORY_TRADES.size()));
				pois.add(place("FACTORY", "江门市外海" + trade + "厂（" + (++factory) + "号）", grid, random));
			}
		}
		return List.copyOf(pois);
	}

	private static List<GeneratedGrid> ofType(List<GeneratedGrid> grids, GridType type) {
		return grids.stream().filter(g -> g.type() == type).toList();
	}

	private static GeneratedGrid pick(List<GeneratedGrid> grids, Random random) {
		return grids.get(random.nextInt(grids.size()));
	}

	/** A random point well inside the grid: at least about 20 m from its boundary where it can be. */
	private static GeneratedPoi place(String kind, String name, GeneratedGrid grid, Random random) {
		Geometry inner = grid.boundary().buffer(-0.0002);
		Geometry target = inner.isEmpty() ? grid.boundary() : inner;
		Envelope env = target.getEnvelopeInternal();
		for (int attempt = 0; attempt < 200; attempt++) {
			Coordinate c = new Coordinate(round(env.getMinX() + random.nextDouble() * env.getWidth()),
					round(env.getMinY() + random.nextDouble() * env.getHeight()));
			Point point = GeoShapes.FACTORY.createPoint(c);
			if (target.contains(point) && grid.boundary().contains(point)) {
				return new GeneratedPoi(kind, name, c.x, c.y, grid.code());
			}
		}
		Coordinate inside = grid.boundary().getInteriorPoint().getCoordinate();
		return new GeneratedPoi(kind, name, inside.x, inside.y, grid.code());
	}
}
