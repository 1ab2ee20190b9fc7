package io.gridgov.insight.internal;

import java.time.LocalDate;

/** The key of a daily fact row. Codes that are not known yet are empty strings, never null. */
record FactKey(LocalDate day, String gridCode, String communityCode, String categoryCode, String departmentCode,
		String source) implements Comparable<FactKey> {

	@Override
	public int compareTo(FactKey o) {
		int c = day.compareTo(o.day);
		if (c == 0) {
			c = gridCode.compareTo(o.gridCode);
		}
		if (c == 0) {
			c = categoryCode.compareTo(o.categoryCode);
		}
		if (c == 0) {
			c = departmentCode.compareTo(o.departmentCode);
		}
		if (c == 0) {
			c = source.compareTo(o.source);
		}
		return c;
	}
}
