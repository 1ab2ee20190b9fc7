package io.gridgov.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.gridgov.campaigns.HomeServiceRequested;
import io.gridgov.campaigns.internal.CampaignViews.OutcomeBody;
import io.gridgov.platform.personaldata.PersonalDataCipher;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import io.gridgov.workforce.GridStaff;
import tools.jackson.databind.JsonNode;

/**
 * Campaigns end to end over the API, on residents this test writes into the registers with a tag
 * of its own (one tag per test, so tests do not see each other's subjects).
 */
@RecordApplicationEvents
class CampaignsIT extends IntegrationTest {

	static final String OWN_GRID = "440704003001001";
	static final String VILLAGE_GRID = "440704003201001";

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	FollowUpGenerator generator;

	@Autowired
	FollowUpService followUps;

	@Autowired
	CampaignClock campaignClock;

	@Autowired
	GridStaff staff;

	@Autowired
	ApplicationEvents events;

	/** A new tag with residents: {@code own} in the grid worker's grid, {@code village} in a village grid; their ID numbers. */
	private List<String> residents(String tag, int own, int village) {
		jdbc.sql("INSERT INTO registers_tag (code, name_zh, name_en, category, sort_order, active) VALUES (?, ?, ?, 'FOLLOW_UP', 900, TRUE)")
			.params(tag, "测试" + tag, "Test " + tag)
			.update();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < own + village; i++) {
			String grid = i < own ? OWN_GRID : VILLAGE_GRID;
			UUID id = UUID.randomUUID();
			String idNumber = "440704" + String.format("%011d", Math.abs(id.getLeastSignificantBits() % 100_000_000_000L)) + "X";
			Timestamp now = Timestamp.from(Instant.now());
			jdbc.sql("INSERT INTO registers_resident (id, name, id_hash, grid_code, residency, status, content_hash,"
					+ " created_at, updated_at, version) VALUES (?, ?, ?, ?, 'REGISTERED', 'PRESENT', 'it', ?, ?, 0)")
				.params(id, "测试居民" + tag.substring(tag.length() - 4) + i, cipher.hash(idNumber), grid, now, now)
				.update();
			jdbc.sql("INSERT INTO registers_resident_tag (resident_id, tag_code) VALUES (?, ?)").params(id, tag).update();
			ids.add(idNumber);
		}
		return ids;
	}

	private static String newTag() {
		return "IT_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
	}

	private static Map<String, Object> campaignBody(String name, String tag) {
		return Map.of("name", name, "target", Map.of("kind", "RESIDENT", "tagCodes", List.of(tag)), "schedule",
				Map.of("kind", "DAILY", "startDate", LocalDate.now().minusDays(2).toString()));
	}

	private String startedCampaign(ApiClient command, String tag) {
		String id = command.post("/api/campaigns", campaignBody("测试行动 " + tag, tag)).expectStatus(201).json().path("id").asString();
		JsonNode started = command.post("/api/campaigns/" + id + "/start", Map.of()).expectStatus(200).json();
		assertThat(started.path("status").asString()).isEqualTo("RUNNING");
		return id;
	}

	private long followUpCount(String campaignId, LocalDate day) {
		return jdbc.sql("SELECT COUNT(*) FROM campaigns_followup WHERE campaign_id = ? AND due_day = ?")
			.params(UUID.fromString(campaignId), day)
			.query(Long.class)
			.single();
	}

	private List<UUID> followUpsIn(String campaignId, String grid) {
		return jdbc.sql("SELECT id FROM campaigns_followup WHERE campaign_id = ? AND grid_code = ? AND due_day = ? ORDER BY subject_name")
			.params(UUID.fromString(campaignId), grid, campaignClock.today())
			.query(UUID.class)
			.list();
	}

	@Test
	void startingFreezesTheTargetsAndWritesTodaysListOnceOnly() throws Exception {
		String tag = newTag();
		residents(tag, 2, 1);
		ApiClient command = signedIn("command");
		String id = startedCampaign(command, tag);
		LocalDate today = campaignClock.today();
		JsonNode campaign = command.get("/api/campaigns/" + id).json();
		assertThat(campaign.path("targetCount").asInt()).isEqualTo(3);
		assertThat(followUpCount(id, today)).as("started today: today's list, not the past days'").isEqualTo(3);
		assertThat(followUpCount(id, today.minusDays(1))).isZero();

		residents(tag + "X", 0, 0);
		jdbc.sql("INSERT INTO registers_resident_tag (resident_id, tag_code) SELECT id, ? FROM registers_resident WHERE grid_code = ? AND name LIKE '测试居民%' AND id NOT IN (SELECT resident_id FROM registers_resident_tag WHERE tag_code = ?)")
			.params(tag, OWN_GRID, tag)
			.update();
		generator.generate(UUID.fromString(id), today);
		generator.generate(UUID.fromString(id), today);
		assertThat(followUpCount(id, today)).as("a rerun doubles nothing").isEqualTo(3);

		LocalDate tomorrow = today.plusDays(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> run = () -> generator.generate(UUID.fromString(id), tomorrow);
			List<Future<Integer>> runs = pool.invokeAll(List.of(run, run));
			int written = runs.get(0).get() + runs.get(1).get();
			assertThat(written).isEqualTo(3);
		}
		finally {
			pool.shutdown();
		}
		assertThat(followUpCount(id, tomorrow)).as("two concurrent runs write each follow-up once, from the frozen list")
			.isEqualTo(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?")
			.param(CampaignJobs.DAILY_LISTS)
			.query(Long.class)
			.single()).as("the daily job is scheduled in the shared table").isEqualTo(1);
	}

	@Test
	void followUpsGoToTheLeadOfTheSubjectsGrid() {
		String tag = newTag();
		residents(tag, 1, 1);
		String id = startedCampaign(signedIn("command"), tag);
		List<String> workers = jdbc.sql("SELECT worker_name FROM campaigns_followup WHERE campaign_id = ? ORDER BY grid_code")
			.param(UUID.fromString(id))
			.query(String.class)
			.list();
		assertThat(workers).containsExactly(staff.leadOf(RegionCode.of(OWN_GRID)).orElseThrow().name(),
				staff.leadOf(RegionCode.of(VILLAGE_GRID)).orElseThrow().name());
		assertThat(workers.get(0)).isEqualTo("陈晓敏");
	}

	@Test
	void aDayThatBeganBeforeTheDailyJobRanHasItsListOnTheFirstRead() {
		String tag = newTag();
		residents(tag, 2, 1);
		ApiClient command = signedIn("command");
		String id = startedCampaign(command, tag);
		LocalDate tomorrow = campaignClock.today().plusDays(1);
		clock.advance(Duration.ofDays(1));
		assertThat(campaignClock.today()).isEqualTo(tomorrow);
		assertThat(followUpCount(id, tomorrow)).as("the daily job has not run for the new day").isZero();

		JsonNode today = signedIn("gridworker").get("/api/campaigns/followups/today?campaignId=" + id)
			.expectStatus(200)
			.json();
		assertThat(today.path("day").asString()).isEqualTo(tomorrow.toString());
		assertThat(today.path("items").findValuesAsString("status")).as("the worker's new day is not empty")
			.hasSize(2)
			.containsOnly("PENDING");
		assertThat(followUpCount(id, tomorrow)).as("the whole day's list, every grid's, written once").isEqualTo(3);

		JsonNode progress = command.get("/api/campaigns/" + id + "/progress").expectStatus(200).json();
		assertThat(figures(progress.path("figures"))).as("the progress page counts the new day's targets")
			.startsWith(3L, 3L, 0L, 0L, 3L);
		generator.generateAllDue();
		assertThat(followUpCount(id, tomorrow)).as("the daily job, running late, doubles nothing").isEqualTo(3);
	}

	@Test
	void gridWorkerSeesAndMarksOnlyOwnGridsFollowUps() {
		String tag = newTag();
		residents(tag, 2, 1);
		String id = startedCampaign(signedIn("command"), tag);
		ApiClient gridworker = signedIn("gridworker");
		JsonNode today = gridworker.get("/api/campaigns/followups/today?campaignId=" + id).expectStatus(200).json();
		assertThat(today.path("items").findValuesAsString("gridCode")).hasSize(2).containsOnly(OWN_GRID);
		assertThat(today.path("forms").get(0).path("form").path("fields").findValuesAsString("key")).contains("CHECKED",
				"REASON_MISSED");

		UUID own = followUpsIn(id, OWN_GRID).get(0);
		JsonNode done = gridworker.put("/api/campaigns/followups/" + own + "/outcome",
				Map.of("values", Map.of("CHECKED", true, "NOTE", "身体良好"), "latitude", 22.55, "longitude", 113.13))
			.expectStatus(200)
			.json();
		assertThat(done.path("status").asString()).isEqualTo("DONE");
		assertThat(done.path("recordedBy").asString()).isEqualTo("gridworker");

		UUID village = followUpsIn(id, VILLAGE_GRID).get(0);
		gridworker.put("/api/campaigns/followups/" + village + "/outcome", Map.of("values", Map.of("CHECKED", true)))
			.expectProblem(404, "record.not-found");
		gridworker.put("/api/campaigns/followups/" + UUID.randomUUID() + "/outcome", Map.of("values", Map.of("CHECKED", true)))
			.expectProblem(404, "record.not-found");
		signedIn("leader").put("/api/campaigns/followups/" + own + "/outcome", Map.of("values", Map.of("CHECKED", true)))
			.expectProblem(403, "security.forbidden");
		signedIn("leader").post("/api/campaigns", campaignBody("x", tag)).expectProblem(403, "security.forbidden");
		signedIn("department").get("/api/campaigns").expectProblem(403, "security.forbidden");
	}

	@Test
	void aMissedCheckWithoutAReasonIsRefused() {
		String tag = newTag();
		residents(tag, 1, 0);
		String id = startedCampaign(signedIn("command"), tag);
		UUID own = followUpsIn(id, OWN_GRID).get(0);
		ApiClient gridworker = signedIn("gridworker");
		gridworker.put("/api/campaigns/followups/" + own + "/outcome", Map.of("values", Map.of("CHECKED", false)))
			.expectProblem(400, "campaigns.reason-required");
		gridworker.put("/api/campaigns/followups/" + own + "/outcome",
				Map.of("values", Map.of("CHECKED", false, "REASON_MISSED", " ")))
			.expectProblem(400, "campaigns.reason-required");
		assertThat(jdbc.sql("SELECT status FROM campaigns_followup WHERE id = ?").param(own).query(String.class).single())
			.as("nothing written").isEqualTo("PENDING");
		JsonNode missed = gridworker.put("/api/campaigns/followups/" + own + "/outcome",
				Map.of("values", Map.of("CHECKED", false, "REASON_MISSED", "外出务工未返回")))
			.expectStatus(200)
			.json();
		assertThat(missed.path("status").asString()).isEqualTo("MISSED");
		assertThat(missed.path("outcome").path("REASON_MISSED").asString()).isEqualTo("外出务工未返回");
	}

	@Test
	void needsHomeServiceOpensATaskForTheGridAndPublishesTheEvent() {
		String tag = newTag();
		residents(tag, 1, 1);
		String id = startedCampaign(signedIn("command"), tag);
		UUID own = followUpsIn(id, OWN_GRID).get(0);
		Actor worker = new Actor(null, "gridworker", Set.of("GRID_WORKER"), RegionCode.of(OWN_GRID));
		followUps.record(own, new OutcomeBody(Map.of("CHECKED", true, "NEEDS_HOME_SERVICE", true, "NOTE", "行动不便"), null,
				null), worker);
		followUps.record(own, new OutcomeBody(Map.of("CHECKED", true, "NEEDS_HOME_SERVICE", true), null, null), worker);
		List<HomeServiceRequested> published = events.stream(HomeServiceRequested.class)
			.filter(e -> e.campaignId().toString().equals(id))
			.toList();
		assertThat(published).as("one task per follow-up, however often it is recorded").hasSize(1);
		assertThat(published.get(0).grid().value()).isEqualTo(OWN_GRID);
		assertThat(published.get(0).note()).isEqualTo("行动不便");

		JsonNode tasks = signedIn("gridworker").get("/api/campaigns/home-service?status=OPEN&size=200").expectStatus(200).json();
		JsonNode task = null;
		for (JsonNode t : tasks.path("items")) {
			if (t.path("campaignId").asString().equals(id)) {
				task = t;
			}
		}
		assertThat(task).isNotNull();
		assertThat(tasks.path("items").findValuesAsString("gridCode")).containsOnly(OWN_GRID);
		assertThat(signedIn("command").get("/api/campaigns/home-service?gridCode=" + OWN_GRID + "&size=200").json()
			.path("items").findValuesAsString("id")).contains(task.path("id").asString());
		UUID villageTask = UUID.randomUUID();
		signedIn("gridworker").post("/api/campaigns/home-service/" + villageTask + "/done", Map.of())
			.expectProblem(404, "record.not-found");
		signedIn("gridworker").post("/api/campaigns/home-service/" + task.path("id").asString() + "/done", Map.of())
			.expectStatus(204);
		signedIn("gridworker").post("/api/campaigns/home-service/" + task.path("id").asString() + "/done", Map.of())
			.expectProblem(409, "campaigns.home-service-done");
	}

	@Test
	void progressCountsTargetsDoneMissedPendingAndOverdueByGrid() {
		String tag = newTag();
		residents(tag, 3, 2);
		ApiClient command = signedIn("command");
		String id = startedCampaign(command, tag);
		List<UUID> own = followUpsIn(id, OWN_GRID);
		List<UUID> village = followUpsIn(id, VILLAGE_GRID);
		ApiClient gridworker = signedIn("gridworker");
		gridworker.put("/api/campaigns/followups/" + own.get(0) + "/outcome", Map.of("values", Map.of("CHECKED", true)))
			.expectStatus(200);
		gridworker.put("/api/campaigns/followups/" + own.get(1) + "/outcome",
				Map.of("values", Map.of("CHECKED", false, "REASON_MISSED", "电话无人接听")))
			.expectStatus(200);
		command.put("/api/campaigns/followups/" + village.get(0) + "/outcome", Map.of("values", Map.of("CHECKED", true)))
			.expectStatus(200);

		JsonNode summary = command.get("/api/campaigns/" + id + "/progress").expectStatus(200).json();
		assertThat(figures(summary.path("figures"))).containsExactly(5L, 5L, 2L, 1L, 2L, 0L);
		assertThat(summary.path("missedReasons").get(0).path("reason").asString()).isEqualTo("电话无人接听");

		JsonNode byGrid = command.get("/api/campaigns/" + id + "/progress/by?level=GRID").json();
		assertThat(byGrid.findValuesAsString("key")).containsExactly(OWN_GRID, VILLAGE_GRID);
		assertThat(figures(byGrid.get(0).path("figures"))).containsExactly(3L, 3L, 1L, 1L, 1L, 0L);
		assertThat(figures(byGrid.get(1).path("figures"))).containsExactly(2L, 2L, 1L, 0L, 1L, 0L);
		JsonNode byCommunity = command.get("/api/campaigns/" + id + "/progress/by?level=COMMUNITY").json();
		assertThat(byCommunity.findValuesAsString("key")).containsExactly("440704003001", "440704003201");
		JsonNode byWorker = command.get("/api/campaigns/" + id + "/progress/by?level=WORKER&within=" + OWN_GRID).json();
		assertThat(byWorker.findValuesAsString("name")).containsExactly("陈晓敏");

		JsonNode pending = command.get("/api/campaigns/" + id + "/progress/pending").json();
		assertThat(pending.path("total").asLong()).isEqualTo(2);
		assertThat(pending.path("items").findValuesAsString("id")).containsExactlyInAnyOrder(own.get(2).toString(),
				village.get(1).toString());

		LocalDate tomorrow = campaignClock.today().plusDays(1);
		generator.generate(UUID.fromString(id), tomorrow);
		JsonNode next = command.get("/api/campaigns/" + id + "/progress?day=" + tomorrow).json();
		assertThat(figures(next.path("figures"))).as("yesterday's pending ones are overdue").containsExactly(5L, 5L, 0L, 0L,
				5L, 2L);

		JsonNode workerView = gridworker.get("/api/campaigns/" + id + "/progress").expectStatus(200).json();
		assertThat(figures(workerView.path("figures"))).as("cut to the worker's grid").containsExactly(3L, 3L, 1L, 1L, 1L,
				0L);
		gridworker.get("/api/campaigns/" + id + "/progress?within=" + VILLAGE_GRID)
			.expectProblem(400, "campaigns.region-invalid");
	}

	private static List<Long> figures(JsonNode f) {
		return List.of(f.path("targets").asLong(), f.path("due").asLong(), f.path("done").asLong(), f.path("missed").asLong(),
				f.path("pending").asLong(), f.path("overdue").asLong());
	}

	@Test
	void anUploadedListResolvesKnownIdentifiersAndReportsUnknownRows() {
		String tag = newTag();
		List<String> ids = residents(tag, 1, 1);
		ApiClient command = signedIn("command");
		Map<String, Object> body = Map.of("name", "名单行动", "target", Map.of("mode", "LIST", "kind", "RESIDENT"), "schedule",
				Map.of("kind", "ONCE", "startDate", campaignClock.today().toString()));
		String id = command.post("/api/campaigns", body).expectStatus(201).json().path("id").asString();
		String csv = "身份证号\n" + ids.get(0) + "\n" + ids.get(1).toLowerCase() + "\n440704199001019999\n";
		JsonNode report = command.postFile("/api/campaigns/" + id + "/target-list", "file", "list.csv",
				csv.getBytes(StandardCharsets.UTF_8)).expectStatus(200).json();
		assertThat(report.path("accepted").asInt()).isEqualTo(2);
		assertThat(report.path("unknown").asInt()).isEqualTo(1);
		assertThat(report.path("problems").get(0).path("row").asInt()).isEqualTo(4);
		assertThat(report.path("problems").get(0).path("value").asString()).isEqualTo("440704********9999");
		command.post("/api/campaigns/" + id + "/start", Map.of()).expectStatus(200);
		assertThat(command.get("/api/campaigns/" + id).json().path("targetCount").asInt()).isEqualTo(2);
		command.post("/api/campaigns/" + id + "/start", Map.of()).expectProblem(409, "campaigns.status-conflict");
	}

	@Test
	void badCampaignInputIsRefusedWithAStableCode() {
		ApiClient command = signedIn("command");
		command.post("/api/campaigns", Map.of("name", " ", "target", Map.of("kind", "RESIDENT"), "schedule",
				Map.of("kind", "DAILY", "startDate", "2026-12-01"))).expectProblem(400, "campaigns.name-invalid");
		command.post("/api/campaigns", Map.of("name", "x", "target", Map.of("kind", "RESIDENT"), "schedule",
				Map.of("kind", "WEEKLY", "startDate", "2026-12-01"))).expectProblem(400, "campaigns.weekdays-required");
		command.post("/api/campaigns", Map.of("name", "x", "target", Map.of("kind", "RESIDENT", "regionCodes",
				List.of("440705000000")), "schedule", Map.of("kind", "DAILY", "startDate", "2026-12-01")))
			.expectProblem(400, "campaigns.region-invalid");
		String empty = command.post("/api/campaigns", campaignBody("空", newTag())).expectStatus(201).json().path("id").asString();
		command.post("/api/campaigns/" + empty + "/start", Map.of()).expectProblem(409, "campaigns.no-targets");
		signedIn("gridworker").get("/api/campaigns/" + empty).expectStatus(200);
	}
}
