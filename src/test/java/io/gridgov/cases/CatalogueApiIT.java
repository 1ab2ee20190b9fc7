package io.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class CatalogueApiIT extends IntegrationTest {

	static final String API = "/api/cases/catalogue";
	static final String VILLAGE_GRID = "440704003201001";
	static final String TOWN_GRID = "440704003001001";

	private JsonNode classOf(JsonNode tree, String code) {
		for (JsonNode node : tree) {
			if (node.path("code").asString().equals(code)) {
				return node;
			}
		}
		throw new AssertionError("no class " + code);
	}

	private static Map<String, Object> leafBody(JsonNode leaf, double handleHours) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", leaf.path("name").asString());
		body.put("nameEn", leaf.path("nameEn").asString());
		body.put("defaultDepartment", leaf.path("defaultDepartment").asString());
		body.put("deadlineHours", Map.of("ACCEPT", 0.5, "DISPATCH", 1, "HANDLE", handleHours, "VERIFY", 4));
		body.put("emergency", leaf.path("emergency").asBoolean());
		body.put("closureCondition", leaf.path("closureCondition").asString());
		body.put("version", leaf.path("version").asLong());
		return body;
	}

	private static List<String> strings(JsonNode array) {
		List<String> result = new ArrayList<>();
		array.forEach(node -> result.add(node.asString()));
		return result;
	}

	@Test
	void commandReadsTheCategoryTreeWithDeadlinesAndTheAuditorMayNot() {
		JsonNode tree = signedIn("command").get(API + "/categories").expectStatus(200).json();
		assertThat(tree.findValuesAsString("code")).contains("CITY_ENV", "ADVERTISING", "CONSTRUCTION", "EMERGENCY",
				"STREET_ORDER", "SAFETY_HAZARD", "DISPUTE", "LIVELIHOOD", "PUBLIC_ORDER", "FIRE", "ILLEGAL_BUILDING");
		JsonNode vendor = classOf(tree, "STREET_ORDER").path("leaves").get(0);
		assertThat(vendor.path("code").asString()).isEqualTo("ROAD_OCCUPYING_VENDOR");
		assertThat(vendor.path("name").asString()).isEqualTo("占道经营");
		assertThat(vendor.path("deadlineHours").path("ACCEPT").asDouble()).isEqualTo(0.5);
		assertThat(vendor.path("deadlineHours").path("HANDLE").asDouble()).isEqualTo(2.0);
		JsonNode gasLeak = signedIn("department").get(API + "/categories/GAS_LEAK").expectStatus(200).json();
		assertThat(gasLeak.path("emergency").asBoolean()).isTrue();
		assertThat(gasLeak.path("deadlineHours").path("ACCEPT").asDouble()).isEqualTo(0.25);
		signedIn("auditor").get(API + "/categories").expectProblem(403, "security.forbidden");
		signedIn("command").get(API + "/categories/NO_SUCH").expectProblem(404, "record.not-found");
	}

	@Test
	void writesNeedTheCasesConfigurePermission() {
		ApiClient command = signedIn("command");
		JsonNode leaf = command.get(API + "/categories/EXPOSED_GARBAGE").json();
		command.put(API + "/categories/EXPOSED_GARBAGE", leafBody(leaf, 3)).expectProblem(403, "security.forbidden");
		command.post(API + "/departments", Map.of("code", "X_DEPT", "name", "某部门", "regionCode", "440704003000"))
			.expectProblem(403, "security.forbidden");
		command.put(API + "/calendar/2026", Map.of("holidays", List.of(), "makeUpWorkdays", List.of(), "version", 0))
			.expectProblem(403, "security.forbidden");
		command.post(API + "/routing-rules", Map.of("categoryCode", "CITY_ENV", "regionCode", "440704003000", "target",
				Map.of("kind", "GRID_LEAD"), "priority", 1))
			.expectProblem(403, "security.forbidden");
	}

	@Test
	void adminEditsALeafsDeadlinesAndAStaleVersionIsAConflict() {
		ApiClient admin = signedIn("admin");
		JsonNode leaf = admin.get(API + "/categories/DIRTY_ROAD").expectStatus(200).json();
		long version = leaf.path("version").asLong();
		JsonNode edited = admin.put(API + "/categories/DIRTY_ROAD", leafBody(leaf, 3.5)).expectStatus(200).json();
		assertThat(edited.path("deadlineHours").path("HANDLE").asDouble()).isEqualTo(3.5);
		assertThat(edited.path("version").asLong()).isEqualTo(version + 1);
		admin.put(API + "/categories/DIRTY_ROAD", leafBody(leaf, 5)).expectProblem(409, "conflict.stale-version");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_log WHERE action = 'CASE_CATEGORY_UPDATE'"
				+ " AND record_id = 'DIRTY_ROAD' AND outcome = 'SUCCESS'").query(Long.class).single()).isPositive();
		Map<String, Object> bad = leafBody(edited, 0);
		admin.put(API + "/categories/DIRTY_ROAD", bad).expectProblem(400, "cases.deadline-invalid");
		Map<String, Object> unknownDepartment = leafBody(edited, 3);
		unknownDepartment.put("defaultDepartment", "NOBODY");
		admin.put(API + "/categories/DIRTY_ROAD", unknownDepartment).expectProblem(400, "cases.department-unknown");
		admin.put(API + "/categories/STREET_ORDER", leafBody(edited, 3)).expectProblem(409, "cases.category-not-leaf");
	}

	@Test
	void adminCreatesALeafUnderAClass() {
		ApiClient admin = signedIn("admin");
		Map<String, Object> body = new HashMap<>(Map.of("classCode", "CITY_ENV", "code", "DOG_WASTE", "name", "宠物粪便",
				"nameEn", "Dog waste", "defaultDepartment", "URBAN_MGMT", "deadlineHours",
				Map.of("ACCEPT", 0.5, "DISPATCH", 1, "HANDLE", 2, "VERIFY", 4), "closureCondition", "已清理"));
		JsonNode created = admin.post(API + "/categories", body).expectStatus(201).json();
		assertThat(created.path("classCode").asString()).isEqualTo("CITY_ENV");
		admin.post(API + "/categories", body).expectProblem(409, "cases.code-taken");
		body.put("classCode", "NO_CLASS");
		body.put("code", "OTHER_WASTE");
		admin.post(API + "/categories", body).expectProblem(400, "cases.category-parent-invalid");
	}

	@Test
	void replacingAYearsCalendarChangesTheDeadline() {
		ApiClient admin = signedIn("admin");
		String deadline = API + "/deadline?category=OUTSIDE_STORE&stage=HANDLE&start=2026-09-30T09:00:00Z";
		assertThat(admin.get(deadline).expectStatus(200).json().path("deadline").asString())
			.as("17:00 on 30 Sep + 2 h: half an hour, the break, then 1.5 h on 8 Oct").isEqualTo("2026-10-08T02:00:00Z");
		JsonNode year = admin.get(API + "/calendar/2026").expectStatus(200).json();
		List<String> holidays = strings(year.path("holidays"));
		List<String> makeUp = strings(year.path("makeUpWorkdays"));
		assertThat(holidays).contains("2026-10-01", "2026-10-07");
		assertThat(makeUp).contains("2026-10-10");
		List<String> withoutOctober = holidays.stream().filter(day -> !day.startsWith("2026-10")).toList();
		JsonNode replaced = admin.put(API + "/calendar/2026", Map.of("holidays", withoutOctober, "makeUpWorkdays",
				List.of(), "version", year.path("version").asLong()))
			.expectStatus(200)
			.json();
		assertThat(admin.get(deadline).json().path("deadline").asString()).isEqualTo("2026-10-01T02:00:00Z");
		admin.put(API + "/calendar/2026", Map.of("holidays", holidays, "makeUpWorkdays", makeUp, "version",
				year.path("version").asLong()))
			.expectProblem(409, "conflict.stale-version");
		admin.put(API + "/calendar/2026", Map.of("holidays", holidays, "makeUpWorkdays", makeUp, "version",
				replaced.path("version").asLong()))
			.expectStatus(200);
		assertThat(admin.get(deadline).json().path("deadline").asString()).isEqualTo("2026-10-08T02:00:00Z");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_log WHERE action = 'CASE_CALENDAR_REPLACE'"
				+ " AND record_id = '2026'").query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aCalendarIsRefusedWithADateBothOffAndOnOrOutsideTheYear() {
		ApiClient admin = signedIn("admin");
		admin.put(API + "/calendar/2030", Map.of("holidays", List.of("2030-10-01"), "makeUpWorkdays", List.of("2030-10-01")))
			.expectProblem(400, "cases.calendar-date-conflict");
		admin.put(API + "/calendar/2030", Map.of("holidays", List.of("2031-01-01"), "makeUpWorkdays", List.of()))
			.expectProblem(400, "cases.calendar-date-outside-year");
		assertThat(admin.get(API + "/calendar/2030").json().path("holidays")).isEmpty();
		JsonNode calendar = admin.get(API + "/calendar").expectStatus(200).json();
		assertThat(calendar.path("timeZone").asString()).isEqualTo("Asia/Shanghai");
		assertThat(calendar.path("workingHours").findValuesAsString("start")).containsExactly("08:30", "14:00");
		assertThat(calendar.path("years").toString()).contains("2025", "2026");
	}

	@Test
	void emergenciesAreDueInCalendarHoursAndBadQueriesAreProblems() {
		ApiClient command = signedIn("command");
		JsonNode due = command.get(API + "/deadline?category=GAS_LEAK&stage=HANDLE&start=2026-10-01T15:00:00Z")
			.expectStatus(200)
			.json();
		assertThat(due.path("deadline").asString()).isEqualTo("2026-10-01T17:00:00Z");
		assertThat(due.path("emergency").asBoolean()).isTrue();
		command.get(API + "/deadline?category=NOPE&stage=HANDLE&start=2026-10-01T15:00:00Z")
			.expectProblem(400, "cases.category-unknown");
		command.get(API + "/deadline?category=STREET_ORDER&stage=HANDLE&start=2026-10-01T15:00:00Z")
			.expectProblem(400, "cases.category-unknown");
		command.get(API + "/deadline?category=GAS_LEAK&stage=LATER&start=2026-10-01T15:00:00Z")
			.expectProblem(400, "cases.stage-invalid");
		command.get(API + "/deadline?category=GAS_LEAK&stage=HANDLE&start=yesterday")
			.expectProblem(400, "cases.instant-invalid");
	}

	@Test
	void theRoutingProposalNamesTheRuleThatMadeIt() {
		ApiClient command = signedIn("command");
		JsonNode village = command.get(API + "/routing-proposal?category=ROAD_OCCUPYING_VENDOR&region=" + VILLAGE_GRID)
			.expectStatus(200)
			.json();
		assertThat(village.path("target").path("departmentCode").asString()).isEqualTo("COMMUNITY");
		assertThat(village.path("departmentName").asString()).isEqualTo("社区居委会/村委会");
		assertThat(village.path("rule").path("regionCode").asString()).isEqualTo("440704003201");
		assertThat(village.path("byDefault").asBoolean()).isFalse();
		JsonNode town = command.get(API + "/routing-proposal?category=ROAD_OCCUPYING_VENDOR&region=" + TOWN_GRID).json();
		assertThat(town.path("target").path("departmentCode").asString()).isEqualTo("URBAN_MGMT");
		assertThat(town.path("rule").path("categoryCode").asString()).isEqualTo("STREET_ORDER");
		JsonNode family = command.get(API + "/routing-proposal?category=FAMILY_DISPUTE&region=" + TOWN_GRID).json();
		assertThat(family.path("target").path("kind").asString()).isEqualTo("GRID_LEAD");
		assertThat(family.path("rule").path("categoryCode").asString()).isEqualTo("DISPUTE");
		JsonNode neighbours = command.get(API + "/routing-proposal?category=NEIGHBOUR_DISPUTE&region=" + TOWN_GRID).json();
		assertThat(neighbours.path("target").path("departmentCode").asString()).as("leaf rule before class rule")
			.isEqualTo("SOCIAL_GOV");
		JsonNode byDefault = command.get(API + "/routing-proposal?category=ROAD_DAMAGE&region=" + TOWN_GRID).json();
		assertThat(byDefault.path("byDefault").asBoolean()).isTrue();
		assertThat(byDefault.path("rule").isNull()).isTrue();
		assertThat(byDefault.path("target").path("departmentCode").asString()).isEqualTo("HOUSING");
		command.get(API + "/routing-proposal?category=ROAD_DAMAGE&region=440705001001001").expectProblem(404, "record.not-found");
		command.get(API + "/routing-proposal?category=ROAD_DAMAGE&region=12").expectProblem(400, "region.code-invalid");
	}

	@Test
	void adminManagesRoutingRulesAndTheProposalFollows() {
		ApiClient admin = signedIn("admin");
		String proposal = API + "/routing-proposal?category=OUTSIDE_STORE&region=" + TOWN_GRID;
		JsonNode rule = admin.post(API + "/routing-rules", Map.of("categoryCode", "OUTSIDE_STORE", "regionCode",
				"440704003001", "target", Map.of("kind", "DEPARTMENT", "departmentCode", "MARKET_REG"), "priority", 3,
				"note", "城隍社区店外经营由市场监管所处置"))
			.expectStatus(201)
			.json();
		String id = rule.path("id").asString();
		assertThat(admin.get(proposal).json().path("rule").path("id").asString()).isEqualTo(id);
		JsonNode revised = admin.put(API + "/routing-rules/" + id, Map.of("categoryCode", "OUTSIDE_STORE", "regionCode",
				"440704003001", "target", Map.of("kind", "GRID_LEAD"), "priority", 4, "version", 0))
			.expectStatus(200)
			.json();
		assertThat(admin.get(proposal).json().path("target").path("kind").asString()).isEqualTo("GRID_LEAD");
		admin.delete(API + "/routing-rules/" + id + "?version=0").expectProblem(409, "conflict.stale-version");
		admin.delete(API + "/routing-rules/" + id + "?version=" + revised.path("version").asLong()).expectStatus(204);
		assertThat(admin.get(proposal).json().path("rule").path("categoryCode").asString()).isEqualTo("STREET_ORDER");
		admin.post(API + "/routing-rules", Map.of("categoryCode", "OUTSIDE_STORE", "regionCode", "440704003001",
				"target", Map.of("kind", "DEPARTMENT"), "priority", 3))
			.expectProblem(400, "cases.routing-target-invalid");
		admin.post(API + "/routing-rules", Map.of("categoryCode", "OUTSIDE_STORE", "regionCode", "440705000000",
				"target", Map.of("kind", "GRID_LEAD"), "priority", 3))
			.expectProblem(403, "cases.region-outside-scope");
		admin.post(API + "/routing-rules", Map.of("categoryCode", "OUTSIDE_STORE", "regionCode", "440704003001",
				"target", Map.of("kind", "GRID_LEAD"), "priority", 5000))
			.expectProblem(400, "cases.routing-priority-invalid");
	}

	@Test
	void adminManagesDepartments() {
		ApiClient admin = signedIn("admin");
		JsonNode created = admin.post(API + "/departments",
				Map.of("code", "WATER_AFFAIRS", "name", "水务所", "regionCode", "440704003000"))
			.expectStatus(201)
			.json();
		assertThat(created.path("active").asBoolean()).isTrue();
		String id = created.path("id").asString();
		admin.post(API + "/departments", Map.of("code", "WATER_AFFAIRS", "name", "水务所", "regionCode", "440704003000"))
			.expectProblem(409, "cases.code-taken");
		admin.post(API + "/departments", Map.of("code", "water", "name", "水务所", "regionCode", "440704003000"))
			.expectProblem(400, "cases.code-invalid");
		admin.post(API + "/departments", Map.of("code", "WATER2", "name", "水务所", "regionCode", "4407"))
			.expectProblem(400, "region.code-invalid");
		JsonNode revised = admin.put(API + "/departments/" + id,
				Map.of("name", "外海水务所", "regionCode", "440704003000", "active", false, "version", 0))
			.expectStatus(200)
			.json();
		assertThat(revised.path("active").asBoolean()).isFalse();
		admin.put(API + "/departments/" + id, Map.of("name", "外海水务所", "regionCode", "440704003000"))
			.expectProblem(400, "cases.version-required");
		assertThat(signedIn("command").get(API + "/departments").json().findValuesAsString("code"))
			.contains("URBAN_MGMT", "FIRE_RESCUE", "COMMUNITY", "SOCIAL_GOV", "WATER_AFFAIRS");
		String urban = null;
		for (JsonNode department : admin.get(API + "/departments").json()) {
			if (department.path("code").asString().equals("URBAN_MGMT")) {
				urban = department.path("id").asString() + "?version=" + department.path("version").asLong();
			}
		}
		admin.delete(API + "/departments/" + urban).expectProblem(409, "cases.department-in-use");
		admin.delete(API + "/departments/" + id + "?version=1").expectStatus(204);
		admin.get(API + "/departments/" + id).expectProblem(404, "record.not-found");
	}
}
