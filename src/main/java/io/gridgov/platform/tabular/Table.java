package io.gridgov.platform.tabular;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** A table read from an import file: a first pass checks its shape, a second streams its rows. */
public interface Table {

	/** The header cells, the number of data rows, and merged-cell ranges found (any refuses the file). */
	record Shape(List<String> header, int rows, List<String> mergedRanges) {
	}

	/** The table of an uploaded file: CSV by its name, XLSX otherwise. */
	static Table of(Path file) {
		return file.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? new CsvTable(file) : new XlsxTable(file);
	}

	Shape inspect();

	void rows(Consumer<SourceRow> sink);
}
