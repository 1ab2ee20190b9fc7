package io.gridgov.platform.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data at rest with AES-256-GCM: a random 96-bit nonce per value, the record's
 * field as associated data (a ciphertext moved to another field does not decrypt), and the id of
 * the key stored in front of the ciphertext ({@code k2:base64(nonce‖ciphertext‖tag)}), so that
 * after a key rotation old values still decrypt with the key that sealed them. Beside it an
 * HMAC-SHA256 keyed hash allows exact search. Never logs a value.
 */
public final class PersonalDataCipher {

	private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;
	private static final String HMAC = "HmacSHA256";

	private final SecureRandom random = new SecureRandom();
	private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
	private final String activeKeyId;
	private final SecretKeySpec hmacKey;
	/** Looking up a JCE provider costs more than sealing a phone number: each thread keeps its instances. */
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PersonalDataCipher::newCipher);
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	/**
	 * @param keys base64 of 32 random bytes per key id
	 * @param activeKeyId the key that seals new values
	 * @param hmacKey base64 of at least 32 random bytes
	 */
	public PersonalDataCipher(Map<String, String> keys, String activeKeyId, String hmacKey) {
		keys.forEach((id, base64) -> {
			if (base64 == null || base64.isBlank()) {
				return;
			}
			if (!KEY_ID.matcher(id).matches()) {
				throw new IllegalArgumentException("Personal-data key id '" + id + "' must be 1 to 16 letters, digits, _ or -");
			}
			this.keys.put(id, new SecretKeySpec(decodeKey("gridgov.personal-data.keys." + id, base64, 32, 32), "AES"));
		});
		if (!this.keys.containsKey(activeKeyId)) {
			throw new IllegalArgumentException("The active personal-data key '" + activeKeyId + "' is not configured");
		}
		this.activeKeyId = activeKeyId;
		this.hmacKey = new SecretKeySpec(decodeKey("gridgov.personal-data.hmac-key", hmacKey, 32, 64), HMAC);
	}

	public String activeKeyId() {
		return activeKeyId;
	}

	/** Encrypts and hashes a value for the given field (e.g. {@code workforce_worker.phone_cipher}). */
	public ProtectedValue protect(String plain, String field) {
		return new ProtectedValue(encrypt(plain, field), hash(plain));
	}

	public String encrypt(String plain, String field) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] stored = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
			return activeKeyId + ":" + Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM encryption is not available", e);
		}
	}

	/** Decrypts a stored value; a changed, truncated or misplaced ciphertext fails, never returns garbage. */
	public String decrypt(String stored, String field) {
		int colon = stored.indexOf(':');
		if (colon < 1) {
			throw new PersonalDataIntegrityException("the stored value has no key id");
		}
		String keyId = stored.substring(0, colon);
		SecretKeySpec key = keys.get(keyId);
		if (key == null) {
			throw new PersonalDataIntegrityException("the key '" + keyId + "' that sealed the value is not configured");
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
			if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
				throw new PersonalDataIntegrityException("the stored value is truncated");
			}
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException | GeneralSecurityException e) {
			throw new PersonalDataIntegrityException("the stored value failed its integrity check");
		}
	}

	/** The keyed hash (hex) of a value, equal for equal values, for exact search. */
	public String hash(String plain) {
		return HexFormat.of().formatHex(macs.get().doFinal(plain.getBytes(StandardCharsets.UTF_8)));
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available", e);
		}
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(hmacKey);
			return mac;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is not available", e);
		}
	}

	private static byte[] decodeKey(String name, String base64, int minBytes, int maxBytes) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(name + " is not valid base64");
		}
		if (bytes.length < minBytes || bytes.length > maxBytes) {
			throw new IllegalArgumentException(name + " must be " + (minBytes == maxBytes ? minBytes : "at least " + minBytes)
					+ " random bytes in base64 (e.g. `openssl rand -base64 32`)");
		}
		return bytes;
	}
}
