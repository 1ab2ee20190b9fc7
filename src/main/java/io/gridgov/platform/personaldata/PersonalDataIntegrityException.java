package io.gridgov.platform.personaldata;

/** A stored personal data value cannot be decrypted: changed, truncated, or sealed with a key no longer configured. */
public class PersonalDataIntegrityException extends RuntimeException {

	PersonalDataIntegrityException(String reason) {
		super("Personal data cannot be decrypted: " + reason);
	}
}
