package io.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Every read of a scoped record filters by the user's region; outside the scope answers 404, not 403. */
class RegionScopeIT extends IntegrationTest {

	private static final String OWN_GRID = "440704003001001";
	private static final String OTHER_GRID = "440704003201001";

	@Test
	void gridWorkerSeesOnlyTheTreeOfTheirOwnGrid() {
		JsonNode tree = signedIn("gridworker").get("/api/regions/tree").expectStatus(200).json();
		assertThat(tree.path("code").asString()).isEqualTo(OWN_GRID);
		assertThat(tree.path("level").asString()).isEqualTo("GRID");
		assertThat(tree.path("children").size()).isZero();
	}

	@Test
	void regionOutsideTheScopeAnswers404LikeAMissingOne() {
		ApiClient worker = signedIn("gridworker");
		worker.get("/api/regions/" + OWN_GRID).expectStatus(200);
		JsonNode outside = worker.get("/api/regions/" + OTHER_GRID).expectProblem(404, "record.not-found");
		JsonNode missing = worker.get("/api/regions/440704003299001").expectProblem(404, "record.not-found");
		assertThat(outside.path("title").asString()).isEqualTo(missing.path("title").asString());
		worker.get("/api/regions/440704003000/children").expectProblem(404, "record.not-found");
	}

	@Test
	void outOfScopeReadIsAuditedAsDenied() {
		signedIn("gridworker").get("/api/regions/" + OTHER_GRID).expectStatus(404);
		long denied = jdbc.sql("""
				SELECT COUNT(*) FROM identity_audit_log
				WHERE username = 'gridworker' AND outcome = 'DENIED' AND record_type = 'region' AND record_id = ?""")
			.param(OTHER_GRID)
			.query(Long.class)
			.single();
		assertThat(denied).isGreaterThanOrEqualTo(1);
	}

	@Test
	void subdistrictUserSeesTheWholeSubdistrictButNotAbove() {
		ApiClient command = signedIn("command");
		JsonNode tree = command.get("/api/regions/tree").expectStatus(200).json();
		assertThat(tree.path("name").asString()).isEqualTo("外海街道");
		command.get("/api/regions/" + OTHER_GRID).expectStatus(200);
		command.get("/api/regions/440704000000").expectProblem(404, "record.not-found");
	}

	@Test
	void administratorOfASubdistrictManagesOnlyAccountsInsideIt() {
		ApiClient admin = signedIn("admin");
		admin.post("/api/identity/users", Map.of("username", "waihai-admin", "displayName", "街道管理员", "password",
				"Right-password-1", "roles", List.of("ADMIN"), "scopeCode", "440704003000"))
			.expectStatus(201);
		String districtAuditorId = AuthenticationIT.findUser(admin, "auditor").path("id").asString();

		ApiClient waihaiAdmin = client();
		waihaiAdmin.login("waihai-admin", "Right-password-1").expectStatus(200);
		JsonNode page = waihaiAdmin.get("/api/identity/users?size=200").expectStatus(200).json();
		assertThat(page.path("items").valueStream().map(u -> u.path("username").asString()))
			.contains("command", "gridworker")
			.doesNotContain("admin", "auditor");
		waihaiAdmin.get("/api/identity/users/" + districtAuditorId).expectProblem(404, "record.not-found");
		waihaiAdmin.post("/api/identity/users/" + districtAuditorId + "/unlock", Map.of())
			.expectProblem(404, "record.not-found");
		waihaiAdmin.post("/api/identity/users", Map.of("username", "district-user", "displayName", "越权", "password",
				"Right-password-1", "roles", List.of("LEADER"), "scopeCode", "440704000000"))
			.expectProblem(400, "identity.scope-unknown");
	}
}
