package io.gridgov.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.gridgov.geo.GridLocator;
import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class WorkforceIT extends IntegrationTest {

	@Autowired
	GridLocator locator;

	static final String OWN_GRID = "440704003001001";
	static final String VILLAGE_GRID = "440704003201001";

	private String firstWorkerOf(String grid) {
		return signedIn("command").get("/api/workforce/workers?gridCode=" + grid)
			.expectStatus(200)
			.json()
			.path("items")
			.get(0)
			.path("id")
			.asString();
	}

	private static Map<String, Object> newWorker(String name, String phone, String grid, boolean lead) {
		return Map.of("name", name, "employment", "PART_TIME", "source", "VOLUNTEER", "phone", phone, "grids",
				List.of(Map.of("code", grid, "lead", lead)));
	}

	@Test
	void gridWorkerSeesOnlyWorkersOfOwnGrid() {
		ApiClient gridworker = signedIn("gridworker");
		JsonNode page = gridworker.get("/api/workforce/workers?size=200").expectStatus(200).json();
		assertThat(page.path("total").asLong()).isPositive();
		for (JsonNode worker : page.path("items")) {
			assertThat(worker.path("grids").findValuesAsString("code")).containsOnly(OWN_GRID);
		}
		String villageWorker = firstWorkerOf(VILLAGE_GRID);
		gridworker.get("/api/workforce/workers/" + villageWorker).expectProblem(404, "record.not-found");
		gridworker.get("/api/workforce/grids/" + VILLAGE_GRID + "/workers").expectProblem(404, "record.not-found");
		assertThat(gridworker.get("/api/workforce/boards?size=200").json().path("items").findValuesAsString("gridCode"))
			.isNotEmpty()
			.containsOnly(OWN_GRID);
	}

	@Test
	void listsShowPhonesMaskedOnly() {
		ApiClient command = signedIn("command");
		String body = command.get("/api/workforce/workers?size=50").expectStatus(200).body();
		assertThat(body).doesNotContainPattern("\\b1[3-9]\\d{9}\\b");
		JsonNode first = command.get("/api/workforce/workers?size=1").json().path("items").get(0);
		assertThat(first.path("phoneMasked").asString()).matches("1[3-9]\\d\\*{4}\\d{4}");
		assertThat(command.get("/api/workforce/grids/" + OWN_GRID + "/workers").expectStatus(200).json().get(0)
			.path("grids").get(0).path("lead").asBoolean()).as("the lead comes first").isTrue();
	}

	@Test
	void revealNeedsThePermissionAndAReasonAndIsAudited() {
		String id = firstWorkerOf(OWN_GRID);
		signedIn("gridworker").post("/api/workforce/workers/" + id + "/phone/reveal", Map.of("reason", "核实"))
			.expectProblem(403, "security.forbidden");
		ApiClient command = signedIn("command");
		command.post("/api/workforce/workers/" + id + "/phone/reveal", Map.of("reason", " "))
			.expectProblem(400, "personal-data.reason-required");
		String phone = command.post("/api/workforce/workers/" + id + "/phone/reveal", Map.of("reason", "回访群众来电"))
			.expectStatus(200)
			.json()
			.path("phone")
			.asString();
		assertThat(phone).matches("1[3-9]\\d{9}");
		List<String> details = jdbc.sql("SELECT detail FROM identity_audit_log WHERE action = 'PERSONAL_DATA_REVEAL'"
				+ " AND record_type = 'worker' AND record_id = ? AND outcome = 'SUCCESS'")
			.param(id)
			.query(String.class)
			.list();
		assertThat(details).anySatisfy(detail -> assertThat(detail).contains("回访群众来电").doesNotContain(phone));
	}

	@Test
	void publicGridPageWorksWithoutLoginAndCountsAScanOfItsBoard() {
		String board = jdbc.sql("SELECT code FROM workforce_board WHERE grid_code = ? ORDER BY sequence")
			.param(OWN_GRID)
			.query(String.class)
			.list()
			.get(0);
		long before = scans(board);
		JsonNode page = client().get("/api/public/grids/" + OWN_GRID + "?b=" + board).expectStatus(200).json();
		assertThat(page.path("name").asString()).isNotBlank();
		assertThat(page.path("communityName").asString()).isEqualTo("城隍社区");
		assertThat(page.path("board").asString()).isEqualTo(board);
		JsonNode lead = page.path("workers").get(0);
		assertThat(lead.path("lead").asBoolean()).isTrue();
		assertThat(lead.path("name").asString()).isEqualTo("陈晓敏");
		assertThat(lead.path("workPhone").asString()).matches("1[3-9]\\d{9}");
		assertThat(lead.propertyNames()).containsExactlyInAnyOrder("name", "workPhone", "lead");
		assertThat(scans(board)).isEqualTo(before + 1);

		JsonNode otherGrid = client().get("/api/public/grids/" + VILLAGE_GRID + "?b=" + board).expectStatus(200).json();
		assertThat(otherGrid.path("board").isNull()).as("a board of another grid is not counted").isTrue();
		assertThat(scans(board)).isEqualTo(before + 1);
		client().get("/api/public/grids/440704003001099").expectProblem(404, "record.not-found");
	}

	private long scans(String board) {
		return jdbc.sql("SELECT scans FROM workforce_board WHERE code = ?").param(board).query(Long.class).single();
	}

	@Test
	void demoHasTwoThousandBoardsInsideTheirGridsAndALeadInEveryGrid() {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM workforce_board").query(Long.class).single()).isGreaterThanOrEqualTo(2000);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT lead_grid) FROM workforce_assignment").query(Long.class).single())
			.isEqualTo(77);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT grid_code) FROM workforce_board").query(Long.class).single()).isEqualTo(77);
		record Placed(String code, String gridCode, double longitude, double latitude) {
		}
		List<String> misplaced = jdbc.sql("SELECT code, grid_code, longitude, latitude FROM workforce_board")
			.query(Placed.class)
			.list()
			.stream()
			.filter(board -> locator.locate(board.longitude(), board.latitude())
				.filter(hit -> hit.grid().value().equals(board.gridCode()))
				.isEmpty())
			.map(Placed::code)
			.toList();
		assertThat(misplaced).as("boards whose location the locator puts in another grid").isEmpty();
	}

	@Test
	void managerPlacesABoardInsideItsGridAndItGetsTheNextCode() {
		ApiClient command = signedIn("command");
		JsonNode existing = command.get("/api/workforce/boards?gridCode=" + OWN_GRID + "&size=1").json().path("items").get(0);
		JsonNode placed = command
			.post("/api/workforce/boards", Map.of("gridCode", OWN_GRID, "location", existing.path("location")))
			.expectStatus(201)
			.json();
		assertThat(placed.path("code").asString()).matches("WH-\\d{4}");
		assertThat(placed.path("publicUrl").asString()).endsWith("/g/" + OWN_GRID + "?b=" + placed.path("code").asString());
		assertThat(placed.path("workers").get(0).path("lead").asBoolean()).isTrue();
		assertThat(placed.path("scans").asLong()).isZero();
	}

	@Test
	void signedInGridWorkerFindsTheirOwnWorkerRecord() {
		JsonNode me = signedIn("gridworker").get("/api/workforce/me").expectStatus(200).json();
		assertThat(me.path("name").asString()).isEqualTo("陈晓敏");
		assertThat(me.path("username").asString()).isEqualTo("gridworker");
		assertThat(me.path("grids").get(0).path("lead").asBoolean()).isTrue();
		signedIn("command").get("/api/workforce/me").expectProblem(404, "workforce.not-a-worker");
	}

	@Test
	void boardDownloadsArePdfAndQrCodesAreImages() {
		ApiClient command = signedIn("command");
		ApiClient.Response pdf = command.get("/api/workforce/boards/WH-0001/pdf").expectStatus(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		assertThat(pdf.body()).startsWith("%PDF");
		ApiClient.Response bulk = command.get("/api/workforce/boards/pdf?communityCode=440704003001").expectStatus(200);
		assertThat(bulk.contentType()).isEqualTo("application/pdf");
		assertThat(command.get("/api/workforce/boards/WH-0001/qr.png").expectStatus(200).contentType()).isEqualTo("image/png");
		assertThat(command.get("/api/workforce/boards/WH-0001/qr.svg").expectStatus(200).body()).startsWith("<svg");
		command.get("/api/workforce/boards/pdf?communityCode=440704003000").expectProblem(400, "workforce.community-invalid");
		command.get("/api/workforce/boards/WH-9999/pdf").expectProblem(404, "record.not-found");
	}

	@Test
	void managerHiresAndRevisesAWorkerWithOptimisticLocking() {
		ApiClient command = signedIn("command");
		JsonNode hired = command.post("/api/workforce/workers", newWorker("测试志愿者", "13900001111", VILLAGE_GRID, false))
			.expectStatus(201)
			.json();
		assertThat(hired.path("phoneMasked").asString()).isEqualTo("139****1111");
		assertThat(hired.path("version").asLong()).isZero();
		String id = hired.path("id").asString();
		Map<String, Object> revision = Map.of("name", "测试志愿者", "employment", "PART_TIME", "source", "COURIER", "status",
				"SUSPENDED", "grids", List.of(Map.of("code", VILLAGE_GRID, "lead", false)), "version", 0);
		JsonNode revised = command.put("/api/workforce/workers/" + id, revision).expectStatus(200).json();
		assertThat(revised.path("status").asString()).isEqualTo("SUSPENDED");
		assertThat(revised.path("source").asString()).isEqualTo("COURIER");
		assertThat(revised.path("version").asLong()).isEqualTo(1);
		command.put("/api/workforce/workers/" + id, revision).expectProblem(409, "conflict.stale-version");
		assertThat(command.get("/api/workforce/workers?q=13900001111").json().path("total").asLong())
			.as("exact search by phone through its keyed hash").isEqualTo(1);

		command.post("/api/workforce/workers/" + id + "/trainings",
				Map.of("topic", "无人机操作", "date", "2026-01-15", "hours", 4, "provider", "江门市无人机协会"))
			.expectStatus(201);
		command.post("/api/workforce/workers/" + id + "/assessments", Map.of("period", "2026-Q1", "score", 88, "assessor", "综治中心"))
			.expectStatus(201);
		assertThat(command.get("/api/workforce/workers/" + id + "/trainings").json().get(0).path("topic").asString())
			.isEqualTo("无人机操作");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_log WHERE record_id = ? AND outcome = 'SUCCESS'")
			.param(id)
			.query(Long.class)
			.single()).as("every write is audited").isEqualTo(4);
		signedIn("gridworker").post("/api/workforce/workers", newWorker("某人", "13900002222", OWN_GRID, false))
			.expectProblem(403, "security.forbidden");
	}

	@Test
	void badWorkerInputGetsItsProblemCode() {
		ApiClient command = signedIn("command");
		command.post("/api/workforce/workers", newWorker("张三", "12345", VILLAGE_GRID, false))
			.expectProblem(400, "workforce.phone-invalid");
		command.post("/api/workforce/workers", newWorker("张三", "13900003333", OWN_GRID, true))
			.expectProblem(409, "workforce.grid-has-lead");
		command.post("/api/workforce/workers", newWorker("张三", "13900003333", "440704003001099", false))
			.expectProblem(400, "workforce.grid-unknown");
		command.post("/api/workforce/workers", newWorker("张".repeat(51), "13900003333", VILLAGE_GRID, false))
			.expectProblem(400, "workforce.name-invalid");
		command.post("/api/workforce/workers/" + firstWorkerOf(VILLAGE_GRID) + "/assessments",
				Map.of("period", "2026-Q1", "score", 101, "assessor", "综治中心"))
			.expectProblem(400, "workforce.score-invalid");
		command.post("/api/workforce/boards", Map.of("gridCode", OWN_GRID, "location", Map.of("lon", 0, "lat", 0)))
			.expectProblem(400, "workforce.board-outside-grid");
	}
}
