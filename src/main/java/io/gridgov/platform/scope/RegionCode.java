package io.gridgov.platform.scope;

import java.util.regex.Pattern;

/**
 * A region code in the style of the statistical division codes (统计用区划代码): 12 digits
 * {@code PPCCDDTTTVVV} for province, city, district, township (subdistrict or town) and
 * community or village, plus a 3-digit grid sequence for grids (15 digits).
 * <p>
 * The code is hierarchical: a region contains another when the other's code starts with this
 * code's significant prefix. Scoping a query is therefore a prefix match on a stored code.
 */
public record RegionCode(String value) implements Comparable<RegionCode> {

	private static final Pattern FORMAT = Pattern.compile("\\d{12}|\\d{15}");

	public RegionCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new InvalidRegionCodeException(value);
		}
	}

	public static RegionCode of(String value) {
		return new RegionCode(value);
	}

	public static boolean isValid(String value) {
		return value != null && FORMAT.matcher(value).matches();
	}

	public RegionLevel level() {
		if (value.length() == 15) {
			return RegionLevel.GRID;
		}
		if (!value.endsWith("000")) {
			return RegionLevel.COMMUNITY;
		}
		if (!value.startsWith("000", 6)) {
			return RegionLevel.SUBDISTRICT;
		}
		if (!value.startsWith("00", 4)) {
			return RegionLevel.DISTRICT;
		}
		if (!value.startsWith("00", 2)) {
			return RegionLevel.CITY;
		}
		return value.startsWith("00") ? RegionLevel.COUNTRY : RegionLevel.PROVINCE;
	}

	/** The part of the code that every region inside this one shares. */
	public String prefix() {
		return switch (level()) {
			case COUNTRY -> "";
			case PROVINCE -> value.substring(0, 2);
			case CITY -> value.substring(0, 4);
			case DISTRICT -> value.substring(0, 6);
			case SUBDISTRICT -> value.substring(0, 9);
			case COMMUNITY -> value.substring(0, 12);
			case GRID -> value;
		};
	}

	/** True when {@code other} is this region or lies inside it. */
	public boolean contains(RegionCode other) {
		return other.value.startsWith(prefix());
	}

	/** A SQL {@code LIKE} pattern matching the codes of this region and everything inside it. */
	public String likePattern() {
		return prefix() + "%";
	}

	@Override
	public int compareTo(RegionCode o) {
		return value.compareTo(o.value);
	}

	@Override
	public String toString() {
		return value;
	}
}
