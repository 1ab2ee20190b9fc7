package io.gridgov.cases.internal.hotline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.tabular.XlsxTable;

/**
 * Reads an uploaded work-order file into rows of text cells, numbered as Excel shows them. The
 * format is told by content, not by name: the ZIP signature means XLSX (its first sheet), the OLE2
 * signature an encrypted workbook or a legacy .xls (both refused), anything else CSV in UTF-8 (with
 * or without BOM) or, when it is not valid UTF-8, GBK. A file that cannot be read at all is one
 * problem; nothing of it is imported.
 */
final class WorkOrderFileReader {

	static final long MAX_BYTES = 10L * 1024 * 1024;
	static final int MAX_ROWS = 5000;
	/** Columns beyond this are ignored: the template has ten. */
	static final int MAX_COLUMNS = 64;
	private static final DateTimeFormatter CELL_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
	private static final Charset GBK = Charset.forName("GBK");

	static {
		// POI's limits are JVM-wide: platform's tabular reader owns them (a 10 MB upload inflating
		// 100-fold at most stays far below its 1 GiB part limit, and at most MAX_ROWS rows are read)
		XlsxTable.installZipLimits();
	}

	/** A non-empty row: its number as the spreadsheet shows it (the first row is 1) and its cells. */
	record RawRow(int number, List<String> cells) {

		String cell(int index) {
			return index >= 0 && index < cells.size() ? cells.get(index) : "";
		}
	}

	private WorkOrderFileReader() {
	}

