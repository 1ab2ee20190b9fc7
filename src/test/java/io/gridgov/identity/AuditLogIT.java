package io.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Logins, refused accesses and every write are audited; only the auditor reads the log; nobody changes it. */
class AuditLogIT extends IntegrationTest {

	private JsonNode search(String query) {
		return signedIn("auditor").get("/api/audit?size=200&" + query).expectStatus(200).json();
	}

	@Test
	void successfulAndFailedLoginsAreAudited() {
		signedIn("party");
		client().login("party", "Wrong-password-1").expectStatus(401);
		client().login("ghost-" + UUID.randomUUID().toString().substring(0, 6), "Wrong-password-1").expectStatus(401);

		JsonNode party = search("username=party&action=LOGIN");
		List<String> outcomes = party.path("items").valueStream().map(e -> e.path("outcome").asString()).toList();
		assertThat(outcomes).contains("SUCCESS", "FAILURE");
		JsonNode entry = party.path("items").get(0);
		assertThat(entry.path("clientAddress").asString()).isNotBlank();
		assertThat(entry.path("requestId").asString()).isNotBlank();
		assertThat(entry.path("occurredAt").asString()).endsWith("Z");

		JsonNode failures = search("action=LOGIN&outcome=FAILURE");
		assertThat(failures.path("items").valueStream().map(e -> e.path("username").asString()))
			.anyMatch(name -> name.startsWith("ghost-"));
	}

	@Test
	void writesAreAuditedWithRecordTypeAndId() {
		ApiClient admin = signedIn("admin");
		JsonNode created = admin.post("/api/identity/users", Map.of("username", "audited-user", "displayName", "审计",
				"password", "Right-password-1", "roles", List.of("LEADER"), "scopeCode", "440704003000"))
			.expectStatus(201)
			.json();
		String id = created.path("id").asString();
		JsonNode entries = search("recordType=user&recordId=" + id);
		JsonNode entry = entries.path("items").get(0);
		assertThat(entry.path("action").asString()).isEqualTo("USER_CREATE");
		assertThat(entry.path("username").asString()).isEqualTo("admin");
		assertThat(entry.path("roles").valueStream().map(JsonNode::asString).toList()).containsExactly("ADMIN");
		assertThat(entry.path("outcome").asString()).isEqualTo("SUCCESS");
	}

	@Test
	void refusedWritesAndRefusedAccessesAreAudited() {
		signedIn("leader").get("/api/audit").expectStatus(403);
		signedIn("admin").post("/api/identity/users", Map.of("username", "x", "displayName", "x", "password", "short",
				"roles", List.of("LEADER"), "scopeCode", "440704003000")).expectStatus(400);
		JsonNode denied = search("username=leader&outcome=DENIED");
		assertThat(denied.path("items").valueStream().map(e -> e.path("action").asString())).contains("GET /api/audit");
		JsonNode failed = search("username=admin&outcome=FAILURE");
		assertThat(failed.path("items").valueStream().map(e -> e.path("action").asString()))
			.contains("POST /api/identity/users");
	}

	@Test
	void theAuditLogCannotBeChangedOrDeletedThroughTheApplication() {
		ApiClient auditor = signedIn("auditor");
		JsonNode any = auditor.get("/api/audit?size=1").expectStatus(200).json().path("items").get(0);
		String id = any.path("id").asString();
		auditor.delete("/api/audit/" + id).expectProblem(405, "request.method-not-allowed");
		auditor.put("/api/audit/" + id, Map.of("outcome", "SUCCESS")).expectProblem(405, "request.method-not-allowed");
		signedIn("admin").delete("/api/audit/" + id).expectStatus(403);
		JsonNode after = auditor.get("/api/audit/" + id).expectStatus(200).json();
		assertThat(after.path("outcome").asString()).isEqualTo(any.path("outcome").asString());
		assertThat(after.path("action").asString()).isEqualTo(any.path("action").asString());
	}

	@Test
	void auditorOfASubdistrictSeesOnlyEntriesOfActorsInsideIt() {
		signedIn("admin").post("/api/identity/users", Map.of("username", "waihai-auditor", "displayName", "街道审计员",
				"password", "Right-password-1", "roles", List.of("AUDITOR"), "scopeCode", "440704003000"))
			.expectStatus(201);
		signedIn("command");
		ApiClient auditor = client();
		auditor.login("waihai-auditor", "Right-password-1").expectStatus(200);
		JsonNode page = auditor.get("/api/audit?size=200").expectStatus(200).json();
		List<String> users = page.path("items").valueStream().map(e -> e.path("username").asString()).distinct().toList();
		assertThat(users).contains("command").doesNotContain("admin");
	}
}
