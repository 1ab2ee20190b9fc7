package io.gridgov.platform.tabular;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of an import template (Chinese headers; English keys are accepted too; a required
 * column is marked with *), how a file's header maps onto them, and the template workbook itself.
 */
public final class Template {

	private final List<TemplateColumn> columns;

	public Template(List<TemplateColumn> columns) {
		this.columns = List.copyOf(columns);
	}

	public List<TemplateColumn> columns() {
		return columns;
	}

	/** The column a header cell names: its Chinese header or English key, ignoring a trailing * and spaces. */
	public Optional<TemplateColumn> column(String header) {
		if (header == null) {
			return Optional.empty();
		}
		String h = Normalise.halfWidth(header).replace("\uFEFF", "").replace("*", "").strip();
		return columns.stream()
			.filter(c -> c.header().equals(h) || c.key().toLowerCase(Locale.ROOT).equals(h.toLowerCase(Locale.ROOT)))
			.findFirst();
	}

	public String headerOf(String key) {
		return columns.stream().filter(c -> c.key().equals(key)).map(TemplateColumn::header).findFirst().orElse(key);
	}

	/**
	 * Which column of the file holds each key. Refuses, with nothing imported, a file without a
	 * header or data rows, one missing a required column, one with merged cells, or one longer than
	 * {@code maxRows}.
	 */
	public Map<String, Integer> index(Table.Shape shape, int maxRows) {
		if (shape.header().isEmpty()) {
			throw new ImportFileException("import.empty", null);
		}
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < shape.header().size(); i++) {
			int column = i;
			column(shape.header().get(i)).ifPresent(c -> index.putIfAbsent(c.key(), column));
		}
		List<String> missing = columns.stream()
			.filter(c -> c.required() && !index.containsKey(c.key()))
			.map(TemplateColumn::header)
			.toList();
		if (!missing.isEmpty()) {
			throw new ImportFileException("import.wrong-template", String.join("、", missing));
		}
		if (!shape.mergedRanges().isEmpty()) {
			throw new ImportFileException("import.merged-cells",
					String.join(", ", shape.mergedRanges().subList(0, Math.min(5, shape.mergedRanges().size()))));
		}
		if (shape.rows() == 0) {
			throw new ImportFileException("import.empty", null);
		}
		if (shape.rows() > maxRows) {
			throw new ImportFileException("import.too-many-rows", String.valueOf(maxRows));
		}
		return index;
	}

	/** The template workbook: a sheet with the header row (required columns marked *) and a sheet of notes. */
	public byte[] workbook(String sheetName, List<String> notes) {
		List<String> header = columns.stream().map(c -> c.required() ? c.header() + "*" : c.header()).toList();
		try (Workbooks.Writer writer = new Workbooks.Writer()) {
			writer.sheet(sheetName, header).header(header);
			writer.sheet("填写说明", List.of("说明")).header(List.of("说明"));
			for (String line : notes) {
				writer.row(List.of(line));
			}
			return writer.bytes();
		}
	}
}
