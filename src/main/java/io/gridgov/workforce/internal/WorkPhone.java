package io.gridgov.workforce.internal;

import java.util.regex.Pattern;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/** A mainland China mobile number, the work phone printed on the notice board. Spaces and dashes are dropped. */
record WorkPhone(String value) {

	static final String FIELD = "workforce_worker.phone_cipher";
	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	WorkPhone {
		if (value == null || !MOBILE.matcher(value).matches()) {
			throw new DomainException(ErrorKind.INVALID, "workforce.phone-invalid");
		}
	}

	static WorkPhone of(String input) {
		return new WorkPhone(input == null ? null : input.replaceAll("[\\s-]", ""));
	}

	static boolean looksLikeOne(String input) {
		return input != null && MOBILE.matcher(input.replaceAll("[\\s-]", "")).matches();
	}

	@Override
	public String toString() {
		return "WorkPhone[masked]";
	}
}
