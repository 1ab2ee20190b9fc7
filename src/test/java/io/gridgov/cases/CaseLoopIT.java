package io.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;

import io.gridgov.geo.Grids;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The case loop through its HTTP API, from a resident's report to the rating of the closed case. */
class CaseLoopIT extends IntegrationTest {

	static final String GRID = "440704003001001";
	static final String OTHER_GRID = "440704003201001";

	@Autowired
	Grids grids;

	private Point inside(String grid) {
		return grids.find(RegionCode.of(grid)).orElseThrow().interiorPoint();
	}

	private Map<String, Object> patrol(String grid, String category, String description) {
		Point p = inside(grid);
		Map<String, Object> body = new HashMap<>();
		body.put("source", "HOTLINE");
		body.put("categoryCode", category);
		body.put("description", description);
		body.put("longitude", p.getX());
		body.put("latitude", p.getY());
		return body;
	}

	private static JsonNode act(ApiClient client, JsonNode detail, String action, Map<String, Object> extra, int status) {
		Map<String, Object> body = new HashMap<>(extra);
		body.put("version", detail.path("version").asLong());
		var response = client.post("/api/cases/" + detail.path("id").asString() + "/actions/" + action, body);
		return response.expectStatus(status).json();
	}

	@Test
	void aResidentsReportGoesThroughTheWholeLoopAndIsRatedWithTheTrackingCode() {
		Point p = inside(GRID);
		ApiClient resident = client();
		JsonNode receipt = resident.post("/api/public/cases", Map.of("categoryCode", "EXPOSED_GARBAGE", "description",
				"小区门口垃圾堆积三天无人清运", "longitude", p.getX(), "latitude", p.getY(), "phone", "13800138000"))
			.expectStatus(201)
			.json();
		String code = receipt.path("trackingCode").asString();
		assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

		ApiClient command = signedIn("command");
		JsonNode found = command.get("/api/cases?q=" + code).expectStatus(200).json();
		assertThat(found.path("total").asLong()).isEqualTo(1);
		String id = found.path("items").get(0).path("id").asString();
		JsonNode detail = command.get("/api/cases/" + id).expectStatus(200).json();
		assertThat(detail.path("gridCode").asString()).isEqualTo(GRID);
		assertThat(detail.path("communityCode").asString()).isEqualTo("440704003001");
		assertThat(detail.path("boundaryVersion").asInt()).isPositive();
		assertThat(detail.path("reporter").path("phoneMasked").asString()).isEqualTo("138****8000");
		assertThat(detail.toString()).doesNotContain("13800138000");
		assertThat(strings(detail.path("allowedActions"))).contains("ACCEPT", "REJECT", "MERGE");

		detail = act(command, detail, "accept", Map.of("note", "受理"), 200);
		JsonNode proposal = command.get("/api/cases/" + id + "/routing-proposal").expectStatus(200).json();
		assertThat(proposal.path("assignee").path("targetId").asString()).isEqualTo("URBAN_MGMT");
		detail = act(command, detail, "dispatch", Map.of("assignee", Map.of("kind", "DEPARTMENT", "targetId", "URBAN_MGMT")),
				200);
		assertThat(detail.path("status").asString()).isEqualTo("DISPATCHED");
		assertThat(detail.path("deadline").isNull()).isFalse();

		ApiClient department = signedIn("department");
		JsonNode inbox = department.get("/api/cases?mine=true").expectStatus(200).json();
		assertThat(ids(inbox)).contains(id);
		detail = department.get("/api/cases/" + id).json();
		detail = act(department, detail, "start", Map.of(), 200);
		detail = act(department, detail, "handle", Map.of("result", "已清运"), 200);
		assertThat(detail.path("status").asString()).isEqualTo("HANDLED");

		ApiClient gridWorker = signedIn("gridworker");
		JsonNode tasks = gridWorker.get("/api/cases?mine=true&status=HANDLED").expectStatus(200).json();
		assertThat(ids(tasks)).contains(id);
		detail = gridWorker.get("/api/cases/" + id).json();
		detail = act(gridWorker, detail, "verify-pass", Map.of("note", "现场已清理干净"), 200);
		detail = act(command, command.get("/api/cases/" + id).json(), "close", Map.of(), 200);
		assertThat(detail.path("status").asString()).isEqualTo("CLOSED");
		assertThat(detail.path("figures").path("handledOnTime").asBoolean()).isTrue();
		assertThat(detail.path("figures").path("dispatchedCorrectly").asBoolean()).isTrue();

		JsonNode tracking = resident.get("/api/public/cases/" + code.toLowerCase()).expectStatus(200).json();
		assertThat(tracking.path("status").asString()).isEqualTo("CLOSED");
		assertThat(tracking.path("canRate").asBoolean()).isTrue();
		assertThat(tracking.toString()).doesNotContain("受理", "已清运", "现场已清理干净", "陈晓敏", "actorName", "note");
		JsonNode rated = resident.post("/api/public/cases/" + code + "/rating", Map.of("stars", 5, "comment", "很快"))
			.expectStatus(200)
			.json();
		assertThat(rated.path("rating").asInt()).isEqualTo(5);
		assertThat(rated.path("canRate").asBoolean()).isFalse();
		resident.post("/api/public/cases/" + code + "/rating", Map.of("stars", 4)).expectProblem(409, "cases.already-rated");

		List<String> actions = jdbc.sql("SELECT action FROM cases_timeline WHERE case_id = ? ORDER BY seq")
			.param(java.util.UUID.fromString(id))
			.query(String.class)
			.list();
		assertThat(actions).containsExactly("REPORT", "ACCEPT", "DISPATCH", "START", "HANDLE", "VERIFY_PASS", "CLOSE",
				"RATE");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_log WHERE record_id = ? AND action LIKE 'CASE_%'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(8);
	}

