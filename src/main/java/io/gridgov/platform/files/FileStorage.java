package io.gridgov.platform.files;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where uploaded files (case photos, their thumbnails) are kept: bytes under a key that the store
 * generates. Keys are opaque strings; a key the store did not make is refused, never resolved.
 * The default keeps files on the local disk ({@link LocalFileStorage}); an installation may
 * provide another bean (object storage) with the same contract.
 */
public interface FileStorage {

	/** Stores the stream's bytes under a new key and returns the key; nothing is visible until complete. */
	String put(InputStream content);

	default String put(byte[] content) {
		return put(new ByteArrayInputStream(content));
	}

	/** The stored bytes, for the caller to read and close; empty when the key holds nothing. */
	Optional<InputStream> open(String key);

	/** The size in bytes of what the key holds, or empty when it holds nothing. */
	Optional<Long> size(String key);

	boolean exists(String key);

	/** Removes the file; true when there was one. */
	boolean delete(String key);
}