	static List<RawRow> read(byte[] content) {
		if (content == null || content.length == 0) {
			throw new DomainException(ErrorKind.INVALID, "cases.import-empty");
		}
		if (content.length > MAX_BYTES) {
			throw new DomainException(ErrorKind.INVALID, "cases.import-too-large", MAX_BYTES / 1024 / 1024);
		}
		if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
			return xlsx(content);
		}
		if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			throw ole2(content);
		}
		return csv(decode(content));
	}

	private static boolean startsWith(byte[] content, int... magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((content[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	// ------------------------------------------------------------------ CSV

	/** Valid UTF-8 (a BOM is dropped) is UTF-8; anything else must be valid GBK. */
	static String decode(byte[] content) {
		int offset = startsWith(content, 0xEF, 0xBB, 0xBF) ? 3 : 0;
		ByteBuffer bytes = ByteBuffer.wrap(content, offset, content.length - offset);
		String text;
		try {
			text = strict(StandardCharsets.UTF_8).decode(bytes).toString();
		}
		catch (CharacterCodingException notUtf8) {
			try {
				text = strict(GBK).decode(ByteBuffer.wrap(content)).toString();
			}
			catch (CharacterCodingException notGbk) {
				throw new DomainException(ErrorKind.INVALID, "cases.import-unreadable");
			}
		}
		if (text.indexOf('\0') >= 0) {
			throw new DomainException(ErrorKind.INVALID, "cases.import-unreadable");
		}
		return text;
	}

	private static java.nio.charset.CharsetDecoder strict(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	private static List<RawRow> csv(String text) {
		List<RawRow> rows = new ArrayList<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			for (CSVRecord record : parser) {
				List<String> cells = new ArrayList<>(record.size());
				record.forEach(cells::add);
				add(rows, (int) record.getRecordNumber(), cells);
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
			throw new DomainException(ErrorKind.INVALID, "cases.import-unreadable");
		}
		return rows;
	}

	private static void add(List<RawRow> rows, int number, List<String> cells) {
		if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
			return;
		}
		if (rows.size() > MAX_ROWS) {
			throw new DomainException(ErrorKind.UNPROCESSABLE, "cases.import-too-many-rows", MAX_ROWS);
		}
		rows.add(new RawRow(number, List.copyOf(cells.stream().map(c -> c == null ? "" : c.strip()).toList())));
	}

	// ------------------------------------------------------------------ XLSX

	private static List<RawRow> xlsx(byte[] content) {
		try (InputStream in = new ByteArrayInputStream(content); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new DomainException(ErrorKind.UNPROCESSABLE, "cases.import-no-rows");
			}
			return sheet(workbook.getSheetAt(0));
		}
		catch (DomainException e) {
			throw e;
		}
		catch (Exception e) {
			if (zipBomb(e)) {
				throw new DomainException(ErrorKind.INVALID, "cases.import-zip-bomb");
			}
			throw new DomainException(ErrorKind.INVALID, "cases.import-unreadable");
		}
	}

	private static boolean zipBomb(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			String message = t.getMessage();
			if (message != null && (message.contains("Zip bomb"))) {
				return true;
			}
		}
		return false;
	}

	private static List<RawRow> sheet(Sheet sheet) {
		int lastUsed = lastUsedRow(sheet);
		Map<Long, String> merged = mergedValues(sheet, lastUsed);
		int mergedWidth = merged.keySet().stream().mapToInt(k -> (int) (k & 0xFFFFFFFFL) + 1).max().orElse(0);
		List<RawRow> rows = new ArrayList<>();
		for (int r = 0; r <= lastUsed; r++) {
			Row row = sheet.getRow(r);
			int width = Math.min(MAX_COLUMNS, Math.max(row == null ? 0 : row.getLastCellNum(), mergedWidth));
			List<String> cells = new ArrayList<>(width);
			for (int c = 0; c < width; c++) {
				String value = merged.get(key(r, c));
				cells.add(value != null ? value : row == null ? "" : text(row.getCell(c)));
			}
			add(rows, r + 1, cells);
		}
		return rows;
	}

	/** The last row with a non-blank cell; formatted but empty rows below it do not count. */
	private static int lastUsedRow(Sheet sheet) {
		int last = -1;
		for (Row row : sheet) {
			for (Cell cell : row) {
				if (cell.getColumnIndex() < MAX_COLUMNS && !text(cell).isBlank()) {
					last = Math.max(last, row.getRowNum());
					break;
				}
			}
		}
		return last;
	}

	/**
	 * A merged region shows its first cell's value in every cell it covers (an operator merges the
	 * call time or the category over several orders); only the used rows and columns are filled in.
	 */
	private static Map<Long, String> mergedValues(Sheet sheet, int lastRow) {
		Map<Long, String> values = new HashMap<>();
		for (CellRangeAddress region : sheet.getMergedRegions()) {
			Row first = sheet.getRow(region.getFirstRow());
			String value = first == null ? "" : text(first.getCell(region.getFirstColumn()));
			int lastColumn = Math.min(region.getLastColumn(), MAX_COLUMNS - 1);
			for (int r = region.getFirstRow(); r <= Math.min(region.getLastRow(), lastRow); r++) {
				for (int c = region.getFirstColumn(); c <= lastColumn; c++) {
					values.put(key(r, c), value);
				}
			}
		}
		return values;
	}

	private static long key(int row, int column) {
		return ((long) row << 32) | column;
	}

	/**
	 * A cell as text: a number without exponent or trailing zeros (an 11-digit phone number stays
	 * whole), a date-formatted number as {@code yyyy-MM-dd HH:mm:ss}, a formula by its cached result
	 * (formulas are never evaluated).
	 */
	static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType();
		if (type == CellType.FORMULA) {
			type = cell.getCachedFormulaResultType();
		}
		return switch (type) {
			case STRING -> cell.getRichStringCellValue().getString();
			case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? date(cell.getLocalDateTimeCellValue())
					: number(cell.getNumericCellValue());
			case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
			default -> "";
		};
	}

	private static String date(LocalDateTime value) {
		return value == null ? "" : CELL_DATE.format(value);
	}

	private static String number(double value) {
		if (!Double.isFinite(value)) {
			return "";
		}
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	// ------------------------------------------------------------------ OLE2

	/** An OLE2 file is a password-protected workbook or a legacy .xls; neither can be read. */
	private static DomainException ole2(byte[] content) {
		try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
			if (fs.getRoot().hasEntry("EncryptedPackage") || fs.getRoot().hasEntry("EncryptionInfo")) {
				return new DomainException(ErrorKind.INVALID, "cases.import-encrypted");
			}
		}
		catch (Exception e) {
			return new DomainException(ErrorKind.INVALID, "cases.import-unreadable");
		}
		return new DomainException(ErrorKind.INVALID, "cases.import-legacy-xls");
	}
}
