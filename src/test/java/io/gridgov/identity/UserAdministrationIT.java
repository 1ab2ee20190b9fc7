package io.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class UserAdministrationIT extends IntegrationTest {

	private static Map<String, Object> newUser(String username, String password, List<String> roles) {
		return Map.of("username", username, "displayName", "新用户", "password", password, "roles", roles, "scopeCode",
				"440704003001");
	}

	@Test
	void administratorCreatesAnAccountThatCanSignIn() {
		ApiClient admin = signedIn("admin");
		JsonNode created = admin.post("/api/identity/users", newUser("new-worker", "Grid-worker-2026", List.of("GRID_WORKER")))
			.expectStatus(201)
			.json();
		assertThat(created.path("scope").path("name").asString()).isEqualTo("城隍社区");
		assertThat(created.has("passwordHash")).isFalse();
		assertThat(created.toString()).doesNotContain("Grid-worker-2026");
		client().login("new-worker", "Grid-worker-2026").expectStatus(200);
	}

	@Test
	void passwordPolicyRequiresTenCharactersOfThreeClasses() {
		ApiClient admin = signedIn("admin");
		admin.post("/api/identity/users", newUser("short-pw", "Ab1!short", List.of("LEADER")))
			.expectProblem(400, "identity.password-too-short");
		admin.post("/api/identity/users", newUser("simple-pw", "alllowercase", List.of("LEADER")))
			.expectProblem(400, "identity.password-too-simple");
		admin.post("/api/identity/users", newUser("named-pw", "Named-pw-2026-x", List.of("LEADER")))
			.expectProblem(400, "identity.password-contains-username");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_user WHERE username IN ('short-pw','simple-pw','named-pw')")
			.query(Long.class).single()).isZero();
	}

	@Test
	void noAccountIsBothAdministratorAndAuditor() {
		signedIn("admin").post("/api/identity/users", newUser("both-roles", "Right-password-1", List.of("ADMIN", "AUDITOR")))
			.expectProblem(400, "identity.separation-of-duties");
	}

	@Test
	void duplicateUserNameIsAConflict() {
		signedIn("admin").post("/api/identity/users", newUser("leader", "Right-password-1", List.of("LEADER")))
			.expectProblem(409, "identity.username-taken");
	}

	@Test
	void staleVersionIsAConflictAndChangesNothing() {
		ApiClient admin = signedIn("admin");
		JsonNode user = admin.post("/api/identity/users", newUser("versioned", "Right-password-1", List.of("LEADER")))
			.expectStatus(201)
			.json();
		String id = user.path("id").asString();
		long version = user.path("version").asLong();
		admin.put("/api/identity/users/" + id, Map.of("displayName", "第一次", "roles", List.of("LEADER"), "scopeCode",
				"440704003001", "enabled", true, "version", version)).expectStatus(200);
		admin.put("/api/identity/users/" + id, Map.of("displayName", "第二次", "roles", List.of("LEADER"), "scopeCode",
				"440704003001", "enabled", true, "version", version)).expectProblem(409, "conflict.stale-version");
		assertThat(admin.get("/api/identity/users/" + id).json().path("displayName").asString()).isEqualTo("第一次");
	}

	@Test
	void administratorCannotLockThemselvesOut() {
		ApiClient admin = signedIn("admin");
		JsonNode me = AuthenticationIT.findUser(admin, "admin");
		admin.put("/api/identity/users/" + me.path("id").asString(), Map.of("displayName", "系统管理员", "roles",
				List.of("LEADER"), "scopeCode", "440704000000", "enabled", true, "version", me.path("version").asLong()))
			.expectProblem(400, "identity.self-lockout");
	}

	@Test
	void passwordResetEndsTheUsersSessions() {
		ApiClient admin = signedIn("admin");
		JsonNode user = admin.post("/api/identity/users", newUser("reset-me", "Right-password-1", List.of("LEADER")))
			.expectStatus(201)
			.json();
		ApiClient session = client();
		session.login("reset-me", "Right-password-1").expectStatus(200);
		admin.post("/api/identity/users/" + user.path("id").asString() + "/password", Map.of("password", "Other-password-2"))
			.expectStatus(204);
		session.get("/api/me").expectProblem(401, "auth.session-expired");
		client().login("reset-me", "Right-password-1").expectStatus(401);
		client().login("reset-me", "Other-password-2").expectStatus(200);
	}

	@Test
	void administratorUnlocksALockedAccount() {
		ApiClient admin = signedIn("admin");
		JsonNode user = admin.post("/api/identity/users", newUser("unlock-me", "Right-password-1", List.of("LEADER")))
			.expectStatus(201)
			.json();
		for (int i = 0; i < 5; i++) {
			client().login("unlock-me", "Wrong-password-" + i);
		}
		client().login("unlock-me", "Right-password-1").expectStatus(423);
		assertThat(AuthenticationIT.findUser(admin, "unlock-me").path("locked").asBoolean()).isTrue();
		admin.post("/api/identity/users/" + user.path("id").asString() + "/unlock", Map.of()).expectStatus(204);
		client().login("unlock-me", "Right-password-1").expectStatus(200);
	}

	@Test
	void userChangesOwnPasswordAfterProvingTheCurrentOne() {
		ApiClient admin = signedIn("admin");
		admin.post("/api/identity/users", newUser("self-change", "Right-password-1", List.of("LEADER"))).expectStatus(201);
		ApiClient user = client();
		user.login("self-change", "Right-password-1").expectStatus(200);
		user.post("/api/me/password", Map.of("currentPassword", "Wrong-password-1", "newPassword", "Next-password-2"))
			.expectProblem(400, "identity.current-password-wrong");
		user.post("/api/me/password", Map.of("currentPassword", "Right-password-1", "newPassword", "Next-password-2"))
			.expectStatus(204);
		user.get("/api/me").expectStatus(200);
		client().login("self-change", "Next-password-2").expectStatus(200);
	}
}
