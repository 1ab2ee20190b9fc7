package io.gridgov.workforce.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gridgov.platform.problem.DomainException;

class WorkerSheetTest {

	private static WorkerSheet.Row read(String name, String phone, String employment, String source, String grids,
			String lead) {
		Map<String, String> cells = new HashMap<>();
		cells.put("name", name);
		cells.put("phone", phone);
		cells.put("employment", employment);
		cells.put("source", source);
		cells.put("gridCodes", grids);
		cells.put("lead", lead);
		return WorkerSheet.read(cells::get);
	}

	private static String codeOf(Runnable read) {
		try {
			read.run();
		}
		catch (DomainException e) {
			return e.code();
		}
		throw new AssertionError("the row was not refused");
	}

	@Test
	void chineseLabelsAndTheApisNamesAreBothRead() {
		WorkerSheet.Row row = read("陈晓敏", "13800138000", "专职", "外卖骑手", "440704003001001", "否");
		assertThat(row.employment()).isEqualTo(Employment.FULL_TIME);
		assertThat(row.source()).isEqualTo(WorkerSource.DELIVERY_RIDER);
		assertThat(read("李伟", "13800138000", "part_time", "COMMUNITY_STAFF", "440704003001001", null).employment())
			.isEqualTo(Employment.PART_TIME);
	}

	@Test
	void fullWidthDigitsSpacesDashesAndACountryPrefixInThePhoneAreNormalised() {
		assertThat(read("甲", "１３８ ００１３-８０００", "兼职", "志愿者", "440704003001001", "").phone().value())
			.isEqualTo("13800138000");
		assertThat(read("甲", "+86 13800138000", "兼职", "志愿者", "440704003001001", "").phone().value())
			.isEqualTo("13800138000");
	}

	@Test
	void onlyAMainlandMobileNumberIsAWorkPhone() {
		assertThat(codeOf(() -> read("甲", "02012345678", "兼职", "志愿者", "440704003001001", ""))).isEqualTo("workforce.phone-invalid");
		assertThat(codeOf(() -> read("甲", "12800138000", "兼职", "志愿者", "440704003001001", ""))).isEqualTo("workforce.phone-invalid");
		assertThat(codeOf(() -> read("甲", null, "兼职", "志愿者", "440704003001001", ""))).isEqualTo("workforce.phone-invalid");
	}

	@Test
	void anUnknownEmploymentOrSourceIsRefusedNamingItsColumn() {
		String employment = codeOf(() -> read("甲", "13800138000", "临时工", "志愿者", "440704003001001", ""));
		assertThat(employment).isEqualTo("workforce.employment-invalid");
		assertThat(WorkerSheet.TEMPLATE.headerOf(WorkerSheet.columnOf(employment))).isEqualTo("用工类型");
		String source = codeOf(() -> read("甲", "13800138000", "兼职", "", "440704003001001", ""));
		assertThat(source).isEqualTo("workforce.source-invalid");
		assertThat(WorkerSheet.TEMPLATE.headerOf(WorkerSheet.columnOf(source))).isEqualTo("人员来源");
	}

	@Test
	void severalGridsAreReadInOrderAndTheLeadFlagLeadsTheFirstOnly() {
		assertThat(WorkerSheet.grids("440704003001001、440704003001002", true)).containsExactly(
				new GridRole("440704003001001", true), new GridRole("440704003001002", false));
		assertThat(WorkerSheet.grids("４４０７０４００３００１００１, 440704003001002", false))
			.extracting(GridRole::gridCode)
			.containsExactly("440704003001001", "440704003001002");
		assertThat(WorkerSheet.grids("", true)).isEmpty();
	}

	@Test
	void aLeadFlagThatIsNeitherYesNorNoIsRefusedInTheLeadColumn() {
		String code = codeOf(() -> read("甲", "13800138000", "兼职", "志愿者", "440704003001001", "也许"));
		assertThat(code).isEqualTo("import.flag-invalid");
		assertThat(WorkerSheet.TEMPLATE.headerOf(WorkerSheet.columnOf(code))).isEqualTo("是否网格长");
	}

	@Test
	void aRevisionWithTheSameValuesChangesNothing() {
		Worker worker = WorkerFixtures.activeMemberOf(WorkerFixtures.GRID);
		assertThat(worker.hasSame(" 李伟 ", Employment.PART_TIME, WorkerSource.COURIER,
				List.of(new GridRole(WorkerFixtures.GRID, false)))).isTrue();
		assertThat(worker.hasSame("李伟", Employment.PART_TIME, WorkerSource.COURIER,
				List.of(new GridRole(WorkerFixtures.GRID, true)))).isFalse();
		assertThat(worker.hasSame("李伟", Employment.FULL_TIME, WorkerSource.COURIER,
				List.of(new GridRole(WorkerFixtures.GRID, false)))).isFalse();
	}

	@Test
	void theRowNeverPrintsThePhone() {
		assertThat(read("甲", "13800138000", "兼职", "志愿者", "440704003001001", "").toString()).doesNotContain("13800138000");
	}

	@Test
	void aBlankNameIsLeftToTheWorkersOwnRule() {
		assertThatThrownBy(() -> Worker.hire(java.util.UUID.randomUUID(), " ", Employment.PART_TIME, WorkerSource.OTHER,
				WorkerFixtures.PHONE, List.of(new GridRole(WorkerFixtures.GRID, false)), null, WorkerFixtures.NOW))
			.isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).code())
			.isEqualTo("workforce.name-invalid");
	}
}
