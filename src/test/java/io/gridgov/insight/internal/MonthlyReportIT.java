package io.gridgov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.gridgov.geo.WaihaiDemo;
import io.gridgov.insight.internal.MonthlyReport.Column;
import io.gridgov.insight.internal.MonthlyReport.Lang;
import io.gridgov.insight.internal.MonthlyReport.Unit;
import io.gridgov.support.ApiClient;
import io.gridgov.support.ApiClient.Download;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The monthly report downloads of the Waihai demo's June 2024: every figure of the workbook equals
 * the insight API's summary, breakdowns and daily trend for the same month and region, the PDF
 * carries the title and the headline figures as text, each download is audited, and the report is
 * refused like every insight query (permission, scope, bad input).
 */
class MonthlyReportIT extends IntegrationTest {

	static final String MONTH = "2024-06";
	static final String PERIOD = "from=2024-06-01&to=2024-06-30";

	@Test
	void theWorkbookShowsTheFiguresOfTheSummaryBreakdownAndTrendApiForTheMonth() throws IOException {
		ApiClient leader = signedIn("leader");
		Download file = leader.download("GET", "/api/insight/reports/monthly.xlsx?month=" + MONTH, null);
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		JsonNode summary = leader.get("/api/insight/summary?" + PERIOD).expectStatus(200).json();
		assertThat(summary.path("indicators").path("reported").asLong()).as("the demo has cases in June 2024").isPositive();
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
			Sheet cover = book.getSheet("概况");
			for (Column c : MonthlyReport.TABLE) {
				if (c.periodic) {
					assertFigure(ReportFilesTest.rowOf(cover, c.header(Lang.ZH)).getCell(1), c, summary.path("indicators"), "summary");
				}
			}
			assertThat(ReportFilesTest.text(cover)).contains(summary.path("scope").path("regionName").asString(), MONTH, "leader");

			for (String by : List.of("community", "grid", "department")) {
				Sheet sheet = book.getSheet(Map.of("community", "按社区", "grid", "按网格", "department", "按部门").get(by));
				JsonNode rows = leader.get("/api/insight/breakdown?by=" + by + "&" + PERIOD).expectStatus(200).json().path("rows");
				Map<String, Row> byKey = rowsByCode(sheet);
				assertThat(byKey).as(by).hasSize(rows.size() + 1);
				for (JsonNode r : rows) {
					Row row = byKey.get(r.path("key").asString());
					assertThat(row).as(by + " " + r.path("key")).isNotNull();
					assertRow(sheet.getRow(0), row, r.path("indicators"), by + " " + r.path("key"));
				}
				assertRow(sheet.getRow(0), byKey.get(WaihaiDemo.WAIHAI.value()), summary.path("indicators"), by + " total");
				assertRankedByClosureRate(sheet);
			}

			Sheet days = book.getSheet("每日趋势");
			JsonNode points = leader.get("/api/insight/trend?granularity=day&" + PERIOD).expectStatus(200).json().path("points");
			assertThat(days.getLastRowNum()).isEqualTo(30).isEqualTo(points.size());
			long reported = 0;
			for (int i = 0; i < points.size(); i++) {
				Row row = days.getRow(i + 1);
				assertThat(row.getCell(0).getLocalDateTimeCellValue().toLocalDate().toString())
					.isEqualTo(points.get(i).path("start").asString());
				assertRow(days.getRow(0), row, points.get(i).path("indicators"), "day " + (i + 1));
				reported += points.get(i).path("indicators").path("reported").asLong();
			}
			assertThat(reported).isEqualTo(summary.path("indicators").path("reported").asLong());

			JsonNode may = leader.get("/api/insight/summary?from=2024-05-01&to=2024-05-31").expectStatus(200).json();
			Row closure = ReportFilesTest.rowOf(cover, Column.CLOSURE_RATE.header(Lang.ZH));
			assertFigure(closure.getCell(2), Column.CLOSURE_RATE, may.path("indicators"), "previous month");
			assertThat(closure.getCell(3).getNumericCellValue()).isCloseTo(100 * (summary.path("indicators")
				.path("closureRate").asDouble() - may.path("indicators").path("closureRate").asDouble()), within(1e-9));
		}
	}

	@Test
	void thePdfCarriesTheChineseTitleAndTheHeadlineFiguresOfTheApi() throws IOException {
		ApiClient leader = signedIn("leader");
		Download file = leader.download("GET", "/api/insight/reports/monthly.pdf?month=" + MONTH, null);
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.contentType()).startsWith("application/pdf");
		JsonNode summary = leader.get("/api/insight/summary?" + PERIOD).expectStatus(200).json();
		JsonNode i = summary.path("indicators");
		try (PDDocument document = Loader.loadPDF(file.body())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("月度综合评价报告", summary.path("scope").path("regionName").asString(), "2024 年 6 月",
					"共 " + document.getNumberOfPages() + " 页");
			for (Column c : List.of(Column.REPORTED, Column.ACCEPTED, Column.CLOSED, Column.CLOSURE_RATE,
					Column.ON_TIME_HANDLING_RATE, Column.CORRECT_DISPATCH_RATE, Column.SATISFACTION_RATE)) {
				assertThat(text).as(c.key).contains(c.name(Lang.ZH), c.text(api(c, i), Lang.ZH));
			}
			assertThat(text).doesNotContain("NaN");
		}
		Download english = leader.download("GET", "/api/insight/reports/monthly.pdf?month=" + MONTH + "&lang=en", null);
		try (PDDocument document = Loader.loadPDF(english.body())) {
			assertThat(new PDFTextStripper().getText(document)).contains("Monthly evaluation report", "Closure rate");
		}
	}

	@Test
	void everyDownloadWritesAnAuditRowOfWhoWhichReportRegionAndMonth() {
		String community = WaihaiDemo.CHENGHUANG.value();
		long before = exports(community);
		ApiClient command = signedIn("command");
		assertThat(command.download("GET", "/api/insight/reports/monthly.pdf?month=2024-03&region=" + community, null).status())
			.isEqualTo(200);
		assertThat(command.download("GET", "/api/insight/reports/monthly.xlsx?month=2024-03&region=" + community, null).status())
			.isEqualTo(200);
		assertThat(exports(community)).isEqualTo(before + 2);
		assertThat(jdbc.sql("""
				SELECT detail FROM identity_audit_log WHERE action = 'INSIGHT_REPORT_EXPORT' AND username = 'command'
				AND record_id = ? ORDER BY occurred_at DESC""").param(community).query(String.class).list())
			.anySatisfy(d -> assertThat(d).contains("xlsx", "2024-03", community))
			.anySatisfy(d -> assertThat(d).contains("pdf", "2024-03", community));
	}

	@Test
	void onlyInsightReadersGetTheReportAndOnlyOfTheirScope() {
		signedIn("gridworker").get("/api/insight/reports/monthly.xlsx?month=" + MONTH).expectStatus(403);
		signedIn("department").get("/api/insight/reports/monthly.pdf?month=" + MONTH).expectStatus(403);
		client().get("/api/insight/reports/monthly.pdf?month=" + MONTH).expectStatus(401);
		ApiClient leader = signedIn("leader");
		leader.get("/api/insight/reports/monthly.xlsx?month=" + MONTH + "&region=440704004000").expectProblem(404, "record.not-found");
		leader.get("/api/insight/reports/monthly.pdf?month=" + MONTH + "&region=440705003001").expectProblem(404, "record.not-found");
	}

	@Test
	void aBadMonthOrLanguageIsRefusedWithAnInsightProblem() {
		ApiClient leader = signedIn("leader");
		leader.get("/api/insight/reports/monthly.xlsx?month=2024-13").expectProblem(400, "insight.month-invalid");
		leader.get("/api/insight/reports/monthly.pdf?month=June").expectProblem(400, "insight.month-invalid");
		String next = YearMonth.now(Contributions.ZONE).plusMonths(1).toString();
		JsonNode future = leader.get("/api/insight/reports/monthly.pdf?month=" + next).expectProblem(400, "insight.month-future");
		assertThat(future.path("messages").path("zh-CN").asString()).contains(next);
		leader.get("/api/insight/reports/monthly.xlsx?month=" + MONTH + "&lang=fr")
			.expectProblem(400, "insight.report-language-unknown");
		leader.get("/api/insight/reports/monthly.xlsx?month=" + MONTH + "&region=4407").expectProblem(400, "insight.region-invalid");
	}

	// --- reading the workbook ---

	private long exports(String region) {
		return jdbc.sql("SELECT COUNT(*) FROM identity_audit_log WHERE action = 'INSIGHT_REPORT_EXPORT' AND record_id = ?")
			.param(region)
			.query(Long.class)
			.single();
	}

	/** The API's figure in the workbook's unit (hours for durations); null when the API has none. */
	private static Double api(Column c, JsonNode indicators) {
		JsonNode v = indicators.path(c.key);
		if (v.isNull() || v.isMissingNode()) {
			return null;
		}
		return c.unit == Unit.HOURS ? v.asDouble() / 3600 : v.asDouble();
	}

	private static void assertFigure(Cell cell, Column c, JsonNode indicators, String context) {
		Double expected = api(c, indicators);
		if (expected == null) {
			assertThat(cell.getStringCellValue()).as(context + " " + c.key).isEqualTo("—");
		}
		else {
			assertThat(cell.getCellType()).as(context + " " + c.key).isEqualTo(CellType.NUMERIC);
			assertThat(cell.getNumericCellValue()).as(context + " " + c.key).isCloseTo(expected, within(1e-9));
		}
	}

	/** Every periodic column of the row against the API's indicators (the figures of now move with the watcher). */
	private static void assertRow(Row head, Row row, JsonNode indicators, String context) {
		Map<String, Integer> columns = new HashMap<>();
		for (Cell c : head) {
			columns.put(c.getStringCellValue(), c.getColumnIndex());
		}
		for (Column c : MonthlyReport.TABLE) {
			Integer index = columns.get(c.header(Lang.ZH));
			if (c.periodic) {
				assertThat(index).as(context + " has a column " + c.key).isNotNull();
				assertFigure(row.getCell(index), c, indicators, context);
			}
		}
	}

	private static Map<String, Row> rowsByCode(Sheet sheet) {
		Map<String, Row> rows = new LinkedHashMap<>();
		for (Row r : sheet) {
			if (r.getRowNum() > 0) {
				rows.put(r.getCell(2).getStringCellValue(), r);
			}
		}
		return rows;
	}

	/** Ranks rise down the sheet while closure rates fall; unranked rows follow the ranked ones. */
	private static void assertRankedByClosureRate(Sheet sheet) {
		int closure = -1;
		for (Cell c : sheet.getRow(0)) {
			if (c.getStringCellValue().equals(Column.CLOSURE_RATE.header(Lang.ZH))) {
				closure = c.getColumnIndex();
			}
		}
		double previousRate = Double.MAX_VALUE;
		double previousRank = 0;
		boolean unranked = false;
		for (Row r : sheet) {
			if (r.getRowNum() == 0 || r.getRowNum() == sheet.getLastRowNum()) {
				continue;
			}
			Cell rank = r.getCell(0);
			if (rank == null) {
				unranked = true;
				continue;
			}
			assertThat(unranked).as("a ranked row after an unranked one in " + sheet.getSheetName()).isFalse();
			double rate = r.getCell(closure).getNumericCellValue();
			assertThat(rate).isLessThanOrEqualTo(previousRate);
			assertThat(rank.getNumericCellValue()).isGreaterThanOrEqualTo(previousRank);
			previousRate = rate;
			previousRank = rank.getNumericCellValue();
		}
	}
}
