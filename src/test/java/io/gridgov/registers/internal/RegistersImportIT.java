package io.gridgov.registers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class RegistersImportIT extends IntegrationTest {

	static final String OWN_GRID = "440704003001001";
	static final String VILLAGE_GRID = "440704003201001";
	static final List<String> HEADER = List.of("姓名*", "身份证号*", "手机号", "出生日期", "网格编码", "地址", "户籍类型", "标签");

	private static byte[] xlsx(List<String> header, List<List<Object>> rows, java.util.function.Consumer<XSSFWorkbook> extra)
			throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("居民");
			Row head = sheet.createRow(0);
			for (int i = 0; i < header.size(); i++) {
				head.createCell(i).setCellValue(header.get(i));
			}
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<Object> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					Object v = values.get(c);
					if (v == null) {
						continue;
					}
					Cell cell = row.createCell(c);
					if (v instanceof java.time.LocalDate d) {
						cell.setCellValue(d);
						cell.setCellStyle(date);
					}
					else if (v instanceof Number n) {
						cell.setCellValue(n.doubleValue());
					}
					else if (v instanceof String s && s.startsWith("=")) {
						cell.setCellFormula(s.substring(1));
					}
					else {
						cell.setCellValue(String.valueOf(v));
					}
				}
			}
			if (extra != null) {
				extra.accept(workbook);
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private JsonNode importAndWait(ApiClient client, String kind, String name, byte[] content) throws InterruptedException {
		JsonNode job = client.postFile("/api/registers/imports?kind=" + kind, "file", name, content).expectStatus(202).json();
		String id = job.path("id").asString();
		for (int i = 0; i < 300; i++) {
			job = client.get("/api/registers/imports/" + id).expectStatus(200).json();
			if (job.path("status").asString().equals("DONE") || job.path("status").asString().equals("FAILED")) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import job did not finish: " + job);
	}

	private long residents() {
		return jdbc.sql("SELECT COUNT(*) FROM registers_resident").query(Long.class).single();
	}

	@Test
	void validRowsAreImportedRefusedRowsReportedAndReimportChangesNothing(CapturedOutput output) throws Exception {
		String a = RegisterFixtures.idNumber();
		String b = RegisterFixtures.idNumber();
		String c = RegisterFixtures.idNumber();
		String phone = RegisterFixtures.phone();
		StringBuilder fullWidth = new StringBuilder();
		c.chars().forEach(ch -> fullWidth.append(Character.isDigit(ch) ? (char) (ch + 0xFEE0) : (char) ch));
		String badSum = a.substring(0, 17) + (a.charAt(17) == '1' ? '2' : '1');
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("导入甲", a, phone, birth(a), OWN_GRID, "城隍路1号", "户籍", "独居老人、残疾人"));
		rows.add(java.util.Arrays.asList("导入乙", b, null, birth(b).toString().replace("-", "/"), OWN_GRID, null, "流动", null));
		rows.add(java.util.Arrays.asList("导入丙", fullWidth.toString(), null, null, OWN_GRID, null, null, null));
		rows.add(java.util.Arrays.asList("坏校验", badSum, null, null, OWN_GRID, null, null, null));
		rows.add(java.util.Arrays.asList("坏电话", RegisterFixtures.idNumber(), "12345", null, OWN_GRID, null, null, null));
		rows.add(java.util.Arrays.asList("坏标签", RegisterFixtures.idNumber(), null, null, OWN_GRID, null, null, "不存在的标签"));
		rows.add(java.util.Arrays.asList("外网格", RegisterFixtures.idNumber(), null, null, "440704009001001", null, null, null));
		rows.add(java.util.Arrays.asList("公式无值", "=A1", null, null, OWN_GRID, null, null, null));
		rows.add(java.util.Arrays.asList("数字身份证", 440704199001011234.0, null, null, OWN_GRID, null, null, null));
		byte[] file = xlsx(HEADER, rows, null);
		ApiClient command = signedIn("command");
		long before = residents();
		JsonNode job = importAndWait(command, "RESIDENT", "居民.xlsx", file);
		assertThat(job.path("status").asString()).isEqualTo("DONE");
		assertThat(job.path("total").asInt()).isEqualTo(9);
		assertThat(job.path("accepted").asInt()).isEqualTo(3);
		assertThat(job.path("refused").asInt()).isEqualTo(6);
		assertThat(residents() - before).isEqualTo(3);
		Map<Integer, String> refusals = new java.util.HashMap<>();
		for (JsonNode r : job.path("refusals")) {
			refusals.put(r.path("rowNo").asInt(), r.path("code").asString() + "@" + r.path("columnName").asString());
		}
		assertThat(refusals).containsEntry(5, "registers.id-number-checksum@身份证号")
			.containsEntry(6, "registers.phone-invalid@手机号")
			.containsEntry(7, "registers.tag-unknown@标签")
			.containsEntry(8, "registers.grid-unknown@网格编码")
			.containsEntry(9, "import.formula-no-value@身份证号")
			.containsEntry(10, "import.number-precision@身份证号");
		assertThat(command.get("/api/registers/residents?q=" + c).json().path("total").asLong()).isOne();
		JsonNode imported = command.get("/api/registers/residents?q=" + a).json().path("items").get(0);
		assertThat(imported.path("tags").findValuesAsString("")).isEmpty();
		assertThat(imported.path("tags").toString()).contains("ELDERLY_ALONE", "DISABLED");

		ApiClient.Download report = command.download("GET", "/api/registers/imports/" + job.path("id").asString() + "/report", null);
		assertThat(report.status()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
			Sheet refused = workbook.getSheet("被拒绝的行");
			assertThat(refused.getLastRowNum()).isEqualTo(6);
			assertThat(refused.getRow(1).getCell(0).getStringCellValue()).isEqualTo("5");
		}

		JsonNode again = importAndWait(command, "RESIDENT", "居民.xlsx", file);
		assertThat(again.path("accepted").asInt()).isZero();
		assertThat(again.path("updated").asInt()).isZero();
		assertThat(again.path("unchanged").asInt()).isEqualTo(3);
		assertThat(residents() - before).isEqualTo(3);

		rows.set(1, java.util.Arrays.asList("导入乙", b, null, null, OWN_GRID, null, "户籍", null));
		JsonNode changed = importAndWait(command, "RESIDENT", "居民.xlsx", xlsx(HEADER, rows.subList(0, 3), null));
		assertThat(changed.path("updated").asInt()).isOne();
		assertThat(changed.path("unchanged").asInt()).isEqualTo(2);
		assertThat(residents() - before).as("a duplicate updates, never doubles").isEqualTo(3);

		assertThat(output.getAll()).as("no personal data in the logs").doesNotContain(a).doesNotContain(b).doesNotContain(c)
			.doesNotContain(phone).doesNotContain(badSum);
	}

	private static java.time.LocalDate birth(String id) {
		return java.time.LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
				Integer.parseInt(id.substring(12, 14)));
	}

	@Test
	void datesAsExcelNumbersAndFormulasWithCachedValuesAreRead() throws Exception {
		String a = RegisterFixtures.idNumber();
		java.time.LocalDate born = birth(a);
		double serial = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(1899, 12, 30), born);
		byte[] file = xlsx(HEADER, List.of(java.util.Arrays.asList("=\"公式\"&\"甲\"", a, null, serial, OWN_GRID, null, null, null)),
				wb -> wb.getCreationHelper().createFormulaEvaluator().evaluateAll());
		JsonNode job = importAndWait(signedIn("command"), "RESIDENT", "dates.xlsx", file);
		assertThat(job.path("accepted").asInt()).as(job.toString()).isOne();
		assertThat(signedIn("command").get("/api/registers/residents?q=" + a).json().path("items").get(0).path("name").asString())
			.isEqualTo("公式甲");
	}

	@Test
	void anIdNumberTwiceInOneFileIsRegisteredOnceAndTheLaterRowUpdatesIt() throws Exception {
		String a = RegisterFixtures.idNumber();
		String csv = "姓名,身份证号,网格编码,户籍类型\n重复甲," + a + "," + OWN_GRID + ",户籍\n重复甲," + a + "," + OWN_GRID + ",流动\n";
		ApiClient command = signedIn("command");
		long before = residents();
		JsonNode job = importAndWait(command, "RESIDENT", "twice.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job.path("accepted").asInt()).as(job.toString()).isOne();
		assertThat(job.path("updated").asInt()).isOne();
		assertThat(residents() - before).isOne();
		assertThat(command.get("/api/registers/residents?q=" + a).json().path("items").get(0).path("residency").asString())
			.isEqualTo("FLOATING");
	}

	@Test
	void residentsAtOneAddressShareOneHouseholdHeadedByTheMemberMarkedHead() throws Exception {
		String member = RegisterFixtures.idNumber();
		String head = RegisterFixtures.idNumber();
		String other = RegisterFixtures.idNumber();
		String address = "户主路" + System.nanoTime() % 1_000_000 + "号";
		String csv = "姓名,身份证号,网格编码,地址,楼栋,单元,房号,是否户主\n" + "成员甲," + member + "," + OWN_GRID + "," + address
				+ ",1,2,301,否\n" + "户主乙," + head + "," + OWN_GRID + "," + address + ",1,2,301,是\n" + "邻居丙," + other + ","
				+ OWN_GRID + "," + address + ",1,2,302,否\n";
		ApiClient command = signedIn("command");
		JsonNode job = importAndWait(command, "RESIDENT", "household.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job.path("accepted").asInt()).as(job.toString()).isEqualTo(3);
		java.util.UUID memberHousehold = household(command, member);
		assertThat(household(command, head)).isEqualTo(memberHousehold);
		assertThat(household(command, other)).isNotEqualTo(memberHousehold);
		java.util.UUID headId = java.util.UUID.fromString(
				command.get("/api/registers/residents?q=" + head).json().path("items").get(0).path("id").asString());
		assertThat(jdbc.sql("SELECT head_id FROM registers_household WHERE id = ?")
			.param(memberHousehold)
			.query(java.util.UUID.class)
			.single()).isEqualTo(headId);
		assertThat(importAndWait(command, "RESIDENT", "household.csv", csv.getBytes(StandardCharsets.UTF_8)).path("unchanged")
			.asInt()).isEqualTo(3);
	}

	private java.util.UUID household(ApiClient client, String idNumber) {
		String id = client.get("/api/registers/residents?q=" + idNumber).json().path("items").get(0).path("id").asString();
		return jdbc.sql("SELECT household_id FROM registers_resident WHERE id = ?")
			.param(java.util.UUID.fromString(id))
			.query(java.util.UUID.class)
			.single();
	}

	@Test
	void csvFilesInGbkAndUtf8WithABomAreRead() throws Exception {
		String a = RegisterFixtures.idNumber();
		String b = RegisterFixtures.idNumber();
		String gbk = "姓名,身份证号,网格编码,户籍类型\n广东甲," + a + "," + OWN_GRID + ",流动\n";
		ApiClient command = signedIn("command");
		JsonNode job = importAndWait(command, "RESIDENT", "gbk.csv", gbk.getBytes(Charset.forName("GBK")));
		assertThat(job.path("accepted").asInt()).as(job.toString()).isOne();
		assertThat(command.get("/api/registers/residents?q=" + a).json().path("items").get(0).path("name").asString())
			.isEqualTo("广东甲");
		byte[] utf8 = ("\uFEFF姓名,身份证号,网格编码,出生日期\n江门乙," + b + "," + OWN_GRID + "," + birth(b).toString().replace("-", "")
				+ "\n").getBytes(StandardCharsets.UTF_8);
		assertThat(importAndWait(command, "RESIDENT", "bom.csv", utf8).path("accepted").asInt()).isOne();
	}

	@Test
	void aFileThatCannotBeImportedAtAllWritesNothingAndSaysWhy() throws Exception {
		ApiClient command = signedIn("command");
		long before = residents();
		byte[] wrongTemplate = xlsx(List.of("名字", "电话"), List.of(List.of("某人", "13800000000")), null);
		JsonNode wrong = importAndWait(command, "RESIDENT", "wrong.xlsx", wrongTemplate);
		assertThat(wrong.path("status").asString()).isEqualTo("FAILED");
		assertThat(wrong.path("problem").path("code").asString()).isEqualTo("import.wrong-template");
		assertThat(wrong.path("problem").path("zh-CN").asString()).contains("姓名", "身份证号");

		byte[] merged = xlsx(HEADER, List.of(java.util.Arrays.asList("合并甲", RegisterFixtures.idNumber(), null, null, OWN_GRID),
				java.util.Arrays.asList("合并乙", RegisterFixtures.idNumber(), null, null, null)),
				wb -> wb.getSheetAt(0).addMergedRegion(new CellRangeAddress(1, 2, 4, 4)));
		JsonNode mergedJob = importAndWait(command, "RESIDENT", "merged.xlsx", merged);
		assertThat(mergedJob.path("problem").path("code").asString()).isEqualTo("import.merged-cells");

		JsonNode garbage = importAndWait(command, "RESIDENT", "garbage.xlsx", "not a spreadsheet".getBytes(StandardCharsets.UTF_8));
		assertThat(garbage.path("problem").path("code").asString()).isEqualTo("import.unreadable");

		JsonNode bomb = importAndWait(command, "RESIDENT", "bomb.xlsx", zipBomb(xlsx(HEADER,
				List.of(java.util.Arrays.asList("炸弹", RegisterFixtures.idNumber(), null, null, OWN_GRID)), null)));
		assertThat(bomb.path("problem").path("code").asString()).isEqualTo("import.zip-bomb");
		assertThat(residents()).isEqualTo(before);

		command.postFile("/api/registers/imports?kind=RESIDENT", "file", "old.xls", new byte[10])
			.expectProblem(400, "import.file-type");
		signedIn("gridworker").postFile("/api/registers/imports?kind=RESIDENT", "file", "a.csv", new byte[10]).expectStatus(403);
	}

	@Test
	void aHundredMegabyteFileIsRefusedClearly() {
		byte[] big = new byte[100 * 1024 * 1024];
		java.util.Arrays.fill(big, (byte) 'a');
		ApiClient.Response response = signedIn("command").postFile("/api/registers/imports?kind=RESIDENT", "file", "big.csv", big);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().path("code").asString()).isEqualTo("request.too-large");
	}

	/** The same workbook with its sheet padded by 30 MB of spaces, which compress about a thousand to one. */
	private static byte[] zipBomb(byte[] xlsx) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(content, StandardCharsets.UTF_8);
					int at = xml.indexOf("<sheetData");
					zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
					byte[] spaces = new byte[1 << 20];
					java.util.Arrays.fill(spaces, (byte) ' ');
					for (int i = 0; i < 30; i++) {
						zip.write(spaces);
					}
					zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
				}
				else {
					zip.write(content);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	@Test
	void exportIsMaskedScopedAndWatermarkedAndRevealNeedsAReason() throws Exception {
		ApiClient command = signedIn("command");
		String village = RegisterFixtures.idNumber();
		command.post("/api/registers/residents", RegisterFixtures.resident("导出村民", village, null, VILLAGE_GRID)).expectStatus(201);
		String own = RegisterFixtures.idNumber();
		command.post("/api/registers/residents", RegisterFixtures.resident("导出居民", own, null, OWN_GRID)).expectStatus(201);
		ApiClient gridworker = signedIn("gridworker");
		ApiClient.Download masked = gridworker.download("POST", "/api/registers/residents/export", Map.of("reveal", false));
		assertThat(masked.status()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(masked.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("gridworker").contains("导出时间");
			List<String> names = new ArrayList<>();
			List<String> grids = new ArrayList<>();
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				names.add(sheet.getRow(r).getCell(0).getStringCellValue());
				grids.add(sheet.getRow(r).getCell(5).getStringCellValue());
				Cell id = sheet.getRow(r).getCell(1);
				if (id != null) {
					assertThat(id.getStringCellValue()).matches("\\d{6}\\*{8}[\\dX]{4}");
				}
			}
			assertThat(names).contains("导出居民").doesNotContain("导出村民");
			assertThat(grids).containsOnly(OWN_GRID);
		}
		assertThat(gridworker.download("POST", "/api/registers/residents/export", Map.of("reveal", true, "reason", "核查"))
			.status()).isEqualTo(403);
		assertThat(command.download("POST", "/api/registers/residents/export", Map.of("reveal", true, "reason", " "))
			.status()).isEqualTo(400);
		ApiClient.Download full = command.download("POST", "/api/registers/residents/export",
				Map.of("reveal", true, "reason", "民政核对", "q", own));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(full.body()))) {
			assertThat(workbook.getSheetAt(0).getRow(2).getCell(1).getStringCellValue()).isEqualTo(own);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_log WHERE action = 'PERSONAL_DATA_REVEAL' AND detail LIKE ?")
			.param("%民政核对%")
			.query(Long.class)
			.single()).isOne();
		ApiClient.Download template = command.download("GET", "/api/registers/imports/templates/resident", null);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名*");
		}
	}
}
