package io.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.gridgov.support.ApiClient;
import io.gridgov.support.Instances;
import io.gridgov.support.IntegrationTest;

/** Sessions live in the database, so two instances behind a load balancer share them. */
class SharedSessionsIT extends IntegrationTest {

	@Test
	void sessionStartedOnOneInstanceIsValidOnAnother() {
		ApiClient first = signedIn("leader");
		String session = first.cookie("GRIDGOV_SESSION").orElseThrow();
		try (ConfigurableApplicationContext second = Instances.start("main", "demo", Map.of())) {
			ApiClient onSecond = new ApiClient(Instances.baseUrl(second));
			onSecond.setSessionCookie(session);
			assertThat(onSecond.get("/api/me").expectStatus(200).json().path("username").asString()).isEqualTo("leader");

			onSecond.post("/api/auth/logout", Map.of()).expectStatus(204);
			first.get("/api/me").expectProblem(401, "auth.session-expired");
		}
	}
}
