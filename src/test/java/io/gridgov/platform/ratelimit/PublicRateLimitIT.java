package io.gridgov.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.gridgov.support.ApiClient;
import io.gridgov.support.ApiClient.Response;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The public endpoints answer a client over its limit with 429 {@code request.rate-limited} and
 * {@code Retry-After}; the rest of the API is not limited. The test lowers the limits of the shared
 * context while it runs and puts them back afterwards.
 */
class PublicRateLimitIT extends IntegrationTest {

	private static final String PUBLIC_GRID = "/api/public/grids/440704003001001";

	@Autowired
	PublicRateLimiter limiter;

	@AfterEach
	void configuredLimitsAgain() {
		limiter.reset();
	}

	@Test
	void aClientOverItsReadLimitIsToldWhenToComeBack() {
		limiter.limits(new RateLimit(2, 2), new RateLimit(1, 1));
		ApiClient anonymous = client().language("en");
		anonymous.get(PUBLIC_GRID).expectStatus(200);
		anonymous.get(PUBLIC_GRID).expectStatus(200);

		Response refused = anonymous.get(PUBLIC_GRID);
		JsonNode problem = refused.expectProblem(429, "request.rate-limited");
		long retryAfter = Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 30L);
		assertThat(problem.path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
		assertThat(problem.path("detail").asString()).contains(Long.toString(retryAfter)).startsWith("Too many requests");
		assertThat(problem.path("requestId").asString())
			.isNotBlank()
			.isEqualTo(refused.raw().headers().firstValue("X-Request-Id").orElseThrow());

		clock.advance(Duration.ofSeconds(retryAfter));
		anonymous.get(PUBLIC_GRID).expectStatus(200);
	}

	@Test
	void writesAreCountedApartFromReads() {
		limiter.limits(new RateLimit(60, 1), new RateLimit(1, 1));
		ApiClient anonymous = client();
		String path = "/api/public/test/idempotency/probes";
		jdbc.sql("CREATE TABLE IF NOT EXISTS platform_test_probe (id UUID PRIMARY KEY, name VARCHAR(100) NOT NULL)").update();

		anonymous.post(path, Map.of("name", "rate-limited")).expectStatus(201);
		Response refused = anonymous.post(path, Map.of("name", "rate-limited"));
		refused.expectProblem(429, "request.rate-limited");
		assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();

		anonymous.get(PUBLIC_GRID).expectStatus(200);
	}

	@Test
	void onlyThePublicEndpointsAreLimited() {
		limiter.limits(new RateLimit(1, 1), new RateLimit(1, 1));
		ApiClient leader = signedIn("leader");
		for (int i = 0; i < 5; i++) {
			leader.get("/api/me").expectStatus(200);
		}
		leader.get(PUBLIC_GRID).expectStatus(200);
		leader.get(PUBLIC_GRID).expectProblem(429, "request.rate-limited");
	}
}
