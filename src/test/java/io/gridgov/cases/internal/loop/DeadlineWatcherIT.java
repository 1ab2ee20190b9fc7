package io.gridgov.cases.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;

import io.gridgov.geo.Grids;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The deadline watcher marks a dispatched case due soon at 80 % of its deadline and overdue (under
 * supervision) past it, once each however often it runs; an approved extension starts the markers
 * afresh; the assignee is notified of each step.
 */
class DeadlineWatcherIT extends IntegrationTest {

	static final String GRID = "440704003001001";

	@Autowired
	DeadlineWatcher watcher;

	@Autowired
	Grids grids;

	private JsonNode dispatchedCase(ApiClient command, String description) {
		Point p = grids.find(RegionCode.of(GRID)).orElseThrow().interiorPoint();
		Map<String, Object> body = new HashMap<>();
		body.put("source", "HOTLINE");
		body.put("categoryCode", "EXPOSED_GARBAGE");
		body.put("description", description);
		body.put("longitude", p.getX());
		body.put("latitude", p.getY());
		JsonNode detail = command.post("/api/cases", body).expectStatus(201).json();
		detail = act(command, detail, "accept", Map.of());
		return act(command, detail, "dispatch", Map.of("assignee", Map.of("kind", "DEPARTMENT", "targetId", "URBAN_MGMT")));
	}

	private static JsonNode act(ApiClient client, JsonNode detail, String action, Map<String, Object> extra) {
		Map<String, Object> body = new HashMap<>(extra);
		body.put("version", detail.path("version").asLong());
		return client.post("/api/cases/" + detail.path("id").asString() + "/actions/" + action, body)
			.expectStatus(200)
			.json();
	}

	private void moveClockTo(Instant target) {
		Duration ahead = Duration.between(clock.instant(), target);
		if (!ahead.isNegative()) {
			clock.advance(ahead);
		}
	}

	private long timelineCount(String id, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM cases_timeline WHERE case_id = ? AND action = ?")
			.params(UUID.fromString(id), action)
			.query(Long.class)
			.single();
	}

	private static List<String> notificationKinds(ApiClient client, String caseId, boolean unread) {
		JsonNode page = client.get("/api/cases/notifications?size=200&unread=" + unread).expectStatus(200).json();
		List<String> kinds = new ArrayList<>();
		for (JsonNode n : page.path("items")) {
			if (n.path("caseId").asString().equals(caseId)) {
				kinds.add(n.path("kind").asString());
			}
		}
		return kinds;
	}

	@Test
	void aDispatchedCaseIsMarkedDueSoonThenOverdueOnceEachAndTheAssigneeIsNotified() {
		ApiClient command = signedIn("command");
		JsonNode detail = dispatchedCase(command, "垃圾堆放超过处置时限");
		String id = detail.path("id").asString();
		Instant dispatchedAt = clock.instant();
		Instant deadline = Instant.parse(detail.path("deadline").asString());

		watcher.escalateDue();
		assertThat(command.get("/api/cases/" + id).json().path("dueSoon").asBoolean()).isFalse();

		moveClockTo(dispatchedAt.plus(Duration.between(dispatchedAt, deadline).multipliedBy(9).dividedBy(10)));
		watcher.escalateDue();
		JsonNode dueSoon = command.get("/api/cases/" + id).expectStatus(200).json();
		assertThat(dueSoon.path("dueSoon").asBoolean()).isTrue();
		assertThat(dueSoon.path("overdue").asBoolean()).isFalse();
		assertThat(dueSoon.path("supervised").asBoolean()).isFalse();
		JsonNode listed = command.get("/api/cases?dueSoon=true&q=" + dueSoon.path("trackingCode").asString()).json();
		assertThat(listed.path("total").asLong()).isEqualTo(1);

		watcher.escalateDue();
		JsonNode again = command.get("/api/cases/" + id).json();
		assertThat(again.path("version").asLong()).isEqualTo(dueSoon.path("version").asLong());
		assertThat(timelineCount(id, "MARK_DUE_SOON")).isEqualTo(1);

		moveClockTo(deadline.plusSeconds(60));
		watcher.escalateDue();
		watcher.escalateDue();
		JsonNode overdue = command.get("/api/cases/" + id).json();
		assertThat(overdue.path("overdue").asBoolean()).isTrue();
		assertThat(overdue.path("supervised").asBoolean()).isTrue();
		assertThat(overdue.path("figures").path("supervisionCount").asInt()).isEqualTo(1);
		assertThat(timelineCount(id, "MARK_OVERDUE")).isEqualTo(1);
		assertThat(timelineCount(id, "MARK_DUE_SOON")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_log WHERE record_id = ? AND action = 'CASE_OVERDUE'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);

		ApiClient department = signedIn("department");
		assertThat(notificationKinds(department, id, true)).containsExactlyInAnyOrder("DISPATCHED", "DUE_SOON",
				"OVERDUE");
	}

