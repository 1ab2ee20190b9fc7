package io.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** What each role may use: only ADMIN manages accounts, only AUDITOR reads the audit log (三员分立). */
class RoleAccessIT extends IntegrationTest {

	@ParameterizedTest(name = "{0} may manage users: {1}, read the audit log: {2}")
	@CsvSource({ "admin, true, false", "auditor, false, true", "command, false, false", "department, false, false",
			"gridworker, false, false", "mediator, false, false", "party, false, false", "leader, false, false" })
	void onlyAdminManagesUsersAndOnlyAuditorReadsTheAuditLog(String username, boolean managesUsers, boolean readsAudit) {
		ApiClient client = signedIn(username);
		JsonNode me = client.get("/api/me").expectStatus(200).json();
		List<String> permissions = me.path("permissions").valueStream().map(JsonNode::asString).toList();
		assertThat(permissions).contains("regions.read");
		assertThat(permissions.contains("users.manage")).isEqualTo(managesUsers);
		assertThat(permissions.contains("audit.read")).isEqualTo(readsAudit);

		if (managesUsers) {
			client.get("/api/identity/users").expectStatus(200);
		}
		else {
			client.get("/api/identity/users").expectProblem(403, "security.forbidden");
		}
		if (readsAudit) {
			client.get("/api/audit").expectStatus(200);
		}
		else {
			client.get("/api/audit").expectProblem(403, "security.forbidden");
		}
		client.get("/api/regions/tree").expectStatus(200);
	}

	@ParameterizedTest(name = "{0} cannot create accounts")
	@CsvSource({ "auditor", "command", "leader" })
	void nonAdministratorsCannotCreateAccounts(String username) {
		signedIn(username).post("/api/identity/users", Map.of("username", "sneaky-" + username, "displayName", "x",
				"password", "Right-password-1", "roles", List.of("ADMIN"), "scopeCode", "440704000000"))
			.expectProblem(403, "security.forbidden");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_user WHERE username = ?").param("sneaky-" + username)
			.query(Long.class).single()).isZero();
	}

	@ParameterizedTest(name = "actuator metrics need ADMIN: {0}")
	@CsvSource({ "leader, 403", "admin, 200" })
	void actuatorBeyondHealthNeedsAdmin(String username, int expected) {
		signedIn(username).get("/actuator/metrics").expectStatus(expected);
		client().get("/actuator/health").expectStatus(200);
	}
}
