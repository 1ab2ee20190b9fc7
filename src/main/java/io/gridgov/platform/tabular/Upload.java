package io.gridgov.platform.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/** An uploaded import file saved to a temporary file, once its name says .xlsx or .csv and its size is within the limit. */
public record Upload(Path file, String name) {

	public static Upload save(String fileName, long size, InputStream content, long maxBytes) {
		String name = fileName == null ? "" : Path.of(fileName.replace('\\', '/')).getFileName().toString();
		String lower = name.toLowerCase(Locale.ROOT);
		if (!lower.endsWith(".xlsx") && !lower.endsWith(".csv")) {
			throw new DomainException(ErrorKind.INVALID, "import.file-type");
		}
		if (size > maxBytes) {
			throw new DomainException(ErrorKind.INVALID, "import.too-large", maxBytes / (1024 * 1024));
		}
		try {
			Path file = Files.createTempFile("gridgov-import-", lower.endsWith(".csv") ? ".csv" : ".xlsx");
			long copied = Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
			if (copied > maxBytes) {
				Files.deleteIfExists(file);
				throw new DomainException(ErrorKind.INVALID, "import.too-large", maxBytes / (1024 * 1024));
			}
			return new Upload(file, name.length() > 200 ? name.substring(0, 200) : name);
		}
		catch (IOException e) {
			throw new DomainException(ErrorKind.INVALID, "import.unreadable");
		}
	}
}
