package io.gridgov.cases.internal.hotline;

import static io.gridgov.cases.internal.hotline.WorkOrderFiles.HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;

import io.gridgov.geo.Grids;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The 12345 work-order import over HTTP: good rows become cases once, bad rows are reported, bad files import nothing. */
class HotlineImportIT extends IntegrationTest {

	static final String GRID = "440704003001001";

	@Autowired
	Grids grids;

	private static List<Object> row(Object... cells) {
		return new ArrayList<>(Arrays.asList(cells));
	}

	private long importedCases() {
		return jdbc.sql("SELECT COUNT(*) FROM cases_case WHERE source = 'IMPORT'").query(Long.class).single();
	}

	private byte[] workOrders(String batch) {
		Point p = grids.find(RegionCode.of(GRID)).orElseThrow().interiorPoint();
		return WorkOrderFiles.xlsx(List.of(HEADER,
				row(batch + "-1", "2026-09-15 08:30", "李先生", 13800138000L, "暴露垃圾", "小区门口垃圾堆积", "海滨路 1 号", p.getX(),
						p.getY(), ""),
				row(batch + "-2", "", "", "", "EXPOSED_GARBAGE", "绿化带有垃圾", "", "", "", GRID),
				row(batch + "-3", "", "", "", "占道经营", "路口有流动摊贩", "", 100.0, 30.0, ""),
				row(batch + "-4", "", "", "", "乱扔烟头", "不存在的类别", "", p.getX(), p.getY(), ""),
				row(batch + "-5", "", "", "12345", "暴露垃圾", "电话不对", "", p.getX(), p.getY(), ""),
				row(batch + "-6", "", "", "", "暴露垃圾", "网格不存在", "", "", "", "440704003999999")));
	}

	@Test
	void validRowsBecomeImportedCasesInvalidRowsAreReportedAndASecondUploadCreatesNothing() {
		String batch = "IT" + UUID.randomUUID().toString().substring(0, 8);
		byte[] file = workOrders(batch);
		ApiClient command = signedIn("command");
		long auditsBefore = jdbc.sql("SELECT COUNT(*) FROM identity_audit_log WHERE action = 'CASE_IMPORT'")
			.query(Long.class)
			.single();

		JsonNode result = command.postFile("/api/cases/import", "file", "工单.xlsx", file).expectStatus(200).json();

		assertThat(result.path("accepted").asInt()).isEqualTo(3);
		assertThat(result.path("unchanged").asInt()).isZero();
		assertThat(result.path("caseIds")).hasSize(3);
		JsonNode refused = result.path("refused");
		assertThat(refused).hasSize(3);
		assertThat(refused.get(0).path("row").asInt()).isEqualTo(5);
		assertThat(refused.get(0).path("column").asString()).isEqualTo("诉求类别");
		assertThat(refused.get(0).path("code").asString()).isEqualTo("cases.import-category-unknown");
		assertThat(refused.get(0).path("message").asString()).contains("乱扔烟头");
		assertThat(refused.get(1).path("row").asInt()).isEqualTo(6);
		assertThat(refused.get(1).path("column").asString()).isEqualTo("联系电话");
		assertThat(refused.get(1).path("code").asString()).isEqualTo("cases.phone-invalid");
		assertThat(refused.get(2).path("row").asInt()).isEqualTo(7);
		assertThat(refused.get(2).path("column").asString()).isEqualTo("网格编码");
		assertThat(refused.get(2).path("code").asString()).isEqualTo("cases.grid-unknown");

		JsonNode first = command.get("/api/cases/" + result.path("caseIds").get(0).asString()).expectStatus(200).json();
		assertThat(first.path("source").asString()).isEqualTo("IMPORT");
		assertThat(first.path("status").asString()).isEqualTo("REPORTED");
		assertThat(first.path("gridCode").asString()).isEqualTo(GRID);
		assertThat(first.path("hotlineOrderNo").asString()).isEqualTo(batch + "-1");
		assertThat(first.path("description").asString()).isEqualTo("【来电时间 2026-09-15 08:30】小区门口垃圾堆积");
		assertThat(first.path("reporter").path("phoneMasked").asString()).isEqualTo("138****8000");
		assertThat(first.toString()).doesNotContain("13800138000");
		JsonNode byGrid = command.get("/api/cases/" + result.path("caseIds").get(1).asString()).expectStatus(200).json();
		assertThat(byGrid.path("gridCode").asString()).isEqualTo(GRID);
		JsonNode outside = command.get("/api/cases/" + result.path("caseIds").get(2).asString()).expectStatus(200).json();
		assertThat(outside.path("unassigned").asBoolean()).isTrue();

		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_log WHERE action = 'CASE_REPORT' AND record_id IN (?, ?, ?)")
			.params(result.path("caseIds").get(0).asString(), result.path("caseIds").get(1).asString(),
					result.path("caseIds").get(2).asString())
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_log WHERE action = 'CASE_IMPORT'").query(Long.class).single())
			.isEqualTo(auditsBefore + 1);

		long before = importedCases();
		JsonNode again = command.postFile("/api/cases/import", "file", "工单.xlsx", file).expectStatus(200).json();
		assertThat(again.path("accepted").asInt()).isZero();
		assertThat(again.path("unchanged").asInt()).isEqualTo(3);
		assertThat(again.path("caseIds")).isEmpty();
		assertThat(again.path("refused")).hasSize(3);
		assertThat(importedCases()).isEqualTo(before);
	}

