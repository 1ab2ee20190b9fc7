package io.gridgov.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.gridgov.platform.problem.DomainException;

class IdempotencyKeysTest {

	@Test
	void aBareKeyOfPrintableAsciiIsTakenAsItIs() {
		assertThat(IdempotencyKeys.parse("8e03978e-40d5-43e8-bc93-6894a57f9324"))
			.isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
		assertThat(IdempotencyKeys.parse("a")).isEqualTo("a");
		assertThat(IdempotencyKeys.parse("x".repeat(255))).hasSize(255);
	}

	@Test
	void aStructuredFieldStringIsUnquoted() {
		assertThat(IdempotencyKeys.parse("\"8e03978e\"")).isEqualTo("8e03978e");
		assertThat(IdempotencyKeys.parse("\"a\\\"b\\\\c\"")).isEqualTo("a\"b\\c");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\"\"", "路灯", "tab\there", "new\nline", "\"bad\\escape\"", "\"a\"b\"" })
	void anythingElseIsRefusedAsInvalid(String header) {
		assertThatThrownBy(() -> IdempotencyKeys.parse(header)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.code()).isEqualTo("request.idempotency-key-invalid"));
	}

	@Test
	void aKeyLongerThan255CharactersIsRefused() {
		assertThatThrownBy(() -> IdempotencyKeys.parse("x".repeat(256))).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.code()).isEqualTo("request.idempotency-key-invalid"));
	}
}
