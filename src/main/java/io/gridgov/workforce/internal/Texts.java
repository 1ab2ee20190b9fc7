package io.gridgov.workforce.internal;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

final class Texts {

	private Texts() {
	}

	/** The text stripped; blank, too long or with control characters is refused. */
	static String required(String text, int max) {
		String stripped = text == null ? "" : text.strip();
		if (stripped.isEmpty() || stripped.length() > max || stripped.chars().anyMatch(Character::isISOControl)) {
			throw new DomainException(ErrorKind.INVALID, "workforce.text-invalid", max);
		}
		return stripped;
	}
}
