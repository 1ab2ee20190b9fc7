package io.gridgov.platform.files;

/** A storage key that the store did not generate (e.g. one with path separators or "..") was refused. */
public class InvalidStorageKeyException extends IllegalArgumentException {

	InvalidStorageKeyException(String key) {
		super("Not a storage key: " + (key == null ? "null" : key.length() > 80 ? key.substring(0, 80) + "…" : key));
	}
}
