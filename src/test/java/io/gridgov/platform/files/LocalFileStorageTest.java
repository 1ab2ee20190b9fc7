package io.gridgov.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStorageTest {

	@TempDir
	Path root;

	@Test
	void storedBytesAreReadBackUnderTheGeneratedKey() throws IOException {
		LocalFileStorage storage = new LocalFileStorage(root);
		byte[] content = "a photo".getBytes(StandardCharsets.UTF_8);

		String key = storage.put(content);

		assertThat(key).matches("[0-9a-f]{32}");
		assertThat(storage.exists(key)).isTrue();
		assertThat(storage.size(key)).contains((long) content.length);
		try (InputStream in = storage.open(key).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void everyPutGetsItsOwnKey() {
		LocalFileStorage storage = new LocalFileStorage(root);
		assertThat(storage.put(new byte[] { 1 })).isNotEqualTo(storage.put(new byte[] { 1 }));
	}

	@Test
	void filesAreShardedIntoTwoLevelsOfSubFoldersNamedByTheKey() {
		LocalFileStorage storage = new LocalFileStorage(root);
		String key = storage.put(new byte[] { 1, 2, 3 });

		assertThat(root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key)).isRegularFile();
	}

	@Test
	void noTemporaryFileIsLeftAfterAWrite() throws IOException {
		LocalFileStorage storage = new LocalFileStorage(root);
		storage.put(new byte[1000]);

		try (Stream<Path> files = Files.walk(root)) {
			List<Path> regular = files.filter(Files::isRegularFile).toList();
			assertThat(regular).hasSize(1);
			assertThat(regular.get(0).getFileName().toString()).doesNotStartWith(".upload-");
		}
	}

	@Test
	void aFailedWriteLeavesNothingBehind() throws IOException {
		LocalFileStorage storage = new LocalFileStorage(root);
		InputStream failing = new InputStream() {
			private int served;

			@Override
			public int read() throws IOException {
				if (served++ > 10) {
					throw new IOException("connection reset");
				}
				return 7;
			}
		};

		assertThatThrownBy(() -> storage.put(failing)).isInstanceOf(java.io.UncheckedIOException.class);
		try (Stream<Path> files = Files.walk(root)) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void deleteRemovesTheFileAndSaysWhetherThereWasOne() {
		LocalFileStorage storage = new LocalFileStorage(root);
		String key = storage.put(new ByteArrayInputStream(new byte[] { 9 }));

		assertThat(storage.delete(key)).isTrue();
		assertThat(storage.exists(key)).isFalse();
		assertThat(storage.open(key)).isEmpty();
		assertThat(storage.size(key)).isEmpty();
		assertThat(storage.delete(key)).isFalse();
	}

	@Test
	void keysThatCouldLeaveTheRootAreRefused() throws IOException {
		Path secret = Files.writeString(root.resolveSibling(root.getFileName() + "-secret.txt"), "secret");
		try {
			LocalFileStorage storage = new LocalFileStorage(root);
			for (String key : List.of("../" + root.getFileName() + "-secret.txt", "..", "/etc/passwd", "ab/../../x",
					"ABCDEF0123456789ABCDEF0123456789", "0123456789abcdef0123456789abcde", "", "a\u0000b")) {
				assertThatThrownBy(() -> storage.open(key)).as(key).isInstanceOf(InvalidStorageKeyException.class);
				assertThatThrownBy(() -> storage.exists(key)).as(key).isInstanceOf(InvalidStorageKeyException.class);
				assertThatThrownBy(() -> storage.delete(key)).as(key).isInstanceOf(InvalidStorageKeyException.class);
			}
			assertThatThrownBy(() -> storage.open(null)).isInstanceOf(InvalidStorageKeyException.class);
			assertThat(secret).exists();
		}
		finally {
			Files.deleteIfExists(secret);
		}
	}

	@Test
	void anUnknownButWellFormedKeyHoldsNothing() {
		LocalFileStorage storage = new LocalFileStorage(root);
		assertThat(storage.open("0123456789abcdef0123456789abcdef")).isEmpty();
		assertThat(storage.exists("0123456789abcdef0123456789abcdef")).isFalse();
	}
}