	@Test
	void anApprovedExtensionClearsTheMarkersAndTheWatcherLeavesTheCaseAlone() {
		ApiClient command = signedIn("command");
		JsonNode detail = dispatchedCase(command, "占道经营需延期处置");
		String id = detail.path("id").asString();
		moveClockTo(Instant.parse(detail.path("deadline").asString()).plusSeconds(60));
		watcher.escalateDue();
		ApiClient department = signedIn("department");
		detail = department.get("/api/cases/" + id).json();
		assertThat(detail.path("overdue").asBoolean()).isTrue();

		detail = act(department, detail, "start", Map.of());
		Instant later = clock.instant().plus(Duration.ofDays(400)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		detail = act(department, detail, "request-extension", Map.of("newDeadline", later.toString(), "reason", "需协调产权单位"));
		detail = act(command, command.get("/api/cases/" + id).json(), "approve-extension", Map.of());
		assertThat(detail.path("dueSoon").asBoolean()).isFalse();
		assertThat(detail.path("overdue").asBoolean()).isFalse();
		assertThat(Instant.parse(detail.path("deadline").asString())).isEqualTo(later);

		watcher.escalateDue();
		JsonNode after = command.get("/api/cases/" + id).json();
		assertThat(after.path("overdue").asBoolean()).isFalse();
		assertThat(after.path("dueSoon").asBoolean()).isFalse();
		assertThat(after.path("version").asLong()).isEqualTo(detail.path("version").asLong());
		assertThat(notificationKinds(department, id, true)).contains("EXTENSION_APPROVED");
	}

	@Test
	void supervisionNotifiesTheAssigneeWhoMayMarkItReadWhileOthersGetNotFound() {
		ApiClient command = signedIn("command");
		JsonNode detail = dispatchedCase(command, "督办：井盖缺失");
		String id = detail.path("id").asString();
		act(command, detail, "supervise", Map.of("note", "请加快处置"));

		ApiClient department = signedIn("department");
		JsonNode page = department.get("/api/cases/notifications?unread=true&size=200").expectStatus(200).json();
		JsonNode supervised = null;
		for (JsonNode n : page.path("items")) {
			if (n.path("caseId").asString().equals(id) && n.path("kind").asString().equals("SUPERVISED")) {
				supervised = n;
			}
		}
		assertThat(supervised).isNotNull();
		assertThat(supervised.path("trackingCode").asString()).isEqualTo(detail.path("trackingCode").asString());
		String notificationId = supervised.path("id").asString();

		signedIn("gridworker").post("/api/cases/notifications/" + notificationId + "/read", Map.of())
			.expectProblem(404, "record.not-found");
		command.post("/api/cases/notifications/" + notificationId + "/read", Map.of()).expectStatus(404);
		department.post("/api/cases/notifications/" + UUID.randomUUID() + "/read", Map.of()).expectStatus(404);

		department.post("/api/cases/notifications/" + notificationId + "/read", Map.of()).expectStatus(204);
		department.post("/api/cases/notifications/" + notificationId + "/read", Map.of()).expectStatus(204);
		assertThat(notificationKinds(department, id, true)).doesNotContain("SUPERVISED");
		assertThat(notificationKinds(department, id, false)).contains("SUPERVISED", "DISPATCHED");
		assertThat(notificationKinds(signedIn("gridworker"), id, false)).isEmpty();
	}
}
