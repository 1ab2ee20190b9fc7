package io.gridgov.insight.internal;

import java.util.ArrayList;
import java.util.List;

import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.scope.RegionLevel;

/** A region and every region above it, up to the root {@code 000000000000}: the roll-up rows a case counts in. */
final class RegionLadder {

	record Rung(String code, RegionLevel level) {
	}

	private RegionLadder() {
	}

	static List<Rung> of(String code) {
		List<Rung> rungs = new ArrayList<>(7);
		if (!RegionCode.isValid(code)) {
			return rungs;
		}
		RegionLevel level = RegionCode.of(code).level();
		rungs.add(new Rung(code, level));
		String twelve = code.substring(0, 12);
		add(rungs, level, RegionLevel.COMMUNITY, twelve);
		add(rungs, level, RegionLevel.SUBDISTRICT, twelve.substring(0, 9) + "000");
		add(rungs, level, RegionLevel.DISTRICT, twelve.substring(0, 6) + "000000");
		add(rungs, level, RegionLevel.CITY, twelve.substring(0, 4) + "00000000");
		add(rungs, level, RegionLevel.PROVINCE, twelve.substring(0, 2) + "0000000000");
		add(rungs, level, RegionLevel.COUNTRY, "000000000000");
		return rungs;
	}

	private static void add(List<Rung> rungs, RegionLevel from, RegionLevel level, String code) {
		if (level.ordinal() < from.ordinal() && rungs.stream().noneMatch(r -> r.code().equals(code))) {
			rungs.add(new Rung(code, level));
		}
	}
}