	@Test
	void theReportersPhoneIsEncryptedAtRestAndRevealedOnlyWithAReasonAndAudited() {
		Map<String, Object> body = patrol(GRID, "STREET_LIGHT", "路灯不亮");
		body.put("reporterPhone", "13912345678");
		ApiClient command = signedIn("command");
		String id = command.post("/api/cases", body).expectStatus(201).json().path("id").asString();
		String stored = jdbc.sql("SELECT reporter_phone FROM cases_case WHERE id = ?")
			.param(java.util.UUID.fromString(id))
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain("13912345678");
		command.post("/api/cases/" + id + "/reporter-phone/reveal", Map.of("reason", ""))
			.expectStatus(400);
		JsonNode revealed = command.post("/api/cases/" + id + "/reporter-phone/reveal", Map.of("reason", "回访报事人"))
			.expectStatus(200)
			.json();
		assertThat(revealed.path("value").asString()).isEqualTo("13912345678");
		signedIn("department").post("/api/cases/" + id + "/reporter-phone/reveal", Map.of("reason", "回访"))
			.expectStatus(403);
	}

	@Test
	void anIllegalTransitionIsRefusedWithTheAllowedActionsAndChangesNothing() {
		ApiClient command = signedIn("command");
		JsonNode detail = command.post("/api/cases", patrol(GRID, "DIRTY_ROAD", "路面油污")).expectStatus(201).json();
		Map<String, Object> body = Map.of("version", detail.path("version").asLong(), "result", "已处理");
		JsonNode problem = command.post("/api/cases/" + detail.path("id").asString() + "/actions/handle", body)
			.expectProblem(409, "cases.transition-not-allowed");
		assertThat(strings(problem.path("allowedActions"))).contains("ACCEPT", "REJECT");
		assertThat(problem.path("currentStatus").asString()).isEqualTo("REPORTED");
		assertThat(command.get("/api/cases/" + detail.path("id").asString()).json().path("version").asLong()).isZero();
	}

	@Test
	void ofTwoHandlersActingAtOnceExactlyOneWinsAndTheOtherGetsTheCurrentState() throws Exception {
		ApiClient command = signedIn("command");
		ApiClient second = signedIn("command");
		JsonNode detail = command.post("/api/cases", patrol(GRID, "OVERFLOWING_BIN", "垃圾桶满溢")).expectStatus(201).json();
		String path = "/api/cases/" + detail.path("id").asString() + "/actions/";
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<ApiClient.Response>> calls = List.of(() -> {
				start.await();
				return command.post(path + "accept", Map.of("version", 0));
			}, () -> {
				start.await();
				return second.post(path + "reject", Map.of("version", 0, "reason", "重复"));
			});
			List<Future<ApiClient.Response>> futures = new ArrayList<>();
			calls.forEach(c -> futures.add(pool.submit(c)));
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<ApiClient.Response> f : futures) {
				statuses.add(f.get().status());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
		JsonNode after = command.get("/api/cases/" + detail.path("id").asString()).json();
		assertThat(after.path("version").asLong()).isEqualTo(1);
		assertThat(after.path("timeline").size()).isEqualTo(2);
		command.post(path + "supervise", Map.of("version", 0)).expectProblem(409, "cases.stale-version");
	}

