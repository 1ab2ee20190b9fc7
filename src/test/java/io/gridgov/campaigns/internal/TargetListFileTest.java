package io.gridgov.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TargetListFileTest {

	@Test
	void csvHeaderIsSkippedAndFullWidthDigitsFolded() {
		String csv = "\uFEFF身份证号,姓名\n１１０１０５１９４９１２３１００２Ｘ,甲\n\n11010519491231002x,乙\n";
		assertThat(TargetListFile.read("a.csv", csv.getBytes(StandardCharsets.UTF_8)))
			.extracting(TargetListFile.Line::row, TargetListFile.Line::value)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "11010519491231002X"),
					org.assertj.core.groups.Tuple.tuple(4, "11010519491231002X"));
	}

	@Test
	void gbkCsvIsRead() {
		byte[] gbk = "证件号码\n91440704MA4W0X1234\n".getBytes(Charset.forName("GBK"));
		assertThat(TargetListFile.read("a.csv", gbk)).extracting(TargetListFile.Line::value)
			.containsExactly("91440704MA4W0X1234");
	}

	@Test
	void xlsxFirstColumnIsRead() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet();
			sheet.createRow(0).createCell(0).setCellValue("身份证号");
			sheet.createRow(1).createCell(0).setCellValue("110105194912310029");
			sheet.createRow(2).createCell(0).setCellValue(440704199001011234.0);
			workbook.write(out);
			assertThat(TargetListFile.read("a.xlsx", out.toByteArray())).extracting(TargetListFile.Line::value)
				.hasSize(2)
				.first()
				.isEqualTo("110105194912310029");
		}
	}

	@Test
	void emptyAndUnreadableFilesAreRefused() {
		assertThatThrownBy(() -> TargetListFile.read("a.csv", new byte[0])).hasMessage("campaigns.list-empty");
		assertThatThrownBy(() -> TargetListFile.read("a.csv", "身份证号\n".getBytes(StandardCharsets.UTF_8)))
			.hasMessage("campaigns.list-empty");
		assertThatThrownBy(() -> TargetListFile.read("a.xlsx", new byte[] { 'P', 'K', 3, 4, 0, 0, 0 }))
			.hasMessage("campaigns.list-unreadable");
	}
}
