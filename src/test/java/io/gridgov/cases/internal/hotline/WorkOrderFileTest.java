package io.gridgov.cases.internal.hotline;

import static io.gridgov.cases.internal.hotline.WorkOrderFiles.HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.gridgov.cases.CategoryInfo;
import io.gridgov.cases.internal.hotline.WorkOrderFiles.Formula;
import io.gridgov.cases.internal.hotline.WorkOrderFiles.Merge;
import io.gridgov.cases.internal.loop.ImportIntake.WorkOrder;
import io.gridgov.platform.problem.DomainException;

/** Reading and checking work-order files: formats, encodings and the cells operators type. */
class WorkOrderFileTest {

	static final List<CategoryInfo> LEAVES = List.of(
			new CategoryInfo("EXPOSED_GARBAGE", "CITY_APPEARANCE", "暴露垃圾", "Exposed garbage", "URBAN_MGMT", Map.of(),
					false, "垃圾已清运"),
			new CategoryInfo("ROAD_OCCUPYING_VENDOR", "STREET_ORDER", "占道经营", "Trading on the road", "URBAN_MGMT",
					Map.of(), false, "摊点已清离"));

	static final List<Object> GOOD = List.of("GD20260915001", "2026-09-15 08:30", "李先生", "13800138000", "暴露垃圾",
			"小区门口垃圾堆积", "海滨路 1 号", "113.08", "22.58", "");

	private static WorkOrderParser.Result parse(byte[] file) {
		return new WorkOrderParser(LEAVES).parse(WorkOrderFileReader.read(file));
	}

	private static List<Object> row(Object... cells) {
		return new ArrayList<>(Arrays.asList(cells));
	}

	private static WorkOrder only(WorkOrderParser.Result result) {
		assertThat(result.problems()).isEmpty();
		assertThat(result.orders()).hasSize(1);
		return result.orders().get(0).order();
	}

	private static String code(Runnable action) {
		try {
			action.run();
		}
		catch (DomainException e) {
			return e.code();
		}
		throw new AssertionError("no problem raised");
	}

	// ------------------------------------------------------------ CSV encodings

	@Test
	void csvInUtf8WithoutBomIsRead() {
		WorkOrder order = only(parse(WorkOrderFiles.csv(List.of(HEADER, GOOD)).getBytes(StandardCharsets.UTF_8)));
		assertThat(order.orderNo()).isEqualTo("GD20260915001");
		assertThat(order.categoryCode()).isEqualTo("EXPOSED_GARBAGE");
		assertThat(order.reporterName()).isEqualTo("李先生");
		assertThat(order.longitude()).isEqualTo(113.08);
		assertThat(order.latitude()).isEqualTo(22.58);
		assertThat(order.gridCode()).isNull();
	}

