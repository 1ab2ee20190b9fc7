package io.gridgov.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files on the local disk under a root folder. A key is 32 random hex digits; the file lives in
 * two levels of sub-folders named by its first four digits ({@code ab/cd/abcd…}), so that no
 * folder grows past a few thousand entries. A write goes to a temporary file in the target
 * folder and is then moved into place, so a reader never sees half a file. Keys of any other
 * shape are refused, which keeps every path inside the root.
 */
public class LocalFileStorage implements FileStorage {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
	private static final String TEMP_PREFIX = ".upload-";

	private final Path root;
	private final SecureRandom random = new SecureRandom();

	public LocalFileStorage(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	public Path root() {
		return root;
	}

	@Override
	public String put(InputStream content) {
		String key = newKey();
		Path target = resolve(key);
		Path temp = null;
		try {
			Files.createDirectories(target.getParent());
			temp = Files.createTempFile(target.getParent(), TEMP_PREFIX, ".tmp");
			Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
			moveIntoPlace(temp, target);
			return key;
		}
		catch (IOException e) {
			deleteQuietly(temp);
			throw new UncheckedIOException("Could not store a file under " + root, e);
		}
	}

	@Override
	public Optional<InputStream> open(String key) {
		try {
			return Optional.of(Files.newInputStream(resolve(key)));
		}
		catch (NoSuchFileException e) {
			return Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public Optional<Long> size(String key) {
		try {
			return Optional.of(Files.size(resolve(key)));
		}
		catch (NoSuchFileException e) {
			return Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public boolean exists(String key) {
		return Files.isRegularFile(resolve(key));
	}

	@Override
	public boolean delete(String key) {
		try {
			return Files.deleteIfExists(resolve(key));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The path of a key; refuses anything that is not a key this store could have generated. */
	Path resolve(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new InvalidStorageKeyException(key);
		}
		Path path = root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key).normalize();
		if (!path.startsWith(root)) {
			throw new InvalidStorageKeyException(key);
		}
		return path;
	}

	private String newKey() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static void moveIntoPlace(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteQuietly(Path path) {
		if (path == null) {
			return;
		}
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ignored) {
			// the temporary file stays behind; it never carries a key and is never served
		}
	}
}