	@Test
	void aPointOutsideEveryGridLandsInTheUnassignedQueueAndCanBeAssignedAGrid() {
		ApiClient command = signedIn("command");
		Map<String, Object> body = patrol(GRID, "ILLEGAL_BANNER", "江边横幅");
		body.put("longitude", 113.20);
		body.put("latitude", 22.40);
		JsonNode detail = command.post("/api/cases", body).expectStatus(201).json();
		assertThat(detail.path("unassigned").asBoolean()).isTrue();
		JsonNode queue = command.get("/api/cases?unassigned=true").json();
		assertThat(ids(queue)).contains(detail.path("id").asString());
		detail = act(command, detail, "assign-grid", Map.of("gridCode", GRID), 200);
		assertThat(detail.path("unassigned").asBoolean()).isFalse();
		assertThat(detail.path("gridCode").asString()).isEqualTo(GRID);
		assertThat(detail.path("communityCode").asString()).isEqualTo("440704003001");
	}

	@Test
	void aCaseOutsideTheUsersGridAnswers404() {
		ApiClient command = signedIn("command");
		String id = command.post("/api/cases", patrol(OTHER_GRID, "DIRTY_ROAD", "村道不洁")).expectStatus(201).json()
			.path("id").asString();
		signedIn("gridworker").get("/api/cases/" + id).expectProblem(404, "record.not-found");
		assertThat(ids(signedIn("gridworker").get("/api/cases?size=200").json())).doesNotContain(id);
	}

	@Test
	void openCasesOfTheSameCategoryNearbyAreShownAsDuplicatesAndCanBeMerged() {
		ApiClient command = signedIn("command");
		Point p = inside(GRID);
		JsonNode first = command.post("/api/cases", patrol(GRID, "MISPARKED_BIKES", "单车乱停")).expectStatus(201).json();
		Map<String, Object> near = patrol(GRID, "MISPARKED_BIKES", "单车堵路");
		near.put("longitude", p.getX() + 0.0002);
		JsonNode second = command.post("/api/cases", near).expectStatus(201).json();
		JsonNode hints = command.get("/api/cases/duplicates?category=MISPARKED_BIKES&longitude=" + (p.getX() + 0.0002)
				+ "&latitude=" + p.getY() + "&excludeId=" + second.path("id").asString()).expectStatus(200).json();
		List<String> hinted = new ArrayList<>();
		hints.forEach(h -> hinted.add(h.path("summary").path("id").asString()));
		assertThat(hinted).contains(first.path("id").asString());
		hints.forEach(h -> assertThat(h.path("distanceMetres").asLong()).isLessThanOrEqualTo(50));
		JsonNode far = command.get("/api/cases/duplicates?category=MISPARKED_BIKES&longitude=" + (p.getX() + 0.01)
				+ "&latitude=" + p.getY()).json();
		List<String> farIds = new ArrayList<>();
		far.forEach(h -> farIds.add(h.path("summary").path("id").asString()));
		assertThat(farIds).doesNotContain(first.path("id").asString());

		JsonNode merged = act(command, second, "merge", Map.of("mergeInto", first.path("id").asString()), 200);
		assertThat(merged.path("status").asString()).isEqualTo("MERGED");
		assertThat(merged.path("mergedInto").asString()).isEqualTo(first.path("id").asString());
	}

	@Test
	void badInputIsRefusedWithAProblemAndNothingIsWritten() {
		ApiClient command = signedIn("command");
		long before = jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single();
		command.post("/api/cases", patrol(GRID, "DIRTY_ROAD", "x".repeat(4001)))
			.expectProblem(400, "cases.description-too-long");
		command.post("/api/cases", patrol(GRID, "NO_SUCH_THING", "描述")).expectProblem(400, "cases.category-unknown");
		command.post("/api/cases", patrol(GRID, "CITY_ENV", "描述")).expectProblem(400, "cases.category-unknown");
		Map<String, Object> far = patrol(GRID, "DIRTY_ROAD", "描述");
		far.put("latitude", 95.0);
		command.post("/api/cases", far).expectProblem(400, "cases.position-invalid");
		Map<String, Object> phone = patrol(GRID, "DIRTY_ROAD", "描述");
		phone.put("reporterPhone", "12345");
		command.post("/api/cases", phone).expectProblem(400, "cases.phone-invalid");
		client().post("/api/public/cases", Map.of("categoryCode", "DIRTY_ROAD", "description", "描述"))
			.expectProblem(400, "cases.position-required");
		client().get("/api/public/cases/not-a-code").expectProblem(400, "cases.tracking-code-invalid");
		client().get("/api/public/cases/0000-0000-0000").expectProblem(404, "record.not-found");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single()).isEqualTo(before);

