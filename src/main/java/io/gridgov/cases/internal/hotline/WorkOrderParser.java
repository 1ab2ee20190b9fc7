package io.gridgov.cases.internal.hotline;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

import io.gridgov.cases.CategoryInfo;
import io.gridgov.cases.internal.hotline.WorkOrderFileReader.RawRow;
import io.gridgov.cases.internal.loop.ImportIntake.WorkOrder;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * Turns the rows of a work-order file into work orders, row by row: finds the header row, checks
 * that the template's required columns are there (else the whole file is refused), and refuses a
 * row whose order number, category, content, coordinates or call time cannot be read. What the
 * intake checks itself (phone format, position range, grid, lengths) it leaves to the intake.
 */
final class WorkOrderParser {

	/** The header is looked for in the first rows, under a title row or two that exports carry. */
	private static final int HEADER_SEARCH_ROWS = 10;
	private static final Pattern TEXT_TIME = Pattern.compile(
			"(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:[ T]*(\\d{1,2})[:时](\\d{1,2})分?(?::?(\\d{1,2})(?:\\.\\d+)?秒?)?)?");
	private static final Pattern SERIAL = Pattern.compile("\\d{1,7}(\\.\\d+)?");
	private static final Pattern NUMBER = Pattern.compile("[-+]?\\d{1,3}(\\.\\d+)?");
	private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** A row that could be read, with its row number for the report. */
	record Parsed(int row, WorkOrder order, boolean hasCoordinates) {
	}

	/** A refused cell: row as the spreadsheet shows it, the column, a problem code and its arguments. */
	record Problem(int row, WorkOrderColumn column, String code, Object[] args) {
	}

	record Result(List<Parsed> orders, List<Problem> problems, int rows) {
	}

	private final List<CategoryInfo> leaves;

	WorkOrderParser(List<CategoryInfo> leaves) {
		this.leaves = List.copyOf(leaves);
	}

	Result parse(List<RawRow> rows) {
		int headerIndex = headerIndex(rows);
		Map<WorkOrderColumn, Integer> columns = columns(rows.isEmpty() ? null : rows.get(headerIndex));
		List<RawRow> data = rows.subList(Math.min(rows.size(), headerIndex + 1), rows.size());
		if (data.isEmpty()) {
			throw new DomainException(ErrorKind.UNPROCESSABLE, "cases.import-no-rows");
		}
		List<Parsed> orders = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		Map<String, Integer> firstRowOfOrder = new HashMap<>();
		for (RawRow raw : data) {
			List<Problem> found = new ArrayList<>();
			Parsed parsed = row(raw, columns, found);
			if (found.isEmpty()) {
				Integer earlier = firstRowOfOrder.putIfAbsent(parsed.order().orderNo(), raw.number());
				if (earlier != null) {
					found.add(new Problem(raw.number(), WorkOrderColumn.ORDER_NO, "cases.import-order-repeated",
							new Object[] { parsed.order().orderNo(), earlier }));
				}
			}
			if (found.isEmpty()) {
				orders.add(parsed);
			}
			problems.addAll(found);
		}
		return new Result(orders, problems, data.size());
	}

	private static int headerIndex(List<RawRow> rows) {
		for (int i = 0; i < Math.min(rows.size(), HEADER_SEARCH_ROWS); i++) {
			if (rows.get(i).cells().stream().anyMatch(c -> WorkOrderColumn.ofHeader(c).orElse(null) == WorkOrderColumn.ORDER_NO)) {
				return i;
			}
		}
		return 0;
	}

	/** Where each column is; a file without the required ones is not a work-order file. */
	private static Map<WorkOrderColumn, Integer> columns(RawRow header) {
		Map<WorkOrderColumn, Integer> columns = new EnumMap<>(WorkOrderColumn.class);
		if (header != null) {
			for (int i = 0; i < header.cells().size(); i++) {
				int index = i;
				WorkOrderColumn.ofHeader(header.cell(i)).ifPresent(c -> columns.putIfAbsent(c, index));
			}
		}
		StringJoiner missing = new StringJoiner("、");
		for (WorkOrderColumn column : WorkOrderColumn.values()) {
			if (column.required() && !columns.containsKey(column)) {
				missing.add(column.header());
			}
		}
		boolean coordinates = columns.containsKey(WorkOrderColumn.LONGITUDE) && columns.containsKey(WorkOrderColumn.LATITUDE);
		if (!coordinates && !columns.containsKey(WorkOrderColumn.GRID)) {
			missing.add(WorkOrderColumn.LONGITUDE.header() + "+" + WorkOrderColumn.LATITUDE.header() + " / "
					+ WorkOrderColumn.GRID.header());
		}
		if (missing.length() > 0) {
			throw new DomainException(ErrorKind.UNPROCESSABLE, "cases.import-columns-missing", missing.toString());
		}
		return columns;
	}

