package io.gridgov.platform.idempotency;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * The syntax of an {@code Idempotency-Key}: 1 to 255 printable ASCII characters. The draft defines
 * the header as a structured-field string ({@code "…"}); a quoted value is unquoted, a bare one
 * (what most clients send) is taken as it is.
 */
final class IdempotencyKeys {

	static final int MAX_LENGTH = 255;

	private IdempotencyKeys() {
	}

	static String parse(String header) {
		String key = header;
		if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
			key = unquote(key.substring(1, key.length() - 1));
		}
		if (key == null || key.isEmpty() || key.length() > MAX_LENGTH || !printableAscii(key)) {
			throw new DomainException(ErrorKind.INVALID, "request.idempotency-key-invalid", MAX_LENGTH);
		}
		return key;
	}

	private static String unquote(String quoted) {
		StringBuilder out = new StringBuilder(quoted.length());
		for (int i = 0; i < quoted.length(); i++) {
			char c = quoted.charAt(i);
			if (c == '\\') {
				if (i + 1 == quoted.length() || (quoted.charAt(i + 1) != '"' && quoted.charAt(i + 1) != '\\')) {
					return null;
				}
				c = quoted.charAt(++i);
			}
			else if (c == '"') {
				return null;
			}
			out.append(c);
		}
		return out.toString();
	}

	private static boolean printableAscii(String key) {
		return key.chars().allMatch(c -> c >= 0x20 && c <= 0x7E) && !key.isBlank();
	}
}