		String script = "<script>alert(1)</script>路灯坏了";
		JsonNode created = command.post("/api/cases", patrol(GRID, "STREET_LIGHT", script)).expectStatus(201).json();
		assertThat(created.path("description").asString()).isEqualTo(script);
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.path("items").forEach(item -> ids.add(item.path("id").asString()));
		return ids;
	}

	private static List<String> strings(JsonNode array) {
		List<String> result = new ArrayList<>();
		array.forEach(node -> result.add(node.asString()));
		return result;
	}

	private static byte[] png() throws java.io.IOException {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@Test
	void photosOfAResidentAndOfTheHandlingAreShownOnTheTrackingPageAndToUsersWhoMaySeeTheCase() throws Exception {
		Point p = inside(GRID);
		ApiClient resident = client();
		String photo = resident.postFile("/api/public/cases/attachments", "file", "a.png", png())
			.expectStatus(201)
			.json()
			.path("id")
			.asString();
		String code = resident.post("/api/public/cases", Map.of("categoryCode", "ILLEGAL_FLYERS", "description",
				"电线杆上贴满小广告", "longitude", p.getX(), "latitude", p.getY(), "attachmentIds", List.of(photo)))
			.expectStatus(201)
			.json()
			.path("trackingCode")
			.asString();
		JsonNode tracking = resident.get("/api/public/cases/" + code).json();
		assertThat(tracking.path("photos").get(0).path("id").asString()).isEqualTo(photo);
		resident.get("/api/public/cases/" + code + "/attachments/" + photo).expectStatus(200);

		ApiClient command = signedIn("command");
		String id = command.get("/api/cases?q=" + code).json().path("items").get(0).path("id").asString();
		JsonNode detail = command.get("/api/cases/" + id).json();
		assertThat(detail.path("attachments").get(0).path("id").asString()).isEqualTo(photo);
		command.get("/api/cases/attachments/" + photo).expectStatus(200);
		signedIn("gridworker").get("/api/cases/attachments/" + photo).expectStatus(200);

		String other = command.post("/api/cases", patrol(OTHER_GRID, "ILLEGAL_FLYERS", "村口小广告")).json().path("id")
			.asString();
		String evidence = command.postFile("/api/cases/attachments", "file", "b.png", png()).json().path("id").asString();
		JsonNode otherCase = command.get("/api/cases/" + other).json();
		act(command, otherCase, "supervise", Map.of("attachmentIds", List.of(evidence)), 200);
		signedIn("gridworker").get("/api/cases/attachments/" + evidence).expectProblem(404, "record.not-found");
		resident.get("/api/public/cases/" + code + "/attachments/" + evidence).expectStatus(404);
	}

	@Test
	void aRetriedReportWithTheSameIdempotencyKeyReturnsTheFirstResponseAndCreatesNothingNew() {
		ApiClient command = signedIn("command");
		Map<String, Object> body = patrol(GRID, "PILED_MATERIALS", "人行道堆放建材");
		Map<String, String> key = Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString());
		long before = jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single();
		ApiClient.Response first = command.post("/api/cases", body, key).expectStatus(201);
		ApiClient.Response retry = command.post("/api/cases", body, key).expectStatus(201);
		assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
		assertThat(retry.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single()).isEqualTo(before + 1);
		Map<String, Object> changed = new HashMap<>(body);
		changed.put("description", "另一件事");
		command.post("/api/cases", changed, key).expectProblem(422, "request.idempotency-key-reused");

		Point p = inside(GRID);
		Map<String, Object> publicBody = Map.of("categoryCode", "DIRTY_ROAD", "description", "路面有油污",
				"longitude", p.getX(), "latitude", p.getY());
		Map<String, String> publicKey = Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString());
		String code = client().post("/api/public/cases", publicBody, publicKey).expectStatus(201).json()
			.path("trackingCode").asString();
		assertThat(client().post("/api/public/cases", publicBody, publicKey).expectStatus(201).json()
			.path("trackingCode").asString()).isEqualTo(code);
	}
}
