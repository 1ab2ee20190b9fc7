package io.gridgov.registers.internal;

import java.util.regex.Pattern;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.tabular.Normalise;

/** A mainland China mobile number {@code 1[3-9]\d{9}}; spaces, dashes, full-width digits and a +86 prefix are accepted. */
record MobilePhone(String value) {

	static final String RESIDENT_FIELD = "registers_resident.phone_cipher";
	static final String CONTACT_FIELD = "registers_enterprise.contact_phone_cipher";
	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	static MobilePhone parse(String input) {
		String value = strip(input);
		if (value == null || !MOBILE.matcher(value).matches()) {
			throw new DomainException(ErrorKind.INVALID, "registers.phone-invalid");
		}
		return new MobilePhone(value);
	}

	static boolean looksLikeOne(String input) {
		String value = strip(input);
		return value != null && MOBILE.matcher(value).matches();
	}

	private static String strip(String input) {
		String value = Normalise.code(input);
		if (value == null) {
			return null;
		}
		value = value.replace("(", "").replace(")", "");
		if (value.startsWith("+86")) {
			value = value.substring(3);
		}
		else if (value.startsWith("0086")) {
			value = value.substring(4);
		}
		return value;
	}

	@Override
	public String toString() {
		return "MobilePhone[masked]";
	}
}
