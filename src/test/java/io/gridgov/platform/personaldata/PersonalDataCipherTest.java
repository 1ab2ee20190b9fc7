package io.gridgov.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

	private static final String FIELD = "workforce_worker.phone_cipher";
	private static final String K1 = key('1');
	private static final String K2 = key('2');
	private static final String HMAC = key('h');

	private static String key(char fill) {
		return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
	}

	private static PersonalDataCipher cipher(String active, String... ids) {
		Map<String, String> keys = new LinkedHashMap<>();
		for (String id : ids) {
			keys.put(id, id.equals("k1") ? K1 : K2);
		}
		return new PersonalDataCipher(keys, active, HMAC);
	}

	@Test
	void encryptedValueDecryptsToTheOriginalAndDoesNotContainIt() {
		PersonalDataCipher cipher = cipher("k1", "k1");
		String stored = cipher.encrypt("13812345678", FIELD);
		assertThat(stored).startsWith("k1:").doesNotContain("13812345678").doesNotContain("5678");
		assertThat(cipher.decrypt(stored, FIELD)).isEqualTo("13812345678");
	}

	@Test
	void sameValueEncryptsDifferentlyEachTimeBecauseOfTheRandomNonce() {
		PersonalDataCipher cipher = cipher("k1", "k1");
		assertThat(cipher.encrypt("13812345678", FIELD)).isNotEqualTo(cipher.encrypt("13812345678", FIELD));
	}

	@Test
	void changedCiphertextIsDetectedNotDecryptedToGarbage() {
		PersonalDataCipher cipher = cipher("k1", "k1");
		String stored = cipher.encrypt("13812345678", FIELD);
		byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
		bytes[bytes.length - 20] ^= 1;
		String tampered = "k1:" + Base64.getEncoder().encodeToString(bytes);
		assertThatThrownBy(() -> cipher.decrypt(tampered, FIELD)).isInstanceOf(PersonalDataIntegrityException.class)
			.hasMessageNotContaining("13812345678");
		assertThatThrownBy(() -> cipher.decrypt("k1:AAAA", FIELD)).isInstanceOf(PersonalDataIntegrityException.class);
	}

	@Test
	void ciphertextMovedToAnotherFieldDoesNotDecrypt() {
		PersonalDataCipher cipher = cipher("k1", "k1");
		String stored = cipher.encrypt("13812345678", FIELD);
		assertThatThrownBy(() -> cipher.decrypt(stored, "registers.resident.phone"))
			.isInstanceOf(PersonalDataIntegrityException.class);
	}

	@Test
	void oldCiphertextStillDecryptsAfterTheActiveKeyChanges() {
		String sealedWithK1 = cipher("k1", "k1").encrypt("13812345678", FIELD);
		PersonalDataCipher rotated = cipher("k2", "k1", "k2");
		assertThat(rotated.decrypt(sealedWithK1, FIELD)).isEqualTo("13812345678");
		assertThat(rotated.encrypt("13812345678", FIELD)).startsWith("k2:");
	}

	@Test
	void valueSealedWithARemovedKeyFailsWithTheKeyIdNamed() {
		String sealedWithK1 = cipher("k1", "k1").encrypt("13812345678", FIELD);
		assertThatThrownBy(() -> cipher("k2", "k2").decrypt(sealedWithK1, FIELD))
			.isInstanceOf(PersonalDataIntegrityException.class)
			.hasMessageContaining("'k1'");
	}

	@Test
	void keyedHashIsEqualForEqualValuesAndDiffersOtherwise() {
		PersonalDataCipher cipher = cipher("k1", "k1");
		assertThat(cipher.hash("13812345678")).isEqualTo(cipher("k2", "k1", "k2").hash("13812345678")).hasSize(64);
		assertThat(cipher.hash("13812345678")).isNotEqualTo(cipher.hash("13812345679"));
		assertThat(cipher.protect("13812345678", FIELD).hash()).isEqualTo(cipher.hash("13812345678"));
	}

	@Test
	void keysOfTheWrongLengthOrAMissingActiveKeyAreRefused() {
		assertThatThrownBy(() -> new PersonalDataCipher(Map.of("k1", "c2hvcnQ="), "k1", HMAC))
			.hasMessageContaining("gridgov.personal-data.keys.k1");
		assertThatThrownBy(() -> new PersonalDataCipher(Map.of("k1", K1), "k9", HMAC)).hasMessageContaining("'k9'");
	}

	@Test
	void phoneAndIdNumbersAreMaskedKeepingOnlyTheirEnds() {
		assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
		assertThat(Masking.idNumber("440704199001011234")).isEqualTo("440704********1234");
		assertThat(Masking.phone("12345")).isEqualTo("*****");
		assertThat(Masking.phone(null)).isNull();
	}
}
