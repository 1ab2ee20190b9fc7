package io.gridgov.insight.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import io.gridgov.insight.internal.InsightService.TrendPoint;
import io.gridgov.insight.internal.MonthlyReport.Column;
import io.gridgov.insight.internal.MonthlyReport.Lang;
import io.gridgov.insight.internal.MonthlyReport.Ranked;
import io.gridgov.insight.internal.MonthlyReport.Unit;

/**
 * The monthly report as an XLSX workbook: a summary sheet (region, month, who and when, the headline
 * indicators with the previous month and their definitions), then one sheet per ranking (community,
 * grid, department, category) and the month's days. Figures are numeric cells with number formats
 * (rates as percentages, times in hours), so they sort and add up in Excel; a figure with a zero
 * denominator is a dash (text). Each table's header row is frozen. Written with POI's streaming
 * writer.
 */
final class ReportWorkbook {

	static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
	private final MonthlyReport report;
	private final Lang lang;
	private final CellStyle title;
	private final CellStyle label;
	private final CellStyle header;
	private final CellStyle text;
	private final CellStyle wrapped;
	private final CellStyle dash;
	private final CellStyle date;
	private final CellStyle integer;
	private final Map<Unit, CellStyle> figure = new EnumMap<>(Unit.class);
	private final Map<Unit, CellStyle> change = new EnumMap<>(Unit.class);
	private final Map<Unit, CellStyle> totalFigure = new EnumMap<>(Unit.class);
	private final CellStyle totalText;

