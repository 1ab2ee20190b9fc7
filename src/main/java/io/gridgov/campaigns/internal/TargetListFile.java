package io.gridgov.campaigns.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * Reads an uploaded target list: one national ID number or unified social credit code per row, in
 * the first column of a CSV (UTF-8 with or without BOM, or GBK) or of the first sheet of an XLSX. A
 * first row that is not an identifier (a header such as 身份证号) is skipped. Full-width digits and
 * letters are folded to ASCII, a lower-case x to X.
 */
final class TargetListFile {

	static final int MAX_ROWS = 50_000;

	record Line(int row, String value) {
	}

	private TargetListFile() {
	}

	static List<Line> read(String filename, byte[] content) {
		if (content == null || content.length == 0) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.list-empty");
		}
		boolean xlsx = content.length > 4 && content[0] == 'P' && content[1] == 'K';
		List<String> cells = xlsx ? xlsx(content) : csv(content);
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			String value = normalise(cells.get(i));
			if (value.isEmpty() || (i == 0 && !value.matches(".*\\d{6,}.*"))) {
				continue;
			}
			lines.add(new Line(i + 1, value));
			if (lines.size() > MAX_ROWS) {
				throw new DomainException(ErrorKind.INVALID, "campaigns.list-too-long", MAX_ROWS);
			}
		}
		if (lines.isEmpty()) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.list-empty");
		}
		return lines;
	}

	static String normalise(String raw) {
		StringBuilder out = new StringBuilder();
		for (char c : raw.strip().toCharArray()) {
			if (c >= '\uFF01' && c <= '\uFF5E') {
				c = (char) (c - 0xFEE0);
			}
			if (!Character.isWhitespace(c) && c != '\u3000' && c != '\'' && c != '"') {
				out.append(Character.toUpperCase(c));
			}
		}
		return out.toString();
	}

	private static List<String> csv(byte[] content) {
		String text = decode(content);
		List<String> first = new ArrayList<>();
		for (String line : text.split("\\r?\\n|\\r")) {
			int comma = indexOfSeparator(line);
			first.add(comma < 0 ? line : line.substring(0, comma));
		}
		return first;
	}

	private static int indexOfSeparator(String line) {
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == ',' || c == ';' || c == '\t' || c == '，') {
				return i;
			}
		}
		return -1;
	}

	private static String decode(byte[] content) {
		int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF ? 3 : 0;
		ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			return new String(content, Charset.forName("GBK"));
		}
	}

	private static List<String> xlsx(byte[] content) {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new DomainException(ErrorKind.INVALID, "campaigns.list-empty");
			}
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter();
			List<String> first = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum() && r <= MAX_ROWS + 1; r++) {
				Row row = sheet.getRow(r);
				Cell cell = row == null ? null : row.getCell(0);
				if (cell == null) {
					first.add("");
				}
				else if (cell.getCellType() == CellType.NUMERIC) {
					first.add(new java.math.BigDecimal(cell.getNumericCellValue()).toPlainString());
				}
				else {
					first.add(formatter.formatCellValue(cell));
				}
			}
			return first;
		}
		catch (IOException | RuntimeException unreadable) {
			if (unreadable instanceof DomainException domain) {
				throw domain;
			}
			throw new DomainException(ErrorKind.INVALID, "campaigns.list-unreadable");
		}
	}
}
