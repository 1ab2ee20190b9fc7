package io.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class AuthenticationIT extends IntegrationTest {

	@Test
	void loginStartsASessionThatIsStoredInTheDatabase() {
		ApiClient client = client();
		JsonNode me = client.login("command", DEMO_PASSWORD).expectStatus(200).json();
		assertThat(me.path("username").asString()).isEqualTo("command");
		assertThat(me.path("scope").path("name").asString()).isEqualTo("外海街道");

		long sessions = jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = 'command'")
			.query(Long.class)
			.single();
		assertThat(sessions).isGreaterThanOrEqualTo(1);
		client.get("/api/me").expectStatus(200);
	}

	@Test
	void passwordsAreStoredAsBcryptHashes() {
		String hash = jdbc.sql("SELECT password_hash FROM identity_user WHERE username = 'leader'").query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(DEMO_PASSWORD);
	}

	@Test
	void wrongPasswordIsRefusedWithAProblemDetail() {
		client().login("leader", "Wrong-password-1").expectProblem(401, "auth.bad-credentials");
		client().login("nobody-here", "Wrong-password-1").expectProblem(401, "auth.bad-credentials");
	}

	@Test
	void apiRefusesAnonymousRequests() {
		client().get("/api/me").expectProblem(401, "auth.unauthenticated");
		client().get("/api/regions/tree").expectProblem(401, "auth.unauthenticated");
	}

	@Test
	void accountLocksAfterFiveFailedLoginsForFifteenMinutes() {
		String username = createUser("lockout-" + shortId(), List.of("LEADER"));
		ApiClient client = client();
		for (int i = 1; i <= 4; i++) {
			client.login(username, "Wrong-password-" + i).expectProblem(401, "auth.bad-credentials");
		}
		JsonNode locked = client.login(username, "Wrong-password-5").expectProblem(423, "auth.locked");
		assertThat(locked.path("lockedUntil").asString()).isNotBlank();

		client.login(username, "Right-password-1").expectProblem(423, "auth.locked");

		clock.advance(Duration.ofMinutes(14));
		client.login(username, "Right-password-1").expectProblem(423, "auth.locked");
		clock.advance(Duration.ofMinutes(2));
		client.login(username, "Right-password-1").expectStatus(200);
	}

	@Test
	void successfulLoginResetsTheFailureCount() {
		String username = createUser("reset-" + shortId(), List.of("LEADER"));
		ApiClient client = client();
		for (int i = 1; i <= 4; i++) {
			client.login(username, "Wrong-password-" + i).expectStatus(401);
		}
		client.login(username, "Right-password-1").expectStatus(200);
		for (int i = 1; i <= 4; i++) {
			client().login(username, "Wrong-password-" + i).expectStatus(401);
		}
		client().login(username, "Right-password-1").expectStatus(200);
	}

	@Test
	void writeWithoutCsrfTokenIsRefused() {
		client().withoutCsrfToken()
			.login("admin", DEMO_PASSWORD)
			.expectProblem(403, "security.csrf-invalid");
		ApiClient admin = signedIn("admin");
		ApiClient sameSessionNoToken = admin.withoutCsrfToken();
		sameSessionNoToken.post("/api/identity/users/" + UUID.randomUUID() + "/unlock", Map.of())
			.expectProblem(403, "security.csrf-invalid");
	}

	@Test
	void unknownOrExpiredSessionAnswersSessionExpired() {
		ApiClient client = client();
		String unknownSessionId = UUID.randomUUID().toString();
		client.setSessionCookie(java.util.Base64.getEncoder().encodeToString(unknownSessionId.getBytes()));
		client.get("/api/me").expectProblem(401, "auth.session-expired");
	}

	@Test
	void logoutEndsTheSession() {
		ApiClient client = signedIn("mediator");
		String session = client.cookie("GRIDGOV_SESSION").orElseThrow();
		client.post("/api/auth/logout", Map.of()).expectStatus(204);
		ApiClient reuse = client();
		reuse.setSessionCookie(session);
		reuse.get("/api/me").expectProblem(401, "auth.session-expired");
	}

	@Test
	void disablingAnAccountEndsItsSessionsAndRefusesLogin() {
		String username = createUser("disable-" + shortId(), List.of("LEADER"));
		ApiClient user = client();
		user.login(username, "Right-password-1").expectStatus(200);
		user.get("/api/me").expectStatus(200);

		ApiClient admin = signedIn("admin");
		JsonNode account = findUser(admin, username);
		admin.put("/api/identity/users/" + account.path("id").asString(),
				Map.of("displayName", "停用测试", "roles", List.of("LEADER"), "scopeCode", "440704003000", "enabled", false,
						"version", account.path("version").asLong()))
			.expectStatus(200);

		user.get("/api/me").expectProblem(401, "auth.session-expired");
		client().login(username, "Right-password-1").expectProblem(403, "auth.disabled");
	}

	@Test
	void demoEndpointListsOneAccountPerRoleInDemoMode() {
		JsonNode demo = client().get("/api/auth/demo").expectStatus(200).json();
		assertThat(demo.path("demo").asBoolean()).isTrue();
		List<String> roles = demo.path("accounts").valueStream().map(a -> a.path("role").asString()).toList();
		assertThat(roles).containsExactlyInAnyOrder("ADMIN", "AUDITOR", "COMMAND_CENTRE", "DEPARTMENT", "GRID_WORKER",
				"MEDIATOR", "PARTY_OFFICER", "LEADER");
		for (JsonNode account : demo.path("accounts")) {
			client().login(account.path("username").asString(), account.path("password").asString()).expectStatus(200);
		}
	}

	static String shortId() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	String createUser(String username, List<String> roles) {
		signedIn("admin").post("/api/identity/users", Map.of("username", username, "displayName", "测试用户", "password",
				"Right-password-1", "roles", roles, "scopeCode", "440704003000"))
			.expectStatus(201);
		return username;
	}

	static JsonNode findUser(ApiClient admin, String username) {
		JsonNode page = admin.get("/api/identity/users?q=" + username).expectStatus(200).json();
		return page.path("items").valueStream()
			.filter(item -> item.path("username").asString().equals(username))
			.findFirst()
			.orElseThrow();
	}
}
