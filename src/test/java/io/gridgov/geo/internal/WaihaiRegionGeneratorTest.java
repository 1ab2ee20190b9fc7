package io.gridgov.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.gridgov.geo.Region;
import io.gridgov.platform.scope.RegionLevel;

class WaihaiRegionGeneratorTest {

	private final List<Region> regions = WaihaiRegionGenerator.generate();

	@Test
	void waihaiHasSeventySevenGrids() {
		assertThat(regions.stream().filter(r -> r.level() == RegionLevel.GRID)).hasSize(77);
	}

	@Test
	void generationIsTheSameOnEveryRun() {
		assertThat(WaihaiRegionGenerator.generate()).isEqualTo(regions);
	}

	@Test
	void theArticlesVillagesAndCommunitiesAreThere() {
		Set<String> names = regions.stream().map(Region::name).collect(Collectors.toSet());
		assertThat(names).contains("江海区", "外海街道", "直冲村", "东冲村", "七西村", "东升村", "东南村", "前进村", "金溪村", "麻一村",
				"城隍社区");
	}

	@Test
	void everyNodeHangsUnderItsParentByCode() {
		Map<String, Region> byCode = regions.stream().collect(Collectors.toMap(r -> r.code().value(), Function.identity()));
		assertThat(byCode).hasSize(regions.size());
		for (Region region : regions) {
			if (region.parentCode() == null) {
				assertThat(region.level()).isEqualTo(RegionLevel.DISTRICT);
				continue;
			}
			Region parent = byCode.get(region.parentCode().value());
			assertThat(parent).as("parent of %s", region.name()).isNotNull();
			assertThat(parent.code().contains(region.code())).isTrue();
			assertThat(region.level().ordinal()).isEqualTo(parent.level().ordinal() + 1);
		}
	}

	@Test
	void everyCommunityAndVillageHasGrids() {
		Map<String, Long> gridsPerUnit = regions.stream()
			.filter(r -> r.level() == RegionLevel.GRID)
			.collect(Collectors.groupingBy(r -> r.parentCode().value(), Collectors.counting()));
		long units = regions.stream().filter(r -> r.level() == RegionLevel.COMMUNITY).count();
		assertThat(gridsPerUnit).hasSize((int) units);
		assertThat(gridsPerUnit.values()).allMatch(count -> count >= 2);
	}
}
