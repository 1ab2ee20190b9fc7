package io.gridgov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Bad input gets a clear problem detail with a stable code, in Chinese and English, and no stack trace. */
class BadInputIT extends IntegrationTest {

	@Test
	void malformedJsonIsAProblemNotAStackTrace() {
		client().postRaw("/api/auth/login", "{\"username\": \"admin\",").expectProblem(400, "request.malformed-json");
	}

	@Test
	void unknownFieldsAreRefusedByName() {
		JsonNode problem = client()
			.post("/api/auth/login", Map.of("username", "admin", "password", "x", "isAdmin", true))
			.expectProblem(400, "request.unknown-field");
		assertThat(problem.path("detail").asString()).contains("isAdmin");
	}

	@Test
	void wrongTypesAreRefusedWithTheFieldName() {
		ApiClient admin = signedIn("admin");
		JsonNode problem = admin.sendJson("POST", "/api/identity/users",
				"{\"username\":\"typed\",\"displayName\":\"x\",\"password\":\"Right-password-1\",\"roles\":\"ADMIN-ISH\","
						+ "\"scopeCode\":\"440704003000\"}")
			.expectProblem(400, "request.wrong-type");
		assertThat(problem.path("messages").path("en").asString()).contains("roles");
	}

	@Test
	void overLongStringsAreRefusedPerField() {
		ApiClient admin = signedIn("admin");
		JsonNode problem = admin.post("/api/identity/users", Map.of("username", "longname", "displayName", "名".repeat(101),
				"password", "Right-password-1", "roles", List.of("LEADER"), "scopeCode", "440704003000"))
			.expectProblem(400, "validation.failed");
		assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString())).contains("displayName");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_user WHERE username = 'longname'").query(Long.class).single())
			.isZero();
	}

	@Test
	void missingBodyIsAProblem() {
		signedIn("admin").postRaw("/api/identity/users", "").expectProblem(400, "request.body-missing");
	}

	@Test
	void wrongParameterTypeIsAProblem() {
		signedIn("admin").get("/api/identity/users?page=abc").expectProblem(400, "request.parameter-wrong-type");
		signedIn("admin").get("/api/identity/users?size=100000").expectProblem(400, "paging.size-invalid");
	}

	@Test
	void unknownApiPathIsAProblem404() {
		signedIn("admin").get("/api/no-such-thing").expectProblem(404, "request.not-found");
	}

	@Test
	void unsupportedMethodIsAProblem405() {
		signedIn("auditor").delete("/api/audit").expectProblem(405, "request.method-not-allowed");
	}

	@Test
	void invalidRegionCodeIsAProblem() {
		signedIn("admin").get("/api/regions/12345").expectProblem(400, "region.code-invalid");
	}

	@Test
	void problemLanguageFollowsTheRequestAndDefaultsToChinese() {
		JsonNode zh = client().login("admin", "Wrong-password-1").expectProblem(401, "auth.bad-credentials");
		assertThat(zh.path("detail").asString()).isEqualTo("用户名或密码错误。");
		JsonNode en = client().language("en-US").login("admin", "Wrong-password-1").expectProblem(401, "auth.bad-credentials");
		assertThat(en.path("detail").asString()).isEqualTo("Wrong user name or password.");
		assertThat(en.path("requestId").asString()).isNotBlank();
	}
}
