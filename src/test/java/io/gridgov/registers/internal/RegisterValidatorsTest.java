package io.gridgov.registers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.gridgov.platform.problem.DomainException;

class RegisterValidatorsTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	@Test
	void idNumberWorkedExamplesOfGb11643AreValid() {
		IdNumber woman = IdNumber.parse("11010519491231002X", TODAY);
		assertThat(woman.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(woman.gender()).isEqualTo(IdNumber.Gender.FEMALE);
		IdNumber man = IdNumber.parse("440524188001010014", TODAY);
		assertThat(man.birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
		assertThat(man.gender()).isEqualTo(IdNumber.Gender.MALE);
	}

	@Test
	void idNumberCheckCharacterIsIso7064Mod11Dash2() {
		assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
		assertThat(IdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
	}

	@Test
	void idNumberWithAWrongCheckDigitIsRefusedNamingTheChecksumRule() {
		assertRefused(() -> IdNumber.parse("110105194912310021", TODAY), "registers.id-number-checksum");
	}

	@Test
	void idNumberWithAnImpossibleOrFutureBirthDateIsRefusedNamingTheBirthDateRule() {
		String feb30 = "44070419900230123";
		assertRefused(() -> IdNumber.parse(feb30 + IdNumber.checkCharacter(feb30), TODAY), "registers.id-number-birth-date");
		String future = "44070420271201123";
		assertRefused(() -> IdNumber.parse(future + IdNumber.checkCharacter(future), TODAY), "registers.id-number-birth-date");
	}

	@Test
	void idNumberOfTheWrongShapeIsRefusedNamingTheFormatRule() {
		assertRefused(() -> IdNumber.parse("4407041990", TODAY), "registers.id-number-format");
		assertRefused(() -> IdNumber.parse("44070419900101123A", TODAY), "registers.id-number-format");
		assertRefused(() -> IdNumber.parse(null, TODAY), "registers.id-number-format");
	}

	@Test
	void fullWidthDigitsAndALowerCaseXAreNormalised() {
		assertThat(IdNumber.parse("１１０１０５１９４９１２３１００２ｘ", TODAY).value()).isEqualTo("11010519491231002X");
		assertThat(IdNumber.parse(" 110105 19491231 002x ", TODAY).value()).isEqualTo("11010519491231002X");
	}

	@Test
	void idNumberNeverPrintsItself() {
		assertThat(IdNumber.parse("11010519491231002X", TODAY).toString()).doesNotContain("1101");
	}

	@Test
	void creditCodeWorkedExampleOfGb32100IsValid() {
		assertThat(CreditCode.parse("91350100M000100Y43").value()).isEqualTo("91350100M000100Y43");
		assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
		assertThat(CreditCode.parse("91110000600037341L").value()).isEqualTo("91110000600037341L");
	}

	@Test
	void creditCodeCheckOf31BecomesZero() {
		// find a 17-character body whose weighted sum is 0 mod 31: all zeros
		assertThat(CreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
	}

	@Test
	void creditCodeWithAWrongCheckCharacterIsRefusedNamingTheChecksumRule() {
		assertRefused(() -> CreditCode.parse("91350100M000100Y44"), "registers.credit-code-checksum");
	}

	@Test
	void creditCodeWithLettersOutsideTheAlphabetOrTheWrongLengthIsRefusedNamingTheFormatRule() {
		assertRefused(() -> CreditCode.parse("91350100I000100Y43"), "registers.credit-code-format");
		assertRefused(() -> CreditCode.parse("91350100M000100Y4"), "registers.credit-code-format");
	}

	@Test
	void creditCodeInLowerCaseOrFullWidthIsNormalised() {
		assertThat(CreditCode.parse("９１３５０１００ｍ０００１００ｙ４３").value()).isEqualTo("91350100M000100Y43");
	}

	@Test
	void mainlandMobileNumbersAreAcceptedInTheirUsualSpellings() {
		assertThat(MobilePhone.parse("13812345678").value()).isEqualTo("13812345678");
		assertThat(MobilePhone.parse("+86 138-1234-5678").value()).isEqualTo("13812345678");
		assertThat(MobilePhone.parse("１３８１２３４５６７８").value()).isEqualTo("13812345678");
	}

	@Test
	void landlinesAndShortNumbersAreRefusedNamingThePhoneRule() {
		assertRefused(() -> MobilePhone.parse("12812345678"), "registers.phone-invalid");
		assertRefused(() -> MobilePhone.parse("0750-1234567"), "registers.phone-invalid");
		assertRefused(() -> MobilePhone.parse("1381234567"), "registers.phone-invalid");
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
		assertThatThrownBy(call).isInstanceOf(DomainException.class)
			.satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(code));
	}
}
