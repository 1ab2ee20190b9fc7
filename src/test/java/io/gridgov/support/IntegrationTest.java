package io.gridgov.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.gridgov.GridGovApplication;

/**
 * Base of the integration tests: the real application with the Waihai demo on a random port, on
 * H2 or on PostgreSQL (see {@link TestDatabase}); one Spring context shared by every subclass.
 * Tests talk to it over HTTP like the web UI does, through {@link ApiClient}.
 */
@SpringBootTest(classes = { GridGovApplication.class, IntegrationTest.TestClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(DatabaseAvailableCondition.class)
public abstract class IntegrationTest {

	public static final String DEMO_PASSWORD = "Waihai@2026";

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MutableClock clock;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.properties("main").forEach((key, value) -> registry.add(key, () -> value));
		registry.add("gridgov.files.root", () -> "target/it-files");
		// Every test client calls from 127.0.0.1: room enough that the public rate limit never decides
		// a test; PublicRateLimitIT sets limits of its own for the while it runs.
		registry.add("gridgov.rate-limit.public.reads.per-minute", () -> "6000");
		registry.add("gridgov.rate-limit.public.reads.burst", () -> "6000");
		registry.add("gridgov.rate-limit.public.writes.per-minute", () -> "6000");
		registry.add("gridgov.rate-limit.public.writes.burst", () -> "6000");
	}

	/** A test that moved the shared clock must not move the next test's "now". */
	@AfterEach
	void resetClock() {
		clock.reset();
	}

	protected ApiClient client() {
		return new ApiClient("http://localhost:" + port);
	}

	protected ApiClient signedIn(String username) {
		ApiClient client = client();
		client.login(username, DEMO_PASSWORD).expectStatus(200);
		return client;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}
	}
}
