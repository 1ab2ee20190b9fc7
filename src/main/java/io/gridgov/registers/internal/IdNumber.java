package io.gridgov.registers.internal;

import java.time.DateTimeException;
import java.time.LocalDate;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.tabular.Normalise;

/**
 * A national ID number (居民身份证号码, GB 11643-1999): six digits of the region of issue, the birth
 * date {@code yyyyMMdd}, a three-digit order code (odd for men, even for women) and a check
 * character by ISO 7064 MOD 11-2. Full-width digits and a lower-case x are accepted and normalised.
 * {@link #toString()} is masked, so the value never reaches a log by accident.
 */
record IdNumber(String value) {

	static final String FIELD = "registers_resident.id_cipher";
	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final String CHECK = "10X98765432";
	private static final LocalDate EARLIEST = LocalDate.of(1850, 1, 1);

	enum Gender {
		MALE, FEMALE
	}

	/** Parses and validates; the refusal names the rule: format, birth date or check digit. */
	static IdNumber parse(String input, LocalDate today) {
		String value = Normalise.code(input);
		if (value == null || !value.matches("\\d{17}[\\dX]")) {
			throw new DomainException(ErrorKind.INVALID, "registers.id-number-format");
		}
		LocalDate birth = birthDateOf(value);
		if (birth == null || birth.isAfter(today) || birth.isBefore(EARLIEST)) {
			throw new DomainException(ErrorKind.INVALID, "registers.id-number-birth-date");
		}
		if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
			throw new DomainException(ErrorKind.INVALID, "registers.id-number-checksum");
		}
		return new IdNumber(value);
	}

	static boolean looksLikeOne(String input) {
		String value = Normalise.code(input);
		return value != null && value.matches("\\d{17}[\\dX]");
	}

	/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	LocalDate birthDate() {
		return birthDateOf(value);
	}

	Gender gender() {
		return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
	}

	private static LocalDate birthDateOf(String value) {
		try {
			return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
					Integer.parseInt(value.substring(12, 14)));
		}
		catch (DateTimeException e) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "IdNumber[masked]";
	}
}
