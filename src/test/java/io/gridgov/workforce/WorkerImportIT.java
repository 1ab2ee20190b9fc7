package io.gridgov.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The grid-worker register imported from XLSX/CSV and exported to XLSX (ADR 0027). */
class WorkerImportIT extends IntegrationTest {

	static final String OWN_GRID = "440704003001001";
	static final String OTHER_GRID = "440704003001002";
	static final String OUTSIDE_GRID = "440704009001001";
	static final List<String> HEADER = List.of("姓名*", "手机号*", "用工类型*", "人员来源*", "网格编码*", "是否网格长");

	private static String phone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	private static byte[] xlsx(List<String> header, List<List<String>> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("网格员");
			List<List<String>> all = new ArrayList<>();
			all.add(header);
			all.addAll(rows);
			for (int r = 0; r < all.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < all.get(r).size(); c++) {
					if (all.get(r).get(c) != null) {
						row.createCell(c).setCellValue(all.get(r).get(c));
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private JsonNode importAndWait(ApiClient client, String name, byte[] content) throws InterruptedException {
		JsonNode job = client.postFile("/api/workforce/workers/imports", "file", name, content).expectStatus(202).json();
		String id = job.path("id").asString();
		for (int i = 0; i < 300; i++) {
			job = client.get("/api/workforce/workers/imports/" + id).expectStatus(200).json();
			if (job.path("status").asString().equals("DONE") || job.path("status").asString().equals("FAILED")) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import job did not finish: " + job);
	}

	private long workers() {
		return jdbc.sql("SELECT COUNT(*) FROM workforce_worker").query(Long.class).single();
	}

	private static Map<Integer, String> refusals(JsonNode job) {
		Map<Integer, String> refusals = new HashMap<>();
		for (JsonNode r : job.path("refusals")) {
			refusals.put(r.path("rowNo").asInt(), r.path("code").asString() + "@" + r.path("columnName").asString());
		}
		return refusals;
	}

	private JsonNode findByPhone(ApiClient client, String phone) {
		JsonNode page = client.get("/api/workforce/workers?q=" + phone).expectStatus(200).json();
		assertThat(page.path("total").asLong()).isOne();
		return page.path("items").get(0);
	}

	@Test
	void theTemplateHasTheRegistersChineseHeadersWithRequiredColumnsMarked() throws Exception {
		ApiClient.Download template = signedIn("command").download("GET", "/api/workforce/workers/imports/template", null);
		assertThat(template.status()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
			Row header = workbook.getSheetAt(0).getRow(0);
			List<String> cells = new ArrayList<>();
			header.forEach(cell -> cells.add(cell.getStringCellValue()));
			assertThat(cells).isEqualTo(HEADER);
			assertThat(workbook.getSheet("填写说明")).isNotNull();
		}
	}

	@Test
	void validRowsAreImportedRefusedRowsReportedByRowAndColumnAndReimportChangesNothing() throws Exception {
		String a = phone();
		String b = phone();
		StringBuilder fullWidth = new StringBuilder();
		b.chars().forEach(ch -> fullWidth.append((char) (ch + 0xFEE0)));
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("导入网格员甲", a, "专职", "社区工作人员", OWN_GRID, "否"));
		rows.add(List.of("导入网格员乙", fullWidth.toString(), "PART_TIME", "外卖骑手", OWN_GRID + "、" + OTHER_GRID, "否"));
		rows.add(List.of("坏电话", "12345", "兼职", "志愿者", OWN_GRID, "否"));
		rows.add(List.of("坏类型", phone(), "临时工", "志愿者", OWN_GRID, "否"));
		rows.add(List.of("坏来源", phone(), "兼职", "路人", OWN_GRID, "否"));
		rows.add(List.of("外网格", phone(), "兼职", "志愿者", OUTSIDE_GRID, "否"));
		rows.add(List.of("抢网格长", phone(), "专职", "社区工作人员", OWN_GRID, "是"));
		rows.add(List.of("", phone(), "兼职", "志愿者", OWN_GRID, "否"));
		byte[] file = xlsx(HEADER, rows);
		ApiClient command = signedIn("command");
		long before = workers();
		JsonNode job = importAndWait(command, "网格员.xlsx", file);
		assertThat(job.path("status").asString()).isEqualTo("DONE");
		assertThat(job.path("total").asInt()).isEqualTo(8);
		assertThat(job.path("accepted").asInt()).as(job.toString()).isEqualTo(2);
		assertThat(job.path("refused").asInt()).isEqualTo(6);
		assertThat(workers() - before).isEqualTo(2);
		assertThat(refusals(job)).containsEntry(4, "workforce.phone-invalid@手机号")
			.containsEntry(5, "workforce.employment-invalid@用工类型")
			.containsEntry(6, "workforce.source-invalid@人员来源")
			.containsEntry(7, "workforce.grid-unknown@网格编码")
			.as("one lead per grid: the own grid has its lead already")
			.containsEntry(8, "workforce.grid-has-lead@是否网格长")
			.containsEntry(9, "workforce.name-invalid@姓名");
		JsonNode second = findByPhone(command, b);
		assertThat(second.path("source").asString()).isEqualTo("DELIVERY_RIDER");
		assertThat(second.path("grids").findValuesAsString("code")).containsExactlyInAnyOrder(OWN_GRID, OTHER_GRID);
		assertThat(second.path("phoneMasked").asString()).doesNotContain(b);
		String stored = jdbc.sql("SELECT phone_cipher FROM workforce_worker WHERE id = ?")
			.param(java.util.UUID.fromString(second.path("id").asString()))
			.query(String.class)
			.single();
		assertThat(stored).as("the phone is stored encrypted").doesNotContain(b);

		ApiClient.Download report = command.download("GET",
				"/api/workforce/workers/imports/" + job.path("id").asString() + "/report", null);
		assertThat(report.status()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
			Sheet refused = workbook.getSheet("被拒绝的行");
			assertThat(refused.getLastRowNum()).isEqualTo(6);
			assertThat(refused.getRow(1).getCell(0).getStringCellValue()).isEqualTo("4");
			assertThat(refused.getRow(1).getCell(1).getStringCellValue()).isEqualTo("手机号");
			assertThat(refused.getRow(1).getCell(2).getStringCellValue()).contains("手机");
		}

		JsonNode again = importAndWait(command, "网格员.xlsx", file);
		assertThat(again.path("accepted").asInt()).isZero();
		assertThat(again.path("updated").asInt()).isZero();
		assertThat(again.path("unchanged").asInt()).isEqualTo(2);
		assertThat(workers() - before).as("re-importing the same file changes nothing").isEqualTo(2);

		rows.set(0, List.of("导入网格员甲", a, "兼职", "快递员", OWN_GRID, "否"));
		JsonNode changed = importAndWait(command, "网格员.xlsx", xlsx(HEADER, rows.subList(0, 2)));
		assertThat(changed.path("updated").asInt()).as(changed.toString()).isOne();
		assertThat(changed.path("unchanged").asInt()).isOne();
		assertThat(workers() - before).as("a duplicate phone updates, never doubles").isEqualTo(2);
		assertThat(findByPhone(command, a).path("source").asString()).isEqualTo("COURIER");
	}

	@Test
	void aGbkCsvIsReadAndAWrongTemplateWritesNothing() throws Exception {
		String a = phone();
		String csv = "姓名,手机号,用工类型,人员来源,网格编码\n广东网格员," + a + ",兼职,志愿者," + OWN_GRID + "\n";
		ApiClient command = signedIn("command");
		JsonNode job = importAndWait(command, "gbk.csv", csv.getBytes(Charset.forName("GBK")));
		assertThat(job.path("accepted").asInt()).as(job.toString()).isOne();
		assertThat(findByPhone(command, a).path("name").asString()).isEqualTo("广东网格员");

		long before = workers();
		JsonNode wrong = importAndWait(command, "wrong.csv", ("名字,电话\n某人," + phone() + "\n").getBytes(Charset.forName("GBK")));
		assertThat(wrong.path("status").asString()).isEqualTo("FAILED");
		assertThat(wrong.path("problem").path("code").asString()).isEqualTo("import.wrong-template");
		assertThat(wrong.path("problem").path("zh-CN").asString()).contains("姓名", "手机号");
		assertThat(workers()).isEqualTo(before);
	}

	@Test
	void onlyWorkerManagersImportAndOnlyTheirOwnJobs() throws Exception {
		byte[] file = xlsx(HEADER, List.of(List.of("无权导入", phone(), "兼职", "志愿者", OWN_GRID, "否")));
		signedIn("gridworker").postFile("/api/workforce/workers/imports", "file", "a.xlsx", file).expectStatus(403);
		signedIn("command").postFile("/api/workforce/workers/imports", "file", "old.xls", new byte[10])
			.expectProblem(400, "import.file-type");
		JsonNode job = importAndWait(signedIn("command"), "mine.xlsx", file);
		signedIn("admin").get("/api/workforce/workers/imports/" + job.path("id").asString())
			.expectProblem(404, "record.not-found");
	}

	@Test
	void exportIsScopedMaskedAndWatermarkedAndRevealNeedsPermissionAndReasonAndIsAudited() throws Exception {
		ApiClient gridworker = signedIn("gridworker");
		ApiClient.Download masked = gridworker.download("POST", "/api/workforce/workers/export", Map.of("reveal", false));
		assertThat(masked.status()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(masked.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("gridworker", "导出时间", "已脱敏");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("姓名");
			assertThat(sheet.getLastRowNum()).isGreaterThan(1);
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				assertThat(sheet.getRow(r).getCell(1).getStringCellValue()).matches("1[3-9]\\d\\*{4}\\d{4}");
				assertThat(sheet.getRow(r).getCell(4).getStringCellValue()).isEqualTo(OWN_GRID);
			}
		}
		assertThat(gridworker.download("POST", "/api/workforce/workers/export", Map.of("reveal", true, "reason", "核对名单"))
			.status()).as("revealing needs personaldata.reveal").isEqualTo(403);
		assertThat(signedIn("auditor").download("POST", "/api/workforce/workers/export", Map.of("reveal", false)).status())
			.as("exporting needs workers.read").isEqualTo(403);
		ApiClient command = signedIn("command");
		assertThat(command.download("POST", "/api/workforce/workers/export", Map.of("reveal", true, "reason", " ")).status())
			.isEqualTo(400);

		String a = phone();
		importAndWait(command, "one.xlsx", xlsx(HEADER, List.of(List.of("导出网格员", a, "兼职", "志愿者", OWN_GRID, "否"))));
		ApiClient.Download full = command.download("POST", "/api/workforce/workers/export",
				Map.of("reveal", true, "reason", "网格员名单报送", "q", a));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(full.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("command", "未脱敏");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("导出网格员");
			assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo(a);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_log WHERE action = 'PERSONAL_DATA_REVEAL' AND detail LIKE ?")
			.param("%网格员名单报送%")
			.query(Long.class)
			.single()).isOne();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_log WHERE action = 'WORKER_EXPORT' AND detail LIKE ?")
			.param("%unmasked%网格员名单报送%")
			.query(Long.class)
			.single()).isOne();
	}
}
