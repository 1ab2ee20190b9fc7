package io.gridgov.platform.personaldata;

/** Masked forms of personal data (脱敏), shown wherever the full value is not needed. */
public final class Masking {

	private Masking() {
	}

	/** {@code 13812345678} → {@code 138****5678}. */
	public static String phone(String phone) {
		if (phone == null) {
			return null;
		}
		if (phone.length() < 8) {
			return "*".repeat(phone.length());
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

	/** {@code 440704199001011234} → {@code 440704********1234}: the region of issue and the last four. */
	public static String idNumber(String idNumber) {
		if (idNumber == null) {
			return null;
		}
		if (idNumber.length() < 11) {
			return "*".repeat(idNumber.length());
		}
		return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
	}
}