	@Test
	void refusedRowsAreExplainedInTheRequestsLanguage() {
		String batch = "EN" + UUID.randomUUID().toString().substring(0, 8);
		byte[] csv = WorkOrderFiles.csv(List.of(HEADER, row(batch, "", "", "", "nonsense", "text", "", "", "", GRID)))
			.getBytes(StandardCharsets.UTF_8);
		ApiClient command = signedIn("command").language("en");
		JsonNode result = command.postFile("/api/cases/import", "file", "orders.csv", csv).expectStatus(200).json();
		assertThat(result.path("accepted").asInt()).isZero();
		assertThat(result.path("refused").get(0).path("message").asString()).startsWith("Category \"nonsense\" does not exist");
	}

	@Test
	void aFileThatCannotBeReadIsOneProblemAndImportsNothing() {
		ApiClient command = signedIn("command");
		long before = importedCases();
		command.postFile("/api/cases/import", "file", "orders.xlsx", WorkOrderFiles.zipBomb())
			.expectProblem(400, "cases.import-zip-bomb");
		byte[] garbage = new byte[2048];
		new java.util.Random(1).nextBytes(garbage);
		garbage[10] = 0;
		command.postFile("/api/cases/import", "file", "orders.csv", garbage).expectProblem(400, "cases.import-unreadable");
		byte[] wrongTemplate = WorkOrderFiles.csv(List.of(List.of("姓名", "电话"), List.of("张三", "13800138000")))
			.getBytes(StandardCharsets.UTF_8);
		command.postFile("/api/cases/import", "file", "orders.csv", wrongTemplate)
			.expectProblem(422, "cases.import-columns-missing");
		command.postFile("/api/cases/import", "file", "orders.csv", new byte[0]).expectProblem(400, "cases.import-empty");
		assertThat(importedCases()).isEqualTo(before);
	}

	@Test
	void onlyUsersWhoMayReportCasesMayImport() {
		byte[] file = workOrders("DEPT" + UUID.randomUUID().toString().substring(0, 8));
		signedIn("department").postFile("/api/cases/import", "file", "工单.xlsx", file)
			.expectProblem(403, "security.forbidden");
	}

	@Test
	void theTemplatesAreDownloadable() {
		ApiClient command = signedIn("command");
		var xlsx = command.get("/api/cases/import/template.xlsx").expectStatus(200);
		assertThat(xlsx.contentType()).isEqualTo(HotlineImportController.XLSX.toString());
		assertThat(xlsx.body()).startsWith("PK");
		var csv = command.get("/api/cases/import/template.csv").expectStatus(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).contains("工单号,来电时间,来电人,联系电话,诉求类别,诉求内容,地址,经度,纬度,网格编码");
	}
}
