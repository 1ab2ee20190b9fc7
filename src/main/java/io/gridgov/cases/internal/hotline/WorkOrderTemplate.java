package io.gridgov.cases.internal.hotline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.gridgov.cases.CategoryClass;
import io.gridgov.cases.CategoryInfo;

/**
 * The blank work-order file to fill in: the columns on the first sheet (order number, phone and
 * grid code formatted as text so Excel keeps leading zeros and long digits), the valid categories
 * on the second, and how to fill it in on the third. The CSV template is the header line in UTF-8
 * with a BOM, which Excel opens with the Chinese intact.
 */
final class WorkOrderTemplate {

	static final String DATA_SHEET = "工单";
	static final String CATEGORY_SHEET = "诉求类别";
	private static final int TEMPLATE_ROWS = 2000;
	private static final List<String> NOTES = List.of(
			"每行一张 12345 热线工单；第 1 行为表头，请勿修改表头文字。",
			"必填：工单号、诉求类别、诉求内容；位置：填写经度和纬度（WGS-84），或填写网格编码。",
			"诉求类别：填写“诉求类别”表中的小类代码或小类名称。",
			"来电时间：如 2026-09-15 08:30，会记在诉求内容开头；案件的上报时间为导入时间。",
			"已导入过的工单号不会重复导入；位置不在任何网格内的工单进入“待分配”队列。",
			"文件不超过 10 MB、5000 行；支持 .xlsx 和 .csv（UTF-8 或 GBK）。");

	private WorkOrderTemplate() {
	}

	static byte[] xlsx(List<CategoryInfo> leaves, List<CategoryClass> classes) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));

			Sheet data = workbook.createSheet(DATA_SHEET);
			Row head = data.createRow(0);
			for (WorkOrderColumn column : WorkOrderColumn.values()) {
				int i = column.ordinal();
				var cell = head.createCell(i);
				cell.setCellValue(column.header());
				cell.setCellStyle(header);
				data.setColumnWidth(i, (column == WorkOrderColumn.CONTENT ? 50 : column == WorkOrderColumn.ADDRESS ? 30 : 18) * 256);
				if (column == WorkOrderColumn.ORDER_NO || column == WorkOrderColumn.PHONE || column == WorkOrderColumn.GRID) {
					data.setDefaultColumnStyle(i, text);
				}
			}
			data.createFreezePane(0, 1);

			Sheet categories = workbook.createSheet(CATEGORY_SHEET);
			Row categoryHead = categories.createRow(0);
			String[] titles = { "大类", "小类代码", "小类名称", "Category" };
			for (int i = 0; i < titles.length; i++) {
				categoryHead.createCell(i).setCellValue(titles[i]);
				categoryHead.getCell(i).setCellStyle(header);
				categories.setColumnWidth(i, 24 * 256);
			}
			Map<String, String> classNames = classes.stream()
				.collect(Collectors.toMap(CategoryClass::code, CategoryClass::name, (a, b) -> a));
			int r = 1;
			for (CategoryInfo leaf : leaves) {
				Row row = categories.createRow(r++);
				row.createCell(0).setCellValue(classNames.getOrDefault(leaf.classCode(), leaf.classCode()));
				row.createCell(1).setCellValue(leaf.code());
				row.createCell(2).setCellValue(leaf.name());
				row.createCell(3).setCellValue(leaf.nameEn() == null ? "" : leaf.nameEn());
			}
			if (!leaves.isEmpty()) {
				DataValidationHelper helper = data.getDataValidationHelper();
				DataValidation pick = helper.createValidation(
						helper.createFormulaListConstraint("'" + CATEGORY_SHEET + "'!$C$2:$C$" + (leaves.size() + 1)),
						new CellRangeAddressList(1, TEMPLATE_ROWS, WorkOrderColumn.CATEGORY.ordinal(),
								WorkOrderColumn.CATEGORY.ordinal()));
				// a code typed in instead of a name must still be accepted
				pick.setShowErrorBox(false);
				data.addValidationData(pick);
			}

			Sheet notes = workbook.createSheet("填写说明");
			notes.setColumnWidth(0, 100 * 256);
			for (int i = 0; i < NOTES.size(); i++) {
				notes.createRow(i).createCell(0).setCellValue(NOTES.get(i));
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static byte[] csv() {
		String line = Arrays.stream(WorkOrderColumn.values())
			.map(WorkOrderColumn::header)
			.collect(Collectors.joining(",", "\uFEFF", "\r\n"));
		return line.getBytes(StandardCharsets.UTF_8);
	}
}
