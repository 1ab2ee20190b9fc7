package io.gridgov.platform.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An XLSX import file, read with POI's streaming (SAX) reader so a large sheet never sits in memory.
 * Only the first sheet is read. A formula cell gives its cached value (a formula without one is
 * refused); a date-formatted number becomes an ISO date; a number is written out in full, and an
 * 18-digit number whose digits Excel lost is marked. Zip bombs are refused through POI's
 * {@link ZipSecureFile} limits, set once for the process.
 */
public final class XlsxTable implements Table {

	static {
		installZipLimits();
	}

	/**
	 * POI's zip-bomb limits, which are JVM-wide: a part that inflates more than 100-fold is refused
	 * (POI's own ratio), and no part may inflate beyond 1 GiB (the sheet of a 200,000-row register
	 * file is a few hundred MB). The one place that sets them, so that no reader loosens or tightens
	 * another's limits by being loaded first; every XLSX reader calls it before opening a file.
	 */
	public static void installZipLimits() {
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(1L << 30);
	}

	public static final String PRECISION_LOST = "import.number-precision";
	public static final String FORMULA_NO_VALUE = "import.formula-no-value";

	private final Path file;

	public XlsxTable(Path file) {
		this.file = file;
	}

	@Override
	public Shape inspect() {
		List<String> header = new ArrayList<>();
		List<String> merged = new ArrayList<>();
		int[] rows = { 0 };
		read(new SheetHandler(row -> {
			if (row.number() == 1) {
				for (int i = 0; i <= row.cells().keySet().stream().mapToInt(Integer::intValue).max().orElse(-1); i++) {
					header.add(row.cells().getOrDefault(i, ""));
				}
			}
			else if (!row.blank()) {
				rows[0]++;
			}
		}, merged));
		return new Shape(header, rows[0], merged);
	}

	@Override
	public void rows(Consumer<SourceRow> sink) {
		read(new SheetHandler(row -> {
			if (row.number() > 1 && !row.blank()) {
				sink.accept(row);
			}
		}, new ArrayList<>()));
	}

	private void read(SheetHandler handler) {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			handler.strings = new ReadOnlySharedStringsTable(pkg);
			handler.styles = reader.getStylesTable();
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new ImportFileException("import.empty", null);
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader xml = SAXHelper.newXMLReader();
				xml.setContentHandler(handler);
				xml.parse(new InputSource(sheet));
			}
		}
		catch (ImportFileException e) {
			throw e;
		}
		catch (NotOfficeXmlFileException | InvalidFormatException e) {
			throw new ImportFileException(zipBomb(e) ? "import.zip-bomb" : "import.unreadable", null);
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
			throw new ImportFileException(zipBomb(e) ? "import.zip-bomb" : "import.unreadable", null);
		}
	}

	private static boolean zipBomb(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t.getMessage() != null && t.getMessage().toLowerCase().contains("zip bomb")) {
				return true;
			}
		}
		return false;
	}

	/** The SAX handler of a sheet: rows of cells, and the merged ranges listed after the data. */
	private static final class SheetHandler extends DefaultHandler {

		private final Consumer<SourceRow> sink;
		private final List<String> merged;
		ReadOnlySharedStringsTable strings;
		StylesTable styles;

		private int rowNumber;
		private int nextRow = 1;
		private Map<Integer, String> cells;
		private Map<Integer, String> problems;
		private int column;
		private String type;
		private int style;
		private boolean formula;
		private boolean inValue;
		private boolean inInline;
		private StringBuilder value = new StringBuilder();

		SheetHandler(Consumer<SourceRow> sink, List<String> merged) {
			this.sink = sink;
			this.merged = merged;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			String name = localName.isEmpty() ? qName : localName;
			switch (name) {
				case "row" -> {
					String r = attributes.getValue("r");
					rowNumber = r == null ? nextRow : Integer.parseInt(r);
					nextRow = rowNumber + 1;
					cells = new HashMap<>();
					problems = new HashMap<>();
					column = -1;
				}
				case "c" -> {
					String ref = attributes.getValue("r");
					column = ref == null ? column + 1 : new CellReference(ref).getCol();
					type = attributes.getValue("t");
					String s = attributes.getValue("s");
					style = s == null ? 0 : Integer.parseInt(s);
					formula = false;
					value.setLength(0);
				}
				case "f" -> formula = true;
				case "v" -> inValue = true;
				case "t" -> inInline = "inlineStr".equals(type);
				case "mergeCell" -> merged.add(attributes.getValue("ref"));
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (inValue || inInline) {
				value.append(ch, start, length);
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			String name = localName.isEmpty() ? qName : localName;
			switch (name) {
				case "v" -> inValue = false;
				case "t" -> inInline = false;
				case "c" -> cell();
				case "row" -> sink.accept(new SourceRow(rowNumber, cells, problems));
				default -> {
				}
			}
		}

		private void cell() {
			String raw = value.toString();
			if (formula && raw.isEmpty() || "e".equals(type)) {
				problems.put(column, FORMULA_NO_VALUE);
				return;
			}
			if (raw.isEmpty()) {
				return;
			}
			String text;
			if ("s".equals(type)) {
				text = strings.getItemAt(Integer.parseInt(raw)).getString();
			}
			else if ("inlineStr".equals(type) || "str".equals(type)) {
				text = raw;
			}
			else if ("b".equals(type)) {
				text = "1".equals(raw) ? "TRUE" : "FALSE";
			}
			else {
				text = number(raw);
			}
			cells.put(column, text);
		}

		private String number(String raw) {
			BigDecimal number;
			try {
				number = new BigDecimal(raw);
			}
			catch (NumberFormatException e) {
				return raw;
			}
			if (styles != null && style < styles.getNumCellStyles()) {
				XSSFCellStyle cellStyle = styles.getStyleAt(style);
				if (cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString())
						&& DateUtil.isValidExcelDate(number.doubleValue())) {
					LocalDate date = DateUtil.getLocalDateTime(number.doubleValue()).toLocalDate();
					return date.toString();
				}
			}
			if (number.abs().compareTo(new BigDecimal("1E15")) >= 0) {
				problems.put(column, PRECISION_LOST);
			}
			return number.stripTrailingZeros().toPlainString();
		}
	}
}
