package io.gridgov.platform.tabular;

import java.util.Map;

/**
 * One data row of an import file: its row number as the user sees it (1-based, header included),
 * the text of each cell by column index, and the cells that could not be read (by index, a problem code).
 */
public record SourceRow(int number, Map<Integer, String> cells, Map<Integer, String> cellProblems) {

	public boolean blank() {
		return cellProblems.isEmpty() && cells.values().stream().allMatch(v -> v == null || v.isBlank());
	}
}
