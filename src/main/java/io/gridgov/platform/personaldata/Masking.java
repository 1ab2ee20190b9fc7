package io.gridgov.platform.personaldata;

/** Masked forms of personal data (脱敏), shown wherever the full value is not needed. */
public final class Masking {

	private Masking() {
	}

	/** {@code 13812345678} → {@code 138****5678}. */
	public static String phone(String phone) {
		return keepEnds(phone, 3, 4);
	}

	/** {@code 440704199001011234} → {@code 440704********1234}: the region of issue and the last four. */
	public static String idNumber(String idNumber) {
		return keepEnds(idNumber, 6, 4);
	}

	/** Keeps the first and last characters, stars the rest; a value too short to hide anything is all stars. */
	private static String keepEnds(String value, int head, int tail) {
		if (value == null) {
			return null;
		}
		if (value.length() <= head + tail) {
			return "*".repeat(value.length());
		}
		return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
	}
}
