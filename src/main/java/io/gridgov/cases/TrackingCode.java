package io.gridgov.cases;

import java.security.SecureRandom;
import java.util.Locale;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * The code a resident tracks a case with: 12 characters of Crockford base32 (60 random bits),
 * shown as {@code XXXX-XXXX-XXXX} so that it can be read over the phone. Parsing forgives case,
 * hyphens, spaces and the confusable letters (I and L read as 1, O as 0).
 */
public final class TrackingCode {

	public static final int LENGTH = 12;

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final String value;

	private TrackingCode(String value) {
		this.value = value;
	}

	public static TrackingCode generate() {
		return generate(RANDOM);
	}

	static TrackingCode generate(SecureRandom random) {
		long bits = random.nextLong() >>> 4;
		char[] chars = new char[LENGTH];
		for (int i = LENGTH - 1; i >= 0; i--) {
			chars[i] = ALPHABET.charAt((int) (bits & 31));
			bits >>>= 5;
		}
		return new TrackingCode(new String(chars));
	}

	/** Reads a code as typed or spoken; refuses anything that is not 12 Crockford symbols. */
	public static TrackingCode parse(String input) {
		if (input == null || input.length() > 3 * LENGTH) {
			throw invalid();
		}
		StringBuilder canonical = new StringBuilder(LENGTH);
		for (char c : input.toUpperCase(Locale.ROOT).toCharArray()) {
			if (c == '-' || c == ' ') {
				continue;
			}
			char symbol = switch (c) {
				case 'I', 'L' -> '1';
				case 'O' -> '0';
				default -> c;
			};
			if (ALPHABET.indexOf(symbol) < 0) {
				throw invalid();
			}
			canonical.append(symbol);
		}
		if (canonical.length() != LENGTH) {
			throw invalid();
		}
		return new TrackingCode(canonical.toString());
	}

	private static DomainException invalid() {
		return new DomainException(ErrorKind.INVALID, "cases.tracking-code-invalid");
	}

	/** The 12 symbols without separators, as stored. */
	public String value() {
		return value;
	}

	/** The code in groups of four, as shown and read out. */
	public String display() {
		return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof TrackingCode other && value.equals(other.value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return display();
	}
}
