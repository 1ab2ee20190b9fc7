package io.gridgov.platform.tabular;

import java.util.List;
import java.util.function.Consumer;

/** A table read from an import file: a first pass checks its shape, a second streams its rows. */
public interface Table {

	/** The header cells, the number of data rows, and merged-cell ranges found (any refuses the file). */
	record Shape(List<String> header, int rows, List<String> mergedRanges) {
	}

	Shape inspect();

	void rows(Consumer<SourceRow> sink);
}
