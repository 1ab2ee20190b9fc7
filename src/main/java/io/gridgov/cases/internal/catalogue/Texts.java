package io.gridgov.cases.internal.catalogue;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/** Checks of free text in the catalogue: trimmed, not blank, not longer than a limit. */
final class Texts {

	private Texts() {
	}

	static String required(String text, int max) {
		String trimmed = text == null ? "" : text.strip();
		if (trimmed.isEmpty() || trimmed.length() > max) {
			throw new DomainException(ErrorKind.INVALID, "cases.text-invalid", max);
		}
		return trimmed;
	}
}
