package io.gridgov.registers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.gridgov.platform.scope.RegionCode;
import io.gridgov.registers.EnterpriseFlag;
import io.gridgov.registers.Registers;
import io.gridgov.registers.Residency;
import io.gridgov.registers.SubjectKind;
import io.gridgov.registers.TargetCriteria;
import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class RegistersIT extends IntegrationTest {

	static final String OWN_GRID = "440704003001001";
	static final String VILLAGE_GRID = "440704003201001";

	@Autowired
	Registers registers;

	private String register(ApiClient client, Map<String, Object> body) {
		return client.post("/api/registers/residents", body).expectStatus(201).json().path("id").asString();
	}

	@Test
	void registeredResidentHasBirthDateAndGenderFromTheIdNumberAndLeavesMasked() {
		String id = RegisterFixtures.idNumber();
		String phone = RegisterFixtures.phone();
		JsonNode resident = signedIn("gridworker")
			.post("/api/registers/residents", RegisterFixtures.resident("黄测试", id, phone, OWN_GRID))
			.expectStatus(201)
			.json();
		assertThat(resident.path("birthDate").asString()).isEqualTo(
				id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
		assertThat(resident.path("gender").asString()).isEqualTo((id.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE");
		assertThat(resident.path("idNumberMasked").asString()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
		assertThat(resident.path("phoneMasked").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(resident.toString()).doesNotContain(id).doesNotContain(phone);
		assertThat(resident.path("householdId").isNull()).isFalse();
		String stored = jdbc.sql("SELECT id_cipher || phone_cipher FROM registers_resident WHERE id = ?")
			.param(java.util.UUID.fromString(resident.path("id").asString()))
			.query(String.class)
			.single();
		assertThat(stored).as("encrypted at rest").doesNotContain(id).doesNotContain(phone).contains(":");
	}

	@Test
	void invalidIdNumbersAndPhonesAreRefusedNamingTheRule() {
		ApiClient gridworker = signedIn("gridworker");
		String good = RegisterFixtures.idNumber();
		char wrong = good.charAt(17) == '1' ? '2' : '1';
		gridworker.post("/api/registers/residents",
				RegisterFixtures.resident("甲", good.substring(0, 17) + wrong, null, OWN_GRID))
			.expectProblem(400, "registers.id-number-checksum");
		String feb30 = "44070419900230912";
		gridworker.post("/api/registers/residents",
				RegisterFixtures.resident("乙", feb30 + IdNumber.checkCharacter(feb30), null, OWN_GRID))
			.expectProblem(400, "registers.id-number-birth-date");
		gridworker.post("/api/registers/residents", RegisterFixtures.resident("丙", null, "12345678901", OWN_GRID))
			.expectProblem(400, "registers.phone-invalid");
		gridworker.post("/api/registers/enterprises", Map.of("name", "某公司", "creditCode", "91350100M000100Y44",
				"gridCode", OWN_GRID))
			.expectProblem(400, "registers.credit-code-checksum");
		JsonNode en = gridworker.language("en")
			.post("/api/registers/residents", RegisterFixtures.resident("丁", "4407041990", null, OWN_GRID))
			.expectProblem(400, "registers.id-number-format");
		assertThat(en.path("detail").asString()).contains("GB 11643");
	}

	@Test
	void duplicateIdNumberIsRefusedAndFullWidthDigitsAreTheSameNumber() {
		ApiClient command = signedIn("command");
		String id = RegisterFixtures.idNumber();
		register(command, RegisterFixtures.resident("重复甲", id, null, OWN_GRID));
		StringBuilder fullWidth = new StringBuilder();
		id.chars().forEach(c -> fullWidth.append(Character.isDigit(c) ? (char) (c + 0xFEE0) : (char) c));
		command.post("/api/registers/residents", RegisterFixtures.resident("重复乙", fullWidth.toString(), null, OWN_GRID))
			.expectProblem(409, "registers.id-number-duplicate");
	}

	@Test
	void gridWorkerCannotReadAResidentOfAnotherGridByListIdOrSearch() {
		ApiClient command = signedIn("command");
		String id = RegisterFixtures.idNumber();
		String phone = RegisterFixtures.phone();
		String villager = register(command, RegisterFixtures.resident("村民甲", id, phone, VILLAGE_GRID));
		ApiClient gridworker = signedIn("gridworker");
		gridworker.get("/api/registers/residents/" + villager).expectProblem(404, "record.not-found");
		gridworker.get("/api/registers/residents/" + villager + "/history").expectProblem(404, "record.not-found");
		assertThat(gridworker.get("/api/registers/residents?q=" + id).expectStatus(200).json().path("total").asLong()).isZero();
		assertThat(gridworker.get("/api/registers/residents?q=" + phone).json().path("total").asLong()).isZero();
		assertThat(gridworker.get("/api/registers/residents?q=村民甲").json().path("total").asLong()).isZero();
		JsonNode all = gridworker.get("/api/registers/residents?size=200").json();
		assertThat(all.path("items").findValuesAsString("gridCode")).containsOnly(OWN_GRID);
		gridworker.post("/api/registers/visits", Map.of("subjectKind", "RESIDENT", "subjectId", villager, "channel", "DOOR"))
			.expectProblem(404, "record.not-found");
		gridworker.post("/api/registers/residents", RegisterFixtures.resident("越界", RegisterFixtures.idNumber(), null,
				VILLAGE_GRID)).expectProblem(400, "registers.grid-unknown");
		assertThat(command.get("/api/registers/residents?q=" + id).json().path("total").asLong()).isOne();
		assertThat(command.get("/api/registers/residents?q=" + phone.substring(0, 3) + "%20" + phone.substring(3)).json()
			.path("total").asLong()).isOne();
	}

	@Test
	void gridWorkerCannotReadAnEnterpriseOrHouseholdOfAnotherGrid() {
		ApiClient command = signedIn("command");
		String code = RegisterFixtures.creditCode();
		String enterprise = command.post("/api/registers/enterprises", Map.of("name", "外海测试五金厂", "creditCode", code,
				"gridCode", VILLAGE_GRID, "contactPhone", RegisterFixtures.phone(), "flags", List.of("HIGH_TECH")))
			.expectStatus(201)
			.json()
			.path("id")
			.asString();
		ApiClient gridworker = signedIn("gridworker");
		gridworker.get("/api/registers/enterprises/" + enterprise).expectProblem(404, "record.not-found");
		assertThat(gridworker.get("/api/registers/enterprises?q=" + code).json().path("total").asLong()).isZero();
		String villager = register(command, RegisterFixtures.resident("村民乙", RegisterFixtures.idNumber(), null, VILLAGE_GRID));
		String household = command.get("/api/registers/residents/" + villager).json().path("householdId").asString();
		gridworker.get("/api/registers/households/" + household).expectProblem(404, "record.not-found");
		command.get("/api/registers/households/" + household).expectStatus(200);
		command.post("/api/registers/enterprises", Map.of("name", "重复厂", "creditCode", code.toLowerCase(), "gridCode",
				VILLAGE_GRID)).expectProblem(409, "registers.credit-code-duplicate");
	}

	@Test
	void revealNeedsThePermissionAndAReasonAndIsAudited() {
		ApiClient command = signedIn("command");
		String id = RegisterFixtures.idNumber();
		String resident = register(command, RegisterFixtures.resident("揭示甲", id, RegisterFixtures.phone(), OWN_GRID));
		signedIn("gridworker").post("/api/registers/residents/" + resident + "/id-number/reveal", Map.of("reason", "核实"))
			.expectProblem(403, "security.forbidden");
		command.post("/api/registers/residents/" + resident + "/id-number/reveal", Map.of("reason", ""))
			.expectProblem(400, "personal-data.reason-required");
		assertThat(command.post("/api/registers/residents/" + resident + "/id-number/reveal", Map.of("reason", "办理低保核查"))
			.expectStatus(200)
			.json()
			.path("value")
			.asString()).isEqualTo(id);
		assertThat(jdbc.sql("SELECT detail FROM identity_audit_log WHERE action = 'PERSONAL_DATA_REVEAL' AND record_id = ?")
			.param(resident)
			.query(String.class)
			.list()).anySatisfy(d -> assertThat(d).contains("办理低保核查").doesNotContain(id));
	}

	@Test
	void anEditThatLeavesOutTheIdNumberAndPhoneKeepsThemAndAnEmptyPhoneClearsIt() {
		ApiClient command = signedIn("command");
		String idNumber = RegisterFixtures.idNumber();
		Map<String, Object> body = RegisterFixtures.resident("编辑甲", idNumber, RegisterFixtures.phone(), OWN_GRID);
		JsonNode created = command.post("/api/registers/residents", body).expectStatus(201).json();
		String id = created.path("id").asString();
		body.remove("idNumber");
		body.remove("phone");
		body.put("name", "编辑乙");
		body.put("version", created.path("version").asLong());
		JsonNode edited = command.put("/api/registers/residents/" + id, body).expectStatus(200).json();
		assertThat(edited.path("name").asString()).isEqualTo("编辑乙");
		assertThat(edited.path("idNumberMasked").asString()).isEqualTo(created.path("idNumberMasked").asString());
		assertThat(edited.path("phoneMasked").asString()).isEqualTo(created.path("phoneMasked").asString());
		assertThat(command.post("/api/registers/residents/" + id + "/id-number/reveal", Map.of("reason", "核对编辑结果"))
			.json()
			.path("value")
			.asString()).isEqualTo(idNumber);
		body.put("phone", "");
		body.put("version", edited.path("version").asLong());
		assertThat(command.put("/api/registers/residents/" + id, body).expectStatus(200).json().path("phoneMasked").isNull())
			.isTrue();
	}

	@Test
	void statusChangesKeepAHistoryAndDeathIsFinal() {
		ApiClient gridworker = signedIn("gridworker");
		JsonNode resident = gridworker
			.post("/api/registers/residents", RegisterFixtures.resident("状态甲", RegisterFixtures.idNumber(), null, OWN_GRID))
			.json();
		String id = resident.path("id").asString();
		JsonNode moved = gridworker.post("/api/registers/residents/" + id + "/status",
				Map.of("status", "MOVED_AWAY", "reason", "搬往江门市区", "version", resident.path("version").asLong()))
			.expectStatus(200)
			.json();
		assertThat(moved.path("status").asString()).isEqualTo("MOVED_AWAY");
		gridworker.post("/api/registers/residents/" + id + "/status", Map.of("status", "DECEASED", "reason", "病故"))
			.expectStatus(200);
		gridworker.post("/api/registers/residents/" + id + "/status", Map.of("status", "PRESENT", "reason", "误登"))
			.expectProblem(409, "registers.status-final");
		JsonNode history = gridworker.get("/api/registers/residents/" + id + "/history").expectStatus(200).json();
		assertThat(history.findValuesAsString("toStatus")).containsExactly("PRESENT", "MOVED_AWAY", "DECEASED");
	}

	@Test
	void registersApiSelectsPresentResidentsByTagAndEnterprisesByFlagWithinTheScope() {
		ApiClient command = signedIn("command");
		Map<String, Object> body = RegisterFixtures.resident("选择甲", RegisterFixtures.idNumber(), null, OWN_GRID);
		body.put("tags", List.of("VETERAN"));
		body.put("residency", "FLOATING");
		String id = register(command, body);
		TargetCriteria veterans = new TargetCriteria(SubjectKind.RESIDENT, Set.of("VETERAN"), Set.of(RegionCode.of(OWN_GRID)),
				Residency.FLOATING, Set.of());
		assertThat(registers.select(veterans, RegionCode.of("440704003000"))).anySatisfy(s -> {
			assertThat(s.id().toString()).isEqualTo(id);
			assertThat(s.name()).isEqualTo("选择甲");
		});
		assertThat(registers.count(veterans, RegionCode.of(VILLAGE_GRID))).isZero();
		String code = RegisterFixtures.creditCode();
		command.post("/api/registers/enterprises", Map.of("name", "小巨人测试", "creditCode", code, "gridCode", OWN_GRID,
				"flags", List.of("LITTLE_GIANT"))).expectStatus(201);
		assertThat(registers.findByIdentifier(SubjectKind.ENTERPRISE, code)).isPresent();
		assertThat(registers.select(new TargetCriteria(SubjectKind.ENTERPRISE, Set.of(), Set.of(), null,
				Set.of(EnterpriseFlag.LITTLE_GIANT)), RegionCode.of(OWN_GRID))).extracting(s -> s.name()).contains("小巨人测试");
	}

	@Test
	void gridWorkerRecordsAVisitToAResidentOfTheirGrid() {
		ApiClient gridworker = signedIn("gridworker");
		String resident = register(gridworker, RegisterFixtures.resident("走访甲", RegisterFixtures.idNumber(), null, OWN_GRID));
		JsonNode visit = gridworker.post("/api/registers/visits", Map.of("subjectKind", "RESIDENT", "subjectId", resident,
				"channel", "DOOR", "notes", "身体状况良好", "longitude", 113.1, "latitude", 22.5))
			.expectStatus(201)
			.json();
		assertThat(visit.path("subjectName").asString()).isEqualTo("走访甲");
		assertThat(gridworker.get("/api/registers/visits?subjectKind=RESIDENT&subjectId=" + resident).json()
			.findValuesAsString("notes")).contains("身体状况良好");
		gridworker.post("/api/registers/visits", Map.of("subjectKind", "RESIDENT", "subjectId", resident))
			.expectProblem(400, "registers.visit-channel-required");
	}

	@Test
	void onlyTagAdministratorsEditTags() {
		signedIn("gridworker").post("/api/registers/tags", Map.of("code", "FLOOD_RISK", "nameZh", "易涝点住户", "nameEn",
				"Flood risk", "category", "KEY")).expectStatus(403);
		ApiClient admin = signedIn("admin");
		String code = "T" + (System.nanoTime() % 1_000_000);
		admin.post("/api/registers/tags", Map.of("code", code, "nameZh", "测试标签" + code, "nameEn", "Test " + code,
				"category", "OTHER")).expectStatus(201);
		assertThat(signedIn("gridworker").get("/api/registers/tags").expectStatus(200).json().findValuesAsString("code"))
			.contains(code, "TRAVELLER", "ELDERLY_ALONE");
	}
}
