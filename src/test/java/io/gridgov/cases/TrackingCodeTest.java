package io.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

class TrackingCodeTest {

	@Test
	void aGeneratedCodeIsTwelveCrockfordSymbols() {
		for (int i = 0; i < 1000; i++) {
			assertThat(TrackingCode.generate().value()).matches("[0-9A-HJKMNP-TV-Z]{12}");
		}
	}

	@Test
	void generatedCodesUseAllSixtyBits() {
		SecureRandom allOnes = new SecureRandom() {
			@Override
			public long nextLong() {
				return -1L;
			}
		};
		SecureRandom allZeros = new SecureRandom() {
			@Override
			public long nextLong() {
				return 0L;
			}
		};
		assertThat(TrackingCode.generate(allOnes).value()).isEqualTo("ZZZZZZZZZZZZ");
		assertThat(TrackingCode.generate(allZeros).value()).isEqualTo("000000000000");
	}

	@Test
	void generatedCodesDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			assertThat(seen.add(TrackingCode.generate().value())).isTrue();
		}
	}

	@Test
	void aCodeIsShownInGroupsOfFourForReadingOverThePhone() {
		TrackingCode code = TrackingCode.parse("7K3M9QXA2HBD");

		assertThat(code.display()).isEqualTo("7K3M-9QXA-2HBD");
		assertThat(code).hasToString("7K3M-9QXA-2HBD");
		assertThat(TrackingCode.parse(code.display())).isEqualTo(code);
	}

	@Test
	void parsingForgivesLowerCaseHyphensAndSpaces() {
		assertThat(TrackingCode.parse("7k3m-9qxa-2hbd").value()).isEqualTo("7K3M9QXA2HBD");
		assertThat(TrackingCode.parse(" 7K3M 9QXA 2HBD ").value()).isEqualTo("7K3M9QXA2HBD");
	}

	@Test
	void parsingReadsTheConfusableLettersAsDigits() {
		assertThat(TrackingCode.parse("IlLO-oiOI-0000").value()).isEqualTo("111001010000");
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "7K3M-9QXA-2HB", "7K3M-9QXA-2HBDE", "7K3M-9QXA-2HBU", "7K3M_9QXA_2HBD",
			"7K3M-9QXA-2HB!", "七K3M-9QXA-2HBD", "7K3M--------------------------9QXA-2HBD" })
	void malformedInputIsRefusedWithACode(String input) {
		assertThatThrownBy(() -> TrackingCode.parse(input)).isInstanceOfSatisfying(DomainException.class, e -> {
			assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
			assertThat(e.code()).isEqualTo("cases.tracking-code-invalid");
		});
	}

	@Test
	void codesAreEqualByValue() {
		assertThat(TrackingCode.parse("7K3M-9QXA-2HBD")).isEqualTo(TrackingCode.parse("7k3m9qxa2hbd"))
			.hasSameHashCodeAs(TrackingCode.parse("7K3M9QXA2HBD"));
	}
}
