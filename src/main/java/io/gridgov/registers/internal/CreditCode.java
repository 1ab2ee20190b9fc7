package io.gridgov.registers.internal;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.tabular.Normalise;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of the alphabet
 * {@code 0-9A-HJ-NPQRTUWXY} (no I, O, S, V, Z); the last is a check character: 31 minus the
 * weighted sum of the first 17 modulo 31, where 31 becomes 0. Enterprise identifiers are public,
 * so the code is stored in plain text.
 */
record CreditCode(String value) {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	static CreditCode parse(String input) {
		String value = Normalise.code(input);
		if (value == null || value.length() != 18) {
			throw new DomainException(ErrorKind.INVALID, "registers.credit-code-format");
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(value.charAt(i)) < 0) {
				throw new DomainException(ErrorKind.INVALID, "registers.credit-code-format");
			}
		}
		if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
			throw new DomainException(ErrorKind.INVALID, "registers.credit-code-checksum");
		}
		return new CreditCode(value);
	}

	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return ALPHABET.charAt(check == 31 ? 0 : check);
	}
}
