package io.gridgov.platform.tabular;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/** Reads typed values out of import cells: dates as text or Excel serial numbers, numbers, yes/no, tag lists. */
public final class CellValues {

	private static final Pattern YMD = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private CellValues() {
	}

	public static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String v = Normalise.halfWidth(text).strip();
		try {
			Matcher m = YMD.matcher(v);
			if (m.matches()) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
			}
			m = COMPACT.matcher(v);
			if (m.matches()) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
			}
			if (v.matches("\\d{1,5}(\\.0+)?")) {
				int serial = Integer.parseInt(v.replaceAll("\\.0+$", ""));
				if (serial > 0 && serial < 80_000) {
					return EXCEL_EPOCH.plusDays(serial);
				}
			}
		}
		catch (DateTimeException | NumberFormatException e) {
			// falls through to the refusal
		}
		throw new DomainException(ErrorKind.INVALID, "import.date-invalid", v);
	}

	public static Double decimal(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(Normalise.halfWidth(text).strip());
		}
		catch (NumberFormatException e) {
			throw new DomainException(ErrorKind.INVALID, "import.number-invalid", text.strip());
		}
	}

	public static Integer integer(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String v = Normalise.halfWidth(text).strip().replace(",", "").replaceAll("\\.0+$", "");
		try {
			return Integer.valueOf(v);
		}
		catch (NumberFormatException e) {
			throw new DomainException(ErrorKind.INVALID, "import.number-invalid", text.strip());
		}
	}

	public static Boolean yesNo(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return switch (Normalise.halfWidth(text).strip().toUpperCase(Locale.ROOT)) {
			case "是", "Y", "YES", "TRUE", "1", "√" -> Boolean.TRUE;
			case "否", "N", "NO", "FALSE", "0", "×" -> Boolean.FALSE;
			default -> throw new DomainException(ErrorKind.INVALID, "import.flag-invalid", text.strip());
		};
	}

	/** Tags separated by 、 , ， ; ； or spaces. */
	public static Set<String> list(String text) {
		Set<String> values = new LinkedHashSet<>();
		if (text != null) {
			for (String part : text.split("[、,，;；\\s]+")) {
				if (!part.isBlank()) {
					values.add(part.strip());
				}
			}
		}
		return values;
	}
}