	@Test
	void csvInUtf8WithBomIsRead() {
		byte[] text = WorkOrderFiles.csv(List.of(HEADER, GOOD)).getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[text.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(text, 0, withBom, 3, text.length);
		assertThat(only(parse(withBom)).orderNo()).isEqualTo("GD20260915001");
	}

	@Test
	void csvThatIsNotUtf8IsReadAsGbk() {
		byte[] gbk = WorkOrderFiles.csv(List.of(HEADER, GOOD)).getBytes(Charset.forName("GBK"));
		WorkOrder order = only(parse(gbk));
		assertThat(order.reporterName()).isEqualTo("李先生");
		assertThat(order.description()).endsWith("小区门口垃圾堆积");
	}

	@Test
	void binaryGarbageIsUnreadable() {
		byte[] garbage = new byte[4096];
		new Random(7).nextBytes(garbage);
		garbage[0] = 0;
		assertThat(code(() -> WorkOrderFileReader.read(garbage))).isEqualTo("cases.import-unreadable");
	}

	@Test
	void anEmptyFileIsRefused() {
		assertThat(code(() -> WorkOrderFileReader.read(new byte[0]))).isEqualTo("cases.import-empty");
	}

	@Test
	void aFileOverTenMegabytesIsRefusedBeforeReading() {
		assertThat(code(() -> WorkOrderFileReader.read(new byte[(int) WorkOrderFileReader.MAX_BYTES + 1])))
			.isEqualTo("cases.import-too-large");
	}

	// ------------------------------------------------------------ XLSX cells

	@Test
	void xlsxNumbersAsTextOrNumericCellsReadTheSame() {
		List<Object> numeric = row("GD2", "2026-09-15 08:30", "王女士", 13800138000L, "暴露垃圾", "垃圾", "", 113.08, 22.58, "");
		List<Object> numericOrderNo = row(20260915000123L, "", "", "13800138000", "EXPOSED_GARBAGE", "垃圾", "", "113.08",
				"22.58", "");
		WorkOrderParser.Result result = parse(WorkOrderFiles.xlsx(List.of(HEADER, GOOD, numeric, numericOrderNo)));
		assertThat(result.problems()).isEmpty();
		assertThat(result.orders()).extracting(p -> p.order().reporterPhone())
			.containsOnly("13800138000");
		assertThat(result.orders().get(1).order().longitude()).isEqualTo(113.08);
		assertThat(result.orders().get(2).order().orderNo()).isEqualTo("20260915000123");
	}

	@Test
	void callTimeIsReadFromTextOrFromAnExcelDateAndPrefixesTheDescription() {
		List<Object> excelDate = row("GD2", LocalDateTime.of(2026, 9, 15, 8, 30), "", "", "暴露垃圾", "垃圾", "", "113.08",
				"22.58", "");
		List<Object> slashes = row("GD3", "2026/9/15 8:30:00", "", "", "暴露垃圾", "垃圾", "", "113.08", "22.58", "");
		List<Object> chinese = row("GD4", "2026年9月15日 8时30分", "", "", "暴露垃圾", "垃圾", "", "113.08", "22.58", "");
		WorkOrderParser.Result result = parse(WorkOrderFiles.xlsx(List.of(HEADER, GOOD, excelDate, slashes, chinese)));
		assertThat(result.problems()).isEmpty();
		assertThat(result.orders()).extracting(p -> p.order().description())
			.containsOnly("【来电时间 2026-09-15 08:30】小区门口垃圾堆积", "【来电时间 2026-09-15 08:30】垃圾");
	}

	@Test
	void aCallTimeThatCannotBeReadRefusesTheRowAtThatColumn() {
		List<Object> bad = row("GD2", "昨天上午", "", "", "暴露垃圾", "垃圾", "", "113.08", "22.58", "");
		WorkOrderParser.Result result = parse(WorkOrderFiles.xlsx(List.of(HEADER, bad)));
		assertThat(result.orders()).isEmpty();
		assertThat(result.problems()).singleElement().satisfies(p -> {
			assertThat(p.row()).isEqualTo(2);
			assertThat(p.column()).isEqualTo(WorkOrderColumn.CALL_TIME);
			assertThat(p.code()).isEqualTo("cases.import-time-invalid");
		});
	}

	@Test
	void formulasAreReadByTheirCachedValue() {
		List<Object> formulas = row(new Formula("\"GD\"&\"9\"", "GD9"), "", "", new Formula("13800138000+0", 13800138000L),
				"暴露垃圾", "垃圾", "", new Formula("113+0.08", 113.08), "22.58", "");
		WorkOrder order = only(parse(WorkOrderFiles.xlsx(List.of(HEADER, formulas))));
		assertThat(order.orderNo()).isEqualTo("GD9");
		assertThat(order.reporterPhone()).isEqualTo("13800138000");
		assertThat(order.longitude()).isEqualTo(113.08);
	}

	@Test
	void fullWidthDigitsAndACountryPrefixInPhoneNumbersAreNormalised() {
		List<Object> fullWidth = row("ＧＤ２", "", "", "１３８ ００１３ ８０００", "暴露垃圾", "垃圾", "", "１１３．０８", "２２．５８", "");
		List<Object> prefixed = row("GD3", "", "", "+86 13900139000", "暴露垃圾", "垃圾", "", "113.08", "22.58", "");
		WorkOrderParser.Result result = parse(WorkOrderFiles.xlsx(List.of(HEADER, fullWidth, prefixed)));
		assertThat(result.problems()).isEmpty();
		assertThat(result.orders().get(0).order().orderNo()).isEqualTo("GD2");
		assertThat(result.orders().get(0).order().reporterPhone()).isEqualTo("13800138000");
		assertThat(result.orders().get(0).order().longitude()).isEqualTo(113.08);
		assertThat(result.orders().get(1).order().reporterPhone()).isEqualTo("13900139000");
	}

	@Test
	void aMergedCellGivesItsValueToEveryRowItCovers() {
		List<Object> first = row("GD1", "2026-09-15 08:30", "", "", "暴露垃圾", "垃圾一", "", "113.08", "22.58", "");
		List<Object> second = row("GD2", null, "", "", null, "垃圾二", "", "113.08", "22.58", "");
		WorkOrderParser.Result result = parse(WorkOrderFiles.xlsx(List.of(HEADER, first, second), new Merge(1, 2, 1, 1),
				new Merge(1, 2, 4, 4)));
		assertThat(result.problems()).isEmpty();
		assertThat(result.orders()).extracting(p -> p.order().categoryCode()).containsOnly("EXPOSED_GARBAGE");
		assertThat(result.orders().get(1).order().description()).startsWith("【来电时间 2026-09-15 08:30】");
	}

	@Test
	void theHeaderMayFollowATitleRowAndRowNumbersAreThoseExcelShows() {
		List<Object> title = row("12345 热线工单导出");
		List<Object> blankCategory = row("GD2", "", "", "", "", "垃圾", "", "113.08", "22.58", "");
		WorkOrderParser.Result result = parse(WorkOrderFiles.xlsx(List.of(title, HEADER, GOOD, blankCategory)));
		assertThat(result.orders()).singleElement().satisfies(p -> assertThat(p.row()).isEqualTo(3));
		assertThat(result.problems()).singleElement().satisfies(p -> {
			assertThat(p.row()).isEqualTo(4);
			assertThat(p.column()).isEqualTo(WorkOrderColumn.CATEGORY);
			assertThat(p.code()).isEqualTo("cases.import-required");
		});
	}

	@Test
	void categoriesAreFoundByCodeChineseNameEnglishNameOrClassSlashLeaf() {
		WorkOrderParser parser = new WorkOrderParser(LEAVES);
		assertThat(parser.category("exposed_garbage")).contains("EXPOSED_GARBAGE");
		assertThat(parser.category("占道经营")).contains("ROAD_OCCUPYING_VENDOR");
		assertThat(parser.category("Trading on the road")).contains("ROAD_OCCUPYING_VENDOR");
		assertThat(parser.category("市容环境/暴露垃圾")).contains("EXPOSED_GARBAGE");
		assertThat(parser.category("乱停车")).isEmpty();
	}

	@Test
	void aRowWithSeveralProblemsNamesEachColumnAndAnUnknownCategory() {
		List<Object> bad = row("", "", "", "", "乱停车", "", "", "东经113", "22.58", "");
		WorkOrderParser.Result result = parse(WorkOrderFiles.xlsx(List.of(HEADER, bad)));
		assertThat(result.problems()).extracting(WorkOrderParser.Problem::column, WorkOrderParser.Problem::code)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(WorkOrderColumn.ORDER_NO, "cases.import-required"),
					org.assertj.core.groups.Tuple.tuple(WorkOrderColumn.CONTENT, "cases.import-required"),
					org.assertj.core.groups.Tuple.tuple(WorkOrderColumn.CATEGORY, "cases.import-category-unknown"),
					org.assertj.core.groups.Tuple.tuple(WorkOrderColumn.LONGITUDE, "cases.import-number-invalid"));
	}

