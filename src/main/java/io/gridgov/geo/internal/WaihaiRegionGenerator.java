package io.gridgov.geo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.gridgov.geo.Region;
import io.gridgov.geo.RegionKind;
import io.gridgov.geo.WaihaiDemo;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.scope.RegionLevel;

/**
 * Generates the Waihai demo territory from a fixed seed: 江海区 → 外海街道 → its communities and
 * villages (the names of the article, completed to a plausible set) → 77 grids. The same list on
 * every machine; nothing is typed in but the names.
 */
final class WaihaiRegionGenerator {

	static final long SEED = 20221027L;

	private static final List<String> COMMUNITIES = List.of("城隍社区", "外海社区", "龙溪社区", "中东社区", "金瓯社区");

	private static final List<String> VILLAGES = List.of("直冲村", "东冲村", "七西村", "七东村", "东升村", "东南村", "前进村",
			"金溪村", "麻一村", "麻二村", "麻三村", "麻四村", "南华村", "六格村");

	private WaihaiRegionGenerator() {
	}

	static List<Region> generate() {
		List<Region> regions = new ArrayList<>();
		regions.add(new Region(WaihaiDemo.JIANGHAI, "江海区", RegionLevel.DISTRICT, null, null));
		regions.add(new Region(WaihaiDemo.WAIHAI, "外海街道", RegionLevel.SUBDISTRICT, null, WaihaiDemo.JIANGHAI));

		List<Region> units = new ArrayList<>();
		for (int i = 0; i < COMMUNITIES.size(); i++) {
			units.add(new Region(RegionCode.of(String.format("440704003%03d", i + 1)), COMMUNITIES.get(i),
					RegionLevel.COMMUNITY, RegionKind.COMMUNITY, WaihaiDemo.WAIHAI));
		}
		for (int i = 0; i < VILLAGES.size(); i++) {
			units.add(new Region(RegionCode.of(String.format("440704003%03d", 201 + i)), VILLAGES.get(i),
					RegionLevel.COMMUNITY, RegionKind.VILLAGE, WaihaiDemo.WAIHAI));
		}
		regions.addAll(units);

		int[] gridsPerUnit = distribute(WaihaiDemo.GRID_COUNT, units.size(), new Random(SEED));
		for (int u = 0; u < units.size(); u++) {
			Region unit = units.get(u);
			for (int n = 1; n <= gridsPerUnit[u]; n++) {
				regions.add(new Region(WaihaiDemo.grid(unit.code(), n), unit.name() + "第" + n + "网格", RegionLevel.GRID,
						null, unit.code()));
			}
		}
		return List.copyOf(regions);
	}

	/** Every unit gets at least two grids; the rest are spread at random, more to the larger units. */
	private static int[] distribute(int total, int units, Random random) {
		int[] counts = new int[units];
		int left = total;
		for (int i = 0; i < units; i++) {
			counts[i] = 2;
			left -= 2;
		}
		while (left > 0) {
			int i = random.nextInt(units);
			if (counts[i] < 8) {
				counts[i]++;
				left--;
			}
		}
		return counts;
	}
}