	private Parsed row(RawRow raw, Map<WorkOrderColumn, Integer> columns, List<Problem> problems) {
		int n = raw.number();
		String orderNo = required(raw, columns, WorkOrderColumn.ORDER_NO, problems, true);
		String categoryText = required(raw, columns, WorkOrderColumn.CATEGORY, problems, false);
		String content = required(raw, columns, WorkOrderColumn.CONTENT, problems, false);
		String categoryCode = null;
		if (categoryText != null) {
			categoryCode = category(categoryText).orElse(null);
			if (categoryCode == null) {
				problems.add(new Problem(n, WorkOrderColumn.CATEGORY, "cases.import-category-unknown",
						new Object[] { categoryText }));
			}
		}
		Double longitude = number(raw, columns, WorkOrderColumn.LONGITUDE, problems);
		Double latitude = number(raw, columns, WorkOrderColumn.LATITUDE, problems);
		String callTime = value(raw, columns, WorkOrderColumn.CALL_TIME, true);
		LocalDateTime calledAt = null;
		if (callTime != null) {
			calledAt = callTime(callTime).orElse(null);
			if (calledAt == null) {
				problems.add(new Problem(n, WorkOrderColumn.CALL_TIME, "cases.import-time-invalid",
						new Object[] { callTime }));
			}
		}
		String description = content == null ? null
				: calledAt == null ? content : "【来电时间 " + SHOWN_TIME.format(calledAt) + "】" + content;
		WorkOrder order = new WorkOrder(orderNo, categoryCode, description, longitude, latitude,
				value(raw, columns, WorkOrderColumn.GRID, true), value(raw, columns, WorkOrderColumn.ADDRESS, false),
				value(raw, columns, WorkOrderColumn.CALLER, false), phone(value(raw, columns, WorkOrderColumn.PHONE, true)));
		return new Parsed(n, order, longitude != null || latitude != null);
	}

	private static String required(RawRow raw, Map<WorkOrderColumn, Integer> columns, WorkOrderColumn column,
			List<Problem> problems, boolean normalize) {
		String value = value(raw, columns, column, normalize);
		if (value == null) {
			problems.add(new Problem(raw.number(), column, "cases.import-required", new Object[0]));
		}
		return value;
	}

	/**
	 * A cell's text, stripped, or null when blank. Codes and numbers are normalised to NFKC so that
	 * full-width digits and letters typed with a Chinese input method read as ASCII.
	 */
	private static String value(RawRow raw, Map<WorkOrderColumn, Integer> columns, WorkOrderColumn column,
			boolean normalize) {
		Integer index = columns.get(column);
		if (index == null) {
			return null;
		}
		String text = raw.cell(index);
		if (normalize) {
			text = Normalizer.normalize(text, Normalizer.Form.NFKC);
		}
		text = text.strip();
		return text.isEmpty() ? null : text;
	}

	private static Double number(RawRow raw, Map<WorkOrderColumn, Integer> columns, WorkOrderColumn column,
			List<Problem> problems) {
		String text = value(raw, columns, column, true);
		if (text == null) {
			return null;
		}
		String plain = text.replace("°", "").strip();
		if (!NUMBER.matcher(plain).matches()) {
			problems.add(new Problem(raw.number(), column, "cases.import-number-invalid", new Object[] { text }));
			return null;
		}
		return Double.valueOf(plain);
	}

	/** A leaf category by its code, its Chinese or English name, or "class/leaf" as some exports write it. */
	Optional<String> category(String text) {
		String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		int slash = Math.max(normalized.lastIndexOf('/'), normalized.lastIndexOf('>'));
		String leaf = slash >= 0 ? normalized.substring(slash + 1).strip() : normalized;
		for (CategoryInfo category : leaves) {
			if (category.code().equalsIgnoreCase(leaf)) {
				return Optional.of(category.code());
			}
		}
		for (CategoryInfo category : leaves) {
			if (leaf.equals(category.name()) || leaf.equalsIgnoreCase(category.nameEn())) {
				return Optional.of(category.code());
			}
		}
		return Optional.empty();
	}

	/** A call time as text (2026-09-15 08:30, 2026/9/15 8:30:00, 2026年9月15日 8时30分) or an Excel serial. */
	static Optional<LocalDateTime> callTime(String text) {
		try {
			if (SERIAL.matcher(text).matches()) {
				double serial = Double.parseDouble(text);
				if (serial < 1 || serial > 2958465) {
					return Optional.empty();
				}
				return Optional.of(DateUtil.getLocalDateTime(serial));
			}
			Matcher m = TEXT_TIME.matcher(text);
			if (!m.matches()) {
				return Optional.empty();
			}
			return Optional.of(LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
					m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
					m.group(6) == null ? 0 : Integer.parseInt(m.group(6))));
		}
		catch (DateTimeException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	/** Spaces and a +86 / 0086 country prefix go; the intake checks the number's form. */
	static String phone(String text) {
		if (text == null) {
			return null;
		}
		String s = text.replaceAll("\\s", "");
		if (s.matches("(\\+86|0086|86)-?1[3-9]\\d{9}")) {
			s = s.substring(s.length() - 11);
		}
		return s.toUpperCase(Locale.ROOT);
	}
}