	@Test
	void anOrderNumberRepeatedInTheFileIsRefusedAtItsSecondRow() {
		WorkOrderParser.Result result = parse(WorkOrderFiles.xlsx(List.of(HEADER, GOOD, GOOD)));
		assertThat(result.orders()).hasSize(1);
		assertThat(result.problems()).singleElement().satisfies(p -> {
			assertThat(p.row()).isEqualTo(3);
			assertThat(p.code()).isEqualTo("cases.import-order-repeated");
			assertThat(p.args()).containsExactly("GD20260915001", 2);
		});
	}

	@Test
	void blankRowsAreSkipped() {
		List<Object> blank = row("", "", " ");
		WorkOrderParser.Result result = parse(WorkOrderFiles.csv(List.of(HEADER, blank, GOOD)).getBytes(StandardCharsets.UTF_8));
		assertThat(result.orders()).singleElement().satisfies(p -> assertThat(p.row()).isEqualTo(3));
	}

	// ------------------------------------------------------------ whole-file problems

	@Test
	void aFileWithoutTheTemplatesColumnsIsRefusedAsAWhole() {
		byte[] wrong = WorkOrderFiles.csv(List.of(List.of("姓名", "身份证号"), List.of("张三", "1"))).getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> parse(wrong)).isInstanceOf(DomainException.class)
			.hasMessage("cases.import-columns-missing");
	}

	@Test
	void positionColumnsAreRequiredAsCoordinatesOrGridCode() {
		byte[] gridOnly = WorkOrderFiles.csv(List.of(List.of("工单号", "诉求类别", "诉求内容", "网格编码"),
				List.of("GD1", "暴露垃圾", "垃圾", "440704003001001"))).getBytes(StandardCharsets.UTF_8);
		assertThat(only(parse(gridOnly)).gridCode()).isEqualTo("440704003001001");
		byte[] noPosition = WorkOrderFiles.csv(List.of(List.of("工单号", "诉求类别", "诉求内容", "经度"),
				List.of("GD1", "暴露垃圾", "垃圾", "113"))).getBytes(StandardCharsets.UTF_8);
		assertThat(code(() -> parse(noPosition))).isEqualTo("cases.import-columns-missing");
	}

	@Test
	void theTemplateWithoutRowsIsRefusedAsHoldingNoWorkOrders() {
		assertThat(code(() -> parse(WorkOrderTemplate.xlsx(LEAVES, List.of())))).isEqualTo("cases.import-no-rows");
		assertThat(code(() -> parse(WorkOrderTemplate.csv()))).isEqualTo("cases.import-no-rows");
	}

	@Test
	void theTemplateListsTheCategoriesOnItsSecondSheet() throws Exception {
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(WorkOrderTemplate.xlsx(LEAVES, List.of())))) {
			var sheet = workbook.getSheetAt(1);
			assertThat(sheet.getSheetName()).isEqualTo("诉求类别");
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("EXPOSED_GARBAGE");
			assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("占道经营");
		}
	}

	@Test
	void aZipBombIsRefusedWithoutInflatingIt() {
		assertThat(code(() -> WorkOrderFileReader.read(WorkOrderFiles.zipBomb()))).isEqualTo("cases.import-zip-bomb");
	}

	@Test
	void aPasswordProtectedWorkbookIsRefusedAsEncrypted() {
		byte[] encrypted = WorkOrderFiles.encrypted(WorkOrderFiles.xlsx(List.of(HEADER, GOOD)));
		assertThat(code(() -> WorkOrderFileReader.read(encrypted))).isEqualTo("cases.import-encrypted");
	}

	@Test
	void aZipThatIsNotAWorkbookIsUnreadable() {
		byte[] zip = { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8 };
		assertThat(code(() -> WorkOrderFileReader.read(zip))).isEqualTo("cases.import-unreadable");
	}

	@Test
	void moreRowsThanTheLimitAreRefusedAsAWhole() {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(HEADER);
		for (int i = 0; i <= WorkOrderFileReader.MAX_ROWS; i++) {
			rows.add(row("GD" + i, "", "", "", "暴露垃圾", "垃圾", "", "113", "22", ""));
		}
		byte[] file = WorkOrderFiles.csv(rows).getBytes(StandardCharsets.UTF_8);
		assertThat(code(() -> WorkOrderFileReader.read(file))).isEqualTo("cases.import-too-many-rows");
	}
}
