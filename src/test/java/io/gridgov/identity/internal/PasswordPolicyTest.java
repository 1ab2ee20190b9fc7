package io.gridgov.identity.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.gridgov.platform.problem.DomainException;

class PasswordPolicyTest {

	private final PasswordPolicy policy = new PasswordPolicy(10);

	@ParameterizedTest
	@ValueSource(strings = { "Waihai@2026", "abcdefgh12!", "ABCDEFGH12x", "网格治理Abc12345" })
	void tenCharactersOfThreeClassesAreAccepted(String password) {
		assertThatCode(() -> policy.check("someone", password)).doesNotThrowAnyException();
	}

	@ParameterizedTest(name = "{0} fails with {1}")
	@CsvSource({ "Ab1!defgh, identity.password-too-short", "abcdefghijk, identity.password-too-simple",
			"abcdefgh1234, identity.password-too-simple", "ABCDEFGH!!!!, identity.password-too-simple",
			"Someone-2026!, identity.password-contains-username" })
	void weakPasswordsAreRefusedWithTheRuleThatFailed(String password, String code) {
		assertThatThrownBy(() -> policy.check("someone", password)).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).code())
			.isEqualTo(code);
	}

	@Test
	void passwordsBeyondBcryptsSeventyTwoBytesAreRefused() {
		assertThatThrownBy(() -> policy.check("someone", "Aa1!" + "网".repeat(23))).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).code())
			.isEqualTo("identity.password-too-long");
	}

	@Test
	void minimumLengthCannotBeConfiguredBelowTen() {
		assertThatThrownBy(() -> new PasswordPolicy(6).check("someone", "Ab1!efgh")).isInstanceOf(DomainException.class);
	}

	@Test
	void generatedFirstAdministratorPasswordsMeetThePolicy() {
		for (int i = 0; i < 200; i++) {
			String generated = FirstAdminBootstrap.generate();
			assertThatCode(() -> policy.check("admin", generated)).doesNotThrowAnyException();
		}
	}
}
