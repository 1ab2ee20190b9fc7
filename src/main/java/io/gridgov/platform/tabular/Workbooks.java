package io.gridgov.platform.tabular;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Writes XLSX files (templates, reports, exports) with POI's streaming writer: at most 200 rows in memory. */
public final class Workbooks {

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private Workbooks() {
	}

	/** An XLSX file as a download that no cache keeps. */
	public static ResponseEntity<byte[]> download(byte[] bytes, String name) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(bytes);
	}

	/** The watermark line of an export: who exported it and when (Beijing time), and whether personal data is in full. */
	public static String watermark(String username, Instant at, boolean revealed) {
		return "导出人：" + username + "　导出时间：" + TIME.format(at.atZone(ZoneId.of("Asia/Shanghai")))
				+ (revealed ? "　含未脱敏个人信息，严禁外传" : "　个人信息已脱敏") + "　仅限网格治理工作使用";
	}

	/** A sheet writer: an optional watermark line, a header, then rows of text. */
	public static final class Writer implements AutoCloseable {

		private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		private final CellStyle text;
		private final CellStyle bold;
		private Sheet sheet;
		private int next;
		private int width;

		public Writer() {
			text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			bold.setDataFormat(workbook.createDataFormat().getFormat("@"));
		}

		public Writer sheet(String name, List<String> header) {
			sheet = workbook.createSheet(name);
			next = 0;
			width = header.size();
			return this;
		}

		public Writer watermark(String line) {
			Row row = sheet.createRow(next++);
			row.createCell(0).setCellValue(line);
			row.getCell(0).setCellStyle(bold);
			if (width > 1) {
				sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, width - 1));
			}
			return this;
		}

		public Writer header(List<String> header) {
			Row row = sheet.createRow(next++);
			for (int i = 0; i < header.size(); i++) {
				row.createCell(i).setCellValue(header.get(i));
				row.getCell(i).setCellStyle(bold);
				sheet.setDefaultColumnStyle(i, text);
				sheet.setColumnWidth(i, Math.max(10, header.get(i).length() * 2 + 6) * 256);
			}
			return this;
		}

		public Writer row(List<?> values) {
			Row row = sheet.createRow(next++);
			for (int i = 0; i < values.size(); i++) {
				Object value = values.get(i);
				if (value != null) {
					row.createCell(i).setCellValue(String.valueOf(value));
					row.getCell(i).setCellStyle(text);
				}
			}
			return this;
		}

		public byte[] bytes() {
			try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
				workbook.write(out);
				return out.toByteArray();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		@Override
		public void close() {
			try {
				workbook.close();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}
}
