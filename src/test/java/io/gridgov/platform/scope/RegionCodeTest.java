package io.gridgov.platform.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {

	@ParameterizedTest(name = "{0} is a {1}")
	@CsvSource({ "000000000000, COUNTRY", "440000000000, PROVINCE", "440700000000, CITY", "440704000000, DISTRICT",
			"440704003000, SUBDISTRICT", "440704003001, COMMUNITY", "440704003201, COMMUNITY", "440704003201007, GRID" })
	void levelFollowsTheStatisticalDivisionCode(String code, RegionLevel level) {
		assertThat(RegionCode.of(code).level()).isEqualTo(level);
	}

	@Test
	void regionContainsExactlyTheCodesUnderIt() {
		RegionCode waihai = RegionCode.of("440704003000");
		assertThat(waihai.contains(RegionCode.of("440704003201007"))).isTrue();
		assertThat(waihai.contains(RegionCode.of("440704003001"))).isTrue();
		assertThat(waihai.contains(waihai)).isTrue();
		assertThat(waihai.contains(RegionCode.of("440704004001"))).isFalse();
		assertThat(waihai.contains(RegionCode.of("440704000000"))).as("not its parent").isFalse();
	}

	@Test
	void gridContainsOnlyItself() {
		RegionCode grid = RegionCode.of("440704003201007");
		assertThat(grid.contains(grid)).isTrue();
		assertThat(grid.contains(RegionCode.of("440704003201008"))).isFalse();
		assertThat(grid.likePattern()).isEqualTo("440704003201007%");
	}

	@Test
	void countryContainsEverything() {
		assertThat(RegionCode.of("000000000000").contains(RegionCode.of("650000000000"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "4407", "44070400300", "4407040030001", "44070400300A", "440704003201 07" })
	void malformedCodesAreRefused(String value) {
		assertThatThrownBy(() -> RegionCode.of(value)).isInstanceOf(InvalidRegionCodeException.class);
	}
}
