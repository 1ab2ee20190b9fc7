package io.gridgov.registers.internal;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/** Text fields: trimmed, within a length; a required one not blank. */
final class Texts {

	private Texts() {
	}

	static String required(String value, int max, String code) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty() || v.length() > max) {
			throw new DomainException(ErrorKind.INVALID, code, max);
		}
		return v;
	}

	static String optional(String value, int max, String code) {
		String v = value == null ? "" : value.strip();
		if (v.length() > max) {
			throw new DomainException(ErrorKind.INVALID, code, max);
		}
		return v.isEmpty() ? null : v;
	}
}