	private ReportWorkbook(MonthlyReport report) {
		this.report = report;
		this.lang = report.lang();
		DataFormat formats = workbook.createDataFormat();
		Font bold = workbook.createFont();
		bold.setBold(true);
		Font big = workbook.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 14);
		title = style(null, big);
		label = style(null, bold);
		header = style(null, bold);
		header.setWrapText(true);
		header.setVerticalAlignment(VerticalAlignment.CENTER);
		header.setAlignment(HorizontalAlignment.CENTER);
		header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		header.setBorderBottom(BorderStyle.THIN);
		text = style(null, null);
		wrapped = style(null, null);
		wrapped.setWrapText(true);
		wrapped.setVerticalAlignment(VerticalAlignment.TOP);
		dash = style(null, null);
		dash.setAlignment(HorizontalAlignment.RIGHT);
		date = style(formats.getFormat("yyyy-mm-dd"), null);
		integer = style(formats.getFormat("0"), null);
		totalText = style(null, bold);
		for (Unit unit : Unit.values()) {
			figure.put(unit, style(formats.getFormat(format(unit)), null));
			totalFigure.put(unit, style(formats.getFormat(format(unit)), bold));
			change.put(unit, style(formats.getFormat(changeFormat(unit)), null));
		}
	}

	static void write(MonthlyReport report, OutputStream out) {
		ReportWorkbook book = new ReportWorkbook(report);
		try {
			book.summary();
			Lang lang = report.lang();
			book.ranking(lang.of("按社区", "By community"), lang.of("社区", "Community"), report.communities(), true);
			book.ranking(lang.of("按网格", "By grid"), lang.of("网格", "Grid"), report.grids(), true);
			book.ranking(lang.of("按部门", "By department"), lang.of("部门", "Department"), report.departments(), true);
			book.ranking(lang.of("按类别", "By category"), lang.of("类别", "Category"), report.categories(), false);
			book.days();
			book.workbook.write(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			book.workbook.dispose();
		}
	}

	private void summary() {
		Sheet sheet = workbook.createSheet(lang.of("概况", "Summary"));
		int r = 0;
		cell(sheet.createRow(r++), 0, report.title(), title);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
		r = pair(sheet, r, lang.of("区域", "Region"), report.regionName() + " (" + report.regionCode() + ")");
		r = pair(sheet, r, lang.of("统计月份", "Month"), report.month() + lang.of("（", " (") + report.from()
				+ lang.of(" 至 ", " to ") + report.to() + lang.of("）", ")")
				+ (report.partial() ? lang.of("，本月尚未结束", ", month not over yet") : ""));
		r = pair(sheet, r, lang.of("生成人", "Generated by"), report.generatedBy());
		r = pair(sheet, r, lang.of("生成时间", "Generated at"),
				GENERATED.format(report.generatedAt().atZone(Contributions.ZONE)) + " (" + Contributions.ZONE.getId() + ")");
		r = pair(sheet, r, lang.of("口径", "Counting"), lang.of(
				"日期按北京时间；每项在其发生之日计入（同一事件的上报与结案可计入不同月份）。“—”表示分母为 0。当前超期、即将超期为生成时的状态。",
				"Days are Asia/Shanghai dates; each figure counts on the day it happened (a case may be reported in one month and closed in another). \"—\": the denominator is 0. Overdue now and due soon are as at generation."));
		r++;
		int headerRow = r;
		Row head = sheet.createRow(r++);
		List<String> headers = List.of(lang.of("指标", "Indicator"), lang.of("本月", "This month"),
				lang.of("上月", "Previous month") + " (" + report.month().minusMonths(1) + ")",
				lang.of("环比变化", "Change"), lang.of("定义", "Definition"));
		for (int i = 0; i < headers.size(); i++) {
			cell(head, i, headers.get(i), header);
		}
		for (Column c : MonthlyReport.TABLE) {
			Row row = sheet.createRow(r++);
			cell(row, 0, c.header(lang), label);
			figure(row, 1, c, c.value(report.total()), figure);
			figure(row, 2, c, c.periodic ? c.value(report.previous()) : null, figure);
			Double d = c.change(report.total(), report.previous());
			figure(row, 3, c, d == null ? null : c.unit == Unit.RATIO ? d * 100 : d, change);
			cell(row, 4, c.definition(lang), wrapped);
		}
		sheet.createFreezePane(0, headerRow + 1);
		widths(sheet, 26, 14, 18, 14, 90);
	}

	private int pair(Sheet sheet, int r, String name, String value) {
		Row row = sheet.createRow(r);
		cell(row, 0, name, label);
		cell(row, 1, value, text);
		sheet.addMergedRegion(new CellRangeAddress(r, r, 1, 4));
		return r + 1;
	}

	private void ranking(String sheetName, String what, List<Ranked> rows, boolean withTotal) {
		Sheet sheet = workbook.createSheet(sheetName);
		Row head = sheet.createRow(0);
		cell(head, 0, lang.of("排名", "Rank"), header);
		cell(head, 1, what, header);
		cell(head, 2, lang.of("代码", "Code"), header);
		headers(head, 3, MonthlyReport.TABLE);
		int r = 1;
		for (Ranked ranked : rows) {
			Row row = sheet.createRow(r++);
			if (ranked.rank() != null) {
				row.createCell(0).setCellValue(ranked.rank());
				row.getCell(0).setCellStyle(integer);
			}
			cell(row, 1, ranked.name(), text);
			cell(row, 2, ranked.key(), text);
			figures(row, 3, MonthlyReport.TABLE, ranked.indicators(), figure);
		}
		if (withTotal) {
			Row row = sheet.createRow(r);
			cell(row, 1, lang.of("合计", "Total") + " · " + report.regionName(), totalText);
			cell(row, 2, report.regionCode(), totalText);
			figures(row, 3, MonthlyReport.TABLE, report.total(), totalFigure);
		}
		sheet.createFreezePane(2, 1);
		widths(sheet, MonthlyReport.TABLE, 7, 24, 17);
	}

	private void days() {
		Sheet sheet = workbook.createSheet(lang.of("每日趋势", "Daily trend"));
		Row head = sheet.createRow(0);
		cell(head, 0, lang.of("日期", "Date"), header);
		headers(head, 1, MonthlyReport.DAILY);
		int r = 1;
		for (TrendPoint p : report.days()) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(p.start());
			row.getCell(0).setCellStyle(date);
			figures(row, 1, MonthlyReport.DAILY, p.indicators(), figure);
		}
		sheet.createFreezePane(1, 1);
		widths(sheet, MonthlyReport.DAILY, 12);
	}

	/** The columns' headers from {@code first} on, in a row tall enough for two lines. */
	private void headers(Row head, int first, List<Column> columns) {
		for (int i = 0; i < columns.size(); i++) {
			cell(head, first + i, columns.get(i).header(lang), header);
		}
		head.setHeightInPoints(32);
	}

	private void figures(Row row, int first, List<Column> columns, Indicators indicators, Map<Unit, CellStyle> styles) {
		for (int i = 0; i < columns.size(); i++) {
			figure(row, first + i, columns.get(i), columns.get(i).value(indicators), styles);
		}
	}

	/** The leading columns' widths as given, then a width per figure column (counts narrower). */
	private static void widths(Sheet sheet, List<Column> columns, int... leading) {
		int[] widths = java.util.Arrays.copyOf(leading, leading.length + columns.size());
		for (int i = 0; i < columns.size(); i++) {
			widths[leading.length + i] = columns.get(i).unit == Unit.COUNT ? 10 : 13;
		}
		widths(sheet, widths);
	}

	private void figure(Row row, int column, Column c, Double value, Map<Unit, CellStyle> styles) {
		Cell cell = row.createCell(column);
		if (value == null || value.isNaN() || value.isInfinite()) {
			cell.setCellValue(MonthlyReport.DASH);
			cell.setCellStyle(dash);
		}
		else {
			cell.setCellValue(value);
			cell.setCellStyle(styles.get(c.unit));
		}
	}

	private static void cell(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void widths(Sheet sheet, int... characters) {
		for (int i = 0; i < characters.length; i++) {
			sheet.setColumnWidth(i, characters[i] * 256);
		}
	}

	private CellStyle style(Short format, Font font) {
		CellStyle style = workbook.createCellStyle();
		if (format != null) {
			style.setDataFormat(format);
		}
		if (font != null) {
			style.setFont(font);
		}
		return style;
	}

	private static String format(Unit unit) {
		return switch (unit) {
			case COUNT -> "#,##0";
			case RATIO -> "0.0%";
			case HOURS, STARS -> "0.00";
		};
	}

	/** A change: signed, and a change of a rate in percentage points (the cell holds the points). */
	private String changeFormat(Unit unit) {
		return switch (unit) {
			case COUNT -> "+#,##0;-#,##0;0";
			case RATIO -> lang.of("+0.0\" 个百分点\";-0.0\" 个百分点\";0.0\" 个百分点\"", "+0.0\" pp\";-0.0\" pp\";0.0\" pp\"");
			case HOURS, STARS -> "+0.00;-0.00;0.00";
		};
	}
}
