package io.gridgov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.gridgov.insight.internal.InsightService.TrendPoint;
import io.gridgov.insight.internal.MonthlyReport.Column;
import io.gridgov.insight.internal.MonthlyReport.Lang;
import io.gridgov.insight.internal.MonthlyReport.Ranked;

/**
 * The report files of the tiny fixture month: the workbook's cells are numbers with formats and its
 * header rows frozen; the PDF's text extracts back as Chinese and its charts' bars are as long as
 * the figures say (read back from the PDF's content streams).
 */
class ReportFilesTest {

	private final MonthlyReport report = MonthlyReportFixtures.report(Lang.ZH);

	static byte[] xlsx(MonthlyReport report) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ReportWorkbook.write(report, out);
		return out.toByteArray();
	}

	static byte[] pdf(MonthlyReport report) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ReportPdf.write(report, out);
		return out.toByteArray();
	}

	@Test
	void workbookHoldsRatesAsPercentageFormattedNumbersAndADashForAZeroDenominator() throws IOException {
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx(report)))) {
			assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("概况");
			Sheet communities = book.getSheet("按社区");
			assertThat(communities.getPaneInformation().isFreezePane()).isTrue();
			assertThat(communities.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
			Row head = communities.getRow(0);
			int closure = column(head, Column.CLOSURE_RATE.header(Lang.ZH));
			int reported = column(head, Column.REPORTED.header(Lang.ZH));
			assertThat(head.getCell(1).getStringCellValue()).isEqualTo("社区");
			// ranked: 社区乙, 社区甲, 社区丁, 社区丙 (no closure rate), then the total
			Row first = communities.getRow(1);
			assertThat(first.getCell(1).getStringCellValue()).isEqualTo("社区乙");
			assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
			Cell rate = communities.getRow(2).getCell(closure);
			assertThat(rate.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(rate.getNumericCellValue()).isEqualTo(0.75);
			assertThat(rate.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			Row none = communities.getRow(4);
			assertThat(none.getCell(1).getStringCellValue()).isEqualTo("社区丙");
			assertThat(none.getCell(0)).isNull();
			assertThat(none.getCell(closure).getStringCellValue()).isEqualTo("—");
			assertThat(none.getCell(reported).getNumericCellValue()).isEqualTo(2);
			Row total = communities.getRow(5);
			assertThat(total.getCell(1).getStringCellValue()).startsWith("合计");
			assertThat(total.getCell(reported).getNumericCellValue()).isEqualTo(10);
			assertThat(communities.getColumnWidth(1)).isGreaterThan(communities.getColumnWidth(reported));

			Sheet days = book.getSheet("每日趋势");
			assertThat(days.getLastRowNum()).isEqualTo(30);
			assertThat(days.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(report.from());
			assertThat(days.getRow(7).getCell(column(days.getRow(0), Column.REPORTED.header(Lang.ZH))).getNumericCellValue())
				.isEqualTo(7 % 7 + 1);

			Sheet summary = book.getSheet("概况");
			String all = text(summary);
			assertThat(all).contains("外海街道 2024年6月 月度综合评价报告", "指挥中心 (command)", "结案数 ÷ 受理数");
			Row closureRow = rowOf(summary, Column.CLOSURE_RATE.header(Lang.ZH));
			assertThat(closureRow.getCell(1).getNumericCellValue()).isEqualTo(0.75);
			assertThat(closureRow.getCell(2).getNumericCellValue()).isEqualTo(0.625);
			assertThat(closureRow.getCell(3).getNumericCellValue()).isCloseTo(12.5, within(1e-9));
			assertThat(book.getSheet("按部门").getRow(2).getCell(1).getStringCellValue()).isEqualTo("未派遣");
		}
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx(MonthlyReportFixtures.report(Lang.EN))))) {
			assertThat(book.getSheet("By community").getRow(0).getCell(column(book.getSheet("By community").getRow(0), "Closure rate")))
				.isNotNull();
		}
	}

	@Test
	void pdfCarriesTheChineseTitleAndTheHeadlineFiguresAsText() throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf(report))) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("月度综合评价报告", "外海街道", "2024 年 6 月", "主要指标", "75.0 %", "+12.5 个百分点", "0.5 小时",
					"社区乙", "城管局", "暴露垃圾", "指挥中心 (command)", "第 1 页 / 共 " + document.getNumberOfPages() + " 页");
			assertThat(text).doesNotContain("NaN");
			assertThat(document.getNumberOfPages()).isBetween(2, 6);
		}
	}

	@Test
	void dailyChartColumnsAreAsTallAsTheDaysFigures() throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf(report))) {
			Map<Integer, List<float[]>> bars = rectanglesByFill(document);
			List<float[]> reported = bars.get(ReportCharts.REPORTED.getRGB() & 0xFFFFFF);
			List<float[]> closed = bars.get(ReportCharts.CLOSED.getRGB() & 0xFFFFFF);
			List<Double> reportedValues = new ArrayList<>();
			List<Double> closedValues = new ArrayList<>();
			for (TrendPoint p : report.days()) {
				reportedValues.add((double) p.indicators().reported());
				if (p.indicators().closed() > 0) {
					closedValues.add((double) p.indicators().closed());
				}
			}
			assertProportional(reported, reportedValues, 3);
			assertProportional(closed, closedValues, 3);
			// both series share one axis: a day's reported and closed columns scale alike
			assertThat(reported.get(0)[3] / reportedValues.get(0)).isCloseTo(closed.get(0)[3] / closedValues.get(0), within(0.01));
			// columns left to right in day order, sitting on the same baseline
			for (int i = 1; i < reported.size(); i++) {
				assertThat(reported.get(i)[0]).isGreaterThan(reported.get(i - 1)[0]);
				assertThat(reported.get(i)[1]).isEqualTo(reported.get(0)[1]);
			}
		}
	}

	@Test
	void rankingBarsAreAsLongAsTheClosureRatesAndCategoryBarsAsTheCasesReported() throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf(report))) {
			Map<Integer, List<float[]>> bars = rectanglesByFill(document);
			List<Double> rates = report.communities().stream().filter(r -> r.rank() != null)
				.map(r -> r.indicators().closureRate()).toList();
			List<float[]> ranking = bars.get(ReportCharts.CLOSURE_RATE.getRGB() & 0xFFFFFF);
			assertProportional(ranking, rates, 2);
			// ranked top down: the first (highest) bar is the top one
			assertThat(ranking.get(0)[1]).isGreaterThan(ranking.get(ranking.size() - 1)[1]);
			List<Double> reported = report.categories().stream().map(r -> (double) r.indicators().reported()).toList();
			assertProportional(bars.get(ReportCharts.CATEGORY.getRGB() & 0xFFFFFF), reported, 2);
			assertThat(reported).containsExactly(7.0, 3.0);
		}
	}

	@Test
	void aMonthWithoutFiguresStillPrintsWithDashes() throws IOException {
		Indicators nothing = Indicators.of(new Counters(), 0L, 0L);
		MonthlyReport empty = new MonthlyReport(report.month(), report.from(), report.to(), report.regionCode(),
				report.regionName(), "leader", report.generatedAt(), Lang.ZH, nothing, nothing, List.of(), List.of(),
				List.of(), List.of(), report.days().stream().map(d -> new TrendPoint(d.start(), d.end(), nothing)).toList());
		try (PDDocument document = Loader.loadPDF(pdf(empty))) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("月度综合评价报告", "本月无数据", "—").doesNotContain("NaN");
		}
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx(empty)))) {
			assertThat(rowOf(book.getSheet("概况"), Column.CLOSURE_RATE.header(Lang.ZH)).getCell(1).getStringCellValue())
				.isEqualTo("—");
		}
	}

	// --- reading the files back ---

	/** Each bar's length (height or width, whichever the chart varies) over its value is the same for every bar. */
	private static void assertProportional(List<float[]> rects, List<Double> values, int lengthIndex) {
		assertThat(rects).as("one bar per non-zero value").hasSize(values.size());
		double scale = rects.get(0)[lengthIndex] / values.get(0);
		for (int i = 0; i < values.size(); i++) {
			assertThat((double) rects.get(i)[lengthIndex]).as("bar %d", i).isCloseTo(values.get(i) * scale, within(0.05));
		}
	}

	/** The rectangles (x, y, width, height) filled in each RGB colour, in drawing order, over every page and form. */
	static Map<Integer, List<float[]>> rectanglesByFill(PDDocument document) throws IOException {
		Map<Integer, List<float[]>> result = new HashMap<>();
		for (PDPage page : document.getPages()) {
			collect(page, page.getResources(), result);
		}
		return result;
	}

	private static void collect(PDContentStream stream, PDResources resources, Map<Integer, List<float[]>> result)
			throws IOException {
		List<Object> tokens = new PDFStreamParser(stream).parse();
		List<Float> operands = new ArrayList<>();
		int fill = 0;
		List<float[]> pending = new ArrayList<>();
		COSName lastName = null;
		for (Object token : tokens) {
			if (token instanceof COSNumber n) {
				operands.add(n.floatValue());
				continue;
			}
			if (token instanceof Operator op) {
				switch (op.getName()) {
					case "rg" -> fill = (Math.round(operands.get(0) * 255) << 16) | (Math.round(operands.get(1) * 255) << 8)
							| Math.round(operands.get(2) * 255);
					case "re" -> pending.add(new float[] { operands.get(0), operands.get(1), operands.get(2), operands.get(3) });
					case "f", "F" -> {
						result.computeIfAbsent(fill, k -> new ArrayList<>()).addAll(pending);
						pending.clear();
					}
					case "n", "S", "W" -> pending.clear();
					case "Do" -> {
						PDXObject x = resources == null || lastName == null ? null : resources.getXObject(lastName);
						if (x instanceof PDFormXObject form) {
							collect(form, form.getResources(), result);
						}
					}
					default -> {
					}
				}
				operands.clear();
			}
			else if (token instanceof COSName name) {
				lastName = name;
			}
		}
	}

	private static int column(Row head, String name) {
		for (Cell c : head) {
			if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(name)) {
				return c.getColumnIndex();
			}
		}
		throw new AssertionError("no column " + name);
	}

	static Row rowOf(Sheet sheet, String label) {
		for (Row r : sheet) {
			Cell c = r.getCell(0);
			if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(label)) {
				return r;
			}
		}
		throw new AssertionError("no row " + label);
	}

	static String text(Sheet sheet) {
		StringBuilder s = new StringBuilder();
		for (Row r : sheet) {
			for (Cell c : r) {
				if (c.getCellType() == CellType.STRING) {
					s.append(c.getStringCellValue()).append('\n');
				}
			}
		}
		return s.toString();
	}
}
