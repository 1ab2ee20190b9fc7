package io.gridgov.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * A password is at least {@code min-length} (default 10) characters long, uses at least three of
 * the four classes upper case, lower case, digit and other, does not contain the user name, and
 * fits in the 72 bytes that bcrypt hashes.
 */
@Component
class PasswordPolicy {

	static final int MAX_BYTES = 72;

	private final int minLength;

	PasswordPolicy(@Value("${gridgov.security.password.min-length:10}") int minLength) {
		this.minLength = Math.max(10, minLength);
	}

	void check(String username, String password) {
		if (password == null || password.codePointCount(0, password.length()) < minLength) {
			throw new DomainException(ErrorKind.INVALID, "identity.password-too-short", minLength);
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new DomainException(ErrorKind.INVALID, "identity.password-too-long", MAX_BYTES);
		}
		if (characterClasses(password) < 3) {
			throw new DomainException(ErrorKind.INVALID, "identity.password-too-simple");
		}
		if (username != null && username.length() >= 3
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			throw new DomainException(ErrorKind.INVALID, "identity.password-contains-username");
		}
	}

	static int characterClasses(String password) {
		boolean upper = false;
		boolean lower = false;
		boolean digit = false;
		boolean other = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				upper = true;
			}
			else if (c >= 'a' && c <= 'z') {
				lower = true;
			}
			else if (c >= '0' && c <= '9') {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}
}
