package io.gridgov.cases.internal.hotline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Work-order files as operators produce them, built in memory for the tests. */
final class WorkOrderFiles {

	static final List<Object> HEADER = List.of("工单号", "来电时间", "来电人", "联系电话", "诉求类别", "诉求内容", "地址", "经度", "纬度",
			"网格编码");

	/** A formula cell with the value Excel cached when it last calculated. */
	record Formula(String formula, Object cached) {
	}

	/** Cells to merge after the rows are written (0-based, inclusive). */
	record Merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
	}

	private WorkOrderFiles() {
	}

	static byte[] xlsx(List<List<Object>> rows, Merge... merges) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
			Sheet sheet = workbook.createSheet("工单");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				List<Object> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					if (value != null) {
						set(row.createCell(c), value, dateStyle);
					}
				}
			}
			for (Merge m : merges) {
				sheet.addMergedRegion(new CellRangeAddress(m.firstRow(), m.lastRow(), m.firstColumn(), m.lastColumn()));
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void set(Cell cell, Object value, CellStyle dateStyle) {
		if (value instanceof Formula f) {
			cell.setCellFormula(f.formula());
			set(cell, f.cached(), dateStyle);
		}
		else if (value instanceof Number n) {
			cell.setCellValue(n.doubleValue());
		}
		else if (value instanceof LocalDateTime t) {
			cell.setCellValue(t);
			cell.setCellStyle(dateStyle);
		}
		else {
			cell.setCellValue(value.toString());
		}
	}

	static String csv(List<List<Object>> rows) {
		StringBuilder out = new StringBuilder();
		for (List<Object> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				String cell = row.get(i) == null ? "" : row.get(i).toString();
				out.append(cell.contains(",") || cell.contains("\"") ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
			}
			out.append("\r\n");
		}
		return out.toString();
	}

	/** The workbook protected by an opening password, as Excel writes it (an OLE2 container). */
	static byte[] encrypted(byte[] xlsx) {
		try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
			Encryptor encryptor = info.getEncryptor();
			encryptor.confirmPassword("geheim");
			try (OutputStream os = encryptor.getDataStream(fs)) {
				os.write(xlsx);
			}
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
		catch (IOException | java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A small ZIP whose sheet inflates to hundreds of megabytes. */
	static byte[] zipBomb() {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(9);
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] blank = new byte[1 << 20];
			java.util.Arrays.fill(blank, (byte) ' ');
			for (int i = 0; i < 200; i++) {
				zip.write(blank);
			}
			zip.closeEntry();
			zip.finish();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
