package io.gridgov.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import io.gridgov.platform.idempotency.IdempotencyProbeController.ProbeCommand;
import io.gridgov.support.ApiClient;
import io.gridgov.support.ApiClient.Response;
import io.gridgov.support.Instances;
import io.gridgov.support.IntegrationTest;
import io.gridgov.support.TestDatabase;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Key through HTTP, on the shared database: a retry replays the first answer and
 * writes nothing, a key is bound to its request, a retry while the first runs is refused, a crashed
 * request's key is taken over once its lease runs out, a failure leaves no trace.
 */
class IdempotencyIT extends IntegrationTest {

	private static final String PATH = IdempotencyProbeController.PATH;

	@Autowired
	IdempotencyProbeController probe;

	@Autowired
	Idempotency idempotency;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void probeTable() {
		jdbc.sql(IdempotencyProbeController.TABLE_DDL).update();
		probe.failuresLeft.set(0);
		probe.blockNext.set(false);
	}

	@AfterEach
	void openTheGate() {
		probe.gate.countDown();
	}

	private static Map<String, String> key(String key) {
		return Map.of(Idempotency.HEADER, key);
	}

	private static String newKey() {
		return UUID.randomUUID().toString();
	}

	private int probes(String name) {
		return jdbc.sql("SELECT COUNT(*) FROM platform_test_probe WHERE name = ?").param(name).query(Integer.class).single();
	}

	private int keyRows(String key) {
		return jdbc.sql("SELECT COUNT(*) FROM platform_idempotency_key WHERE idempotency_key = ?")
			.param(key)
			.query(Integer.class)
			.single();
	}

	@Test
	void aRetryGetsTheFirstResponseAgainAndRunsTheWorkOnce() {
		ApiClient command = signedIn("command");
		String key = newKey();
		int before = probe.invocations.get();

		Response first = command.post(PATH, new ProbeCommand("retried", 3), key(key)).expectStatus(201);
		Response retry = command.post(PATH, new ProbeCommand("retried", 3), key(key)).expectStatus(201);

		assertThat(retry.json()).isEqualTo(first.json());
		assertThat(retry.raw().headers().firstValue("Location")).isEqualTo(first.raw().headers().firstValue("Location"))
			.isPresent();
		assertThat(retry.raw().headers().firstValue(Idempotency.REPLAYED_HEADER)).contains("true");
		assertThat(first.raw().headers().firstValue(Idempotency.REPLAYED_HEADER)).isEmpty();
		assertThat(probe.invocations.get() - before).isEqualTo(1);
		assertThat(probes("retried")).isEqualTo(1);
	}

	@Test
	void theFirstAnswerIsExactlyTheJsonStoredWithTheKeyInUtf8() {
		ApiClient command = signedIn("command");
		String key = newKey();
		Response first = command.post(PATH, new ProbeCommand("外海街道 “引号” \\ 😀", 7), key(key)).expectStatus(201);

		assertThat(first.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/json"));
		assertThat(first.json().path("name").asString()).isEqualTo("外海街道 “引号” \\ 😀");
		assertThat(first.json().path("size").asInt()).isEqualTo(7);
		String stored = jdbc.sql("SELECT response_body FROM platform_idempotency_key WHERE idempotency_key = ?")
			.param(key)
			.query(String.class)
			.single();
		assertThat(first.raw().body()).isEqualTo(stored);
	}

	@Test
	void theSameBodyFormattedOtherwiseIsTheSameRequest() {
		ApiClient command = signedIn("command");
		String key = newKey();
		command.post(PATH, "{\"name\":\"formatted\",\"size\":1}", key(key)).expectStatus(201);
		command.post(PATH, "{ \"size\" : 1.0,\n  \"name\": \"formatted\" }", key(key)).expectStatus(201);
		assertThat(probes("formatted")).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefused() {
		ApiClient command = signedIn("command");
		String key = newKey();
		command.post(PATH, new ProbeCommand("reused-key", 1), key(key)).expectStatus(201);

		command.post(PATH, new ProbeCommand("reused-key", 2), key(key)).expectProblem(422, "request.idempotency-key-reused");
		assertThat(probes("reused-key")).isEqualTo(1);
	}

	@Test
	void aRetryWhileTheFirstRequestIsStillRunningIsRefused() throws Exception {
		ApiClient command = signedIn("command");
		String key = newKey();
		CompletableFuture<Response> first = runBlocked(command, key, "concurrent");

		command.post(PATH, new ProbeCommand("concurrent", null), key(key))
			.expectProblem(409, "request.idempotency-in-progress");

		probe.gate.countDown();
		first.get(20, TimeUnit.SECONDS).expectStatus(201);
		command.post(PATH, new ProbeCommand("concurrent", null), key(key)).expectStatus(201);
		assertThat(probes("concurrent")).isEqualTo(1);
	}

	@Test
	void theKeyOfARequestThatDiedBeforeCommittingIsTakenOverOnceItsLeaseRunsOut() {
		ApiClient command = signedIn("command");
		String key = newKey();
		String userId = jdbc.sql("SELECT id FROM identity_user WHERE username = 'command'").query(String.class).single();
		ProbeCommand body = new ProbeCommand("crashed", 7);
		// what a process killed inside its business transaction leaves behind: the claimed key, nothing else
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO platform_idempotency_key (scope, endpoint, idempotency_key, fingerprint, state, owner_token, "
				+ "created_at, lease_until) VALUES (?, 'test.probe', ?, ?, 'PROCESSING', ?, ?, ?)")
			.params(userId, key, RequestFingerprint.of("POST", PATH, body, json), UUID.randomUUID(), Timestamp.from(now),
					Timestamp.from(now.plusSeconds(30)))
			.update();

		command.post(PATH, body, key(key)).expectProblem(409, "request.idempotency-in-progress");
		assertThat(probes("crashed")).isZero();

		clock.advance(Duration.ofSeconds(31));
		command.post(PATH, body, key(key)).expectStatus(201);
		command.post(PATH, body, key(key)).expectStatus(201);
		assertThat(probes("crashed")).isEqualTo(1);
	}

	@Test
	void aSlowRequestAndARetryAfterItsLeaseNeverBothCommit() throws Exception {
		if (TestDatabase.postgres()) {
			onPostgreSqlASlowRequestKeepsItsKeyHoweverLongItRunsAndLeavesNoRowUntilItCommits();
			return;
		}
		// elsewhere the key is leased: a retry after the lease takes it over and the slow request is fenced
		ApiClient command = signedIn("command");
		String key = newKey();
		CompletableFuture<Response> slow = runBlocked(command, key, "fenced");

		clock.advance(Duration.ofSeconds(31));
		Response takenOver = command.post(PATH, new ProbeCommand("fenced", null), key(key)).expectStatus(201);

		probe.gate.countDown();
		slow.get(20, TimeUnit.SECONDS).expectProblem(409, "request.idempotency-in-progress");
		assertThat(probes("fenced")).isEqualTo(1);
		assertThat(command.post(PATH, new ProbeCommand("fenced", null), key(key)).expectStatus(201).json())
			.isEqualTo(takenOver.json());
	}

	/** PostgreSQL: the key is held under an advisory lock to the commit, so there is no lease to take over. */
	private void onPostgreSqlASlowRequestKeepsItsKeyHoweverLongItRunsAndLeavesNoRowUntilItCommits() throws Exception {
		ApiClient command = signedIn("command");
		String key = newKey();
		CompletableFuture<Response> slow = runBlocked(command, key, "slow-locked");
		assertThat(keyRows(key)).as("no half-done row while the request runs").isZero();

		clock.advance(Duration.ofMinutes(5));
		command.post(PATH, new ProbeCommand("slow-locked", null), key(key))
			.expectProblem(409, "request.idempotency-in-progress");

		probe.gate.countDown();
		Response first = slow.get(20, TimeUnit.SECONDS).expectStatus(201);
		assertThat(jdbc.sql("SELECT state FROM platform_idempotency_key WHERE idempotency_key = ?")
			.param(key)
			.query(String.class)
			.single()).isEqualTo("COMPLETED");
		Response retry = command.post(PATH, new ProbeCommand("slow-locked", null), key(key)).expectStatus(201);
		assertThat(retry.json()).isEqualTo(first.json());
		assertThat(probes("slow-locked")).isEqualTo(1);
	}

	@Test
	void aFailedRequestLeavesNoTraceAndItsRetryMaySucceed() {
		ApiClient command = signedIn("command");
		String key = newKey();
		probe.failuresLeft.set(1);

		command.post(PATH, new ProbeCommand("failed-once", null), key(key)).expectProblem(409, "conflict.duplicate");
		assertThat(probes("failed-once")).isZero();
		assertThat(keyRows(key)).isZero();

		command.post(PATH, new ProbeCommand("failed-once", null), key(key)).expectStatus(201);
		assertThat(probes("failed-once")).isEqualTo(1);
	}

	@Test
	void keysBelongToTheUserWhoSentThem() {
		String key = newKey();
		signedIn("command").post(PATH, new ProbeCommand("user-a", null), key(key)).expectStatus(201);
		Response other = signedIn("leader").post(PATH, new ProbeCommand("user-b", null), key(key)).expectStatus(201);

		assertThat(other.raw().headers().firstValue(Idempotency.REPLAYED_HEADER)).isEmpty();
		assertThat(probes("user-a")).isEqualTo(1);
		assertThat(probes("user-b")).isEqualTo(1);
	}

	@Test
	void anonymousKeysAreScopedByTheKeyAndTheEndpoint() {
		String key = newKey();
		String publicPath = IdempotencyProbeController.PUBLIC_PATH;
		Response first = client().post(publicPath, new ProbeCommand("anonymous", null), key(key)).expectStatus(201);
		Response retry = client().post(publicPath, new ProbeCommand("anonymous", null), key(key)).expectStatus(201);
		assertThat(retry.json()).isEqualTo(first.json());
		assertThat(probes("anonymous")).isEqualTo(1);

		// the same key on a signed-in endpoint is another key
		signedIn("command").post(PATH, new ProbeCommand("anonymous", null), key(key)).expectStatus(201);
		assertThat(probes("anonymous")).isEqualTo(2);
	}

	@Test
	void withoutAKeyEveryRequestRuns() {
		ApiClient command = signedIn("command");
		command.post(PATH, new ProbeCommand("no-key", null)).expectStatus(201);
		command.post(PATH, new ProbeCommand("no-key", null)).expectStatus(201);
		assertThat(probes("no-key")).isEqualTo(2);
	}

	@Test
	void aMalformedKeyIsRefused() {
		ApiClient command = signedIn("command");
		command.post(PATH, new ProbeCommand("bad-key", null), key("x".repeat(256)))
			.expectProblem(400, "request.idempotency-key-invalid");
		command.post(PATH, new ProbeCommand("bad-key", null), key("")).expectProblem(400, "request.idempotency-key-invalid");
		assertThat(probes("bad-key")).isZero();
	}

	@Test
	void keysPastTheirRetentionArePurgedAndMayBeUsedAgain() {
		ApiClient command = signedIn("command");
		String key = newKey();
		command.post(PATH, new ProbeCommand("retained", 1), key(key)).expectStatus(201);

		clock.advance(Duration.ofHours(25));
		assertThat(idempotency.purgeExpired()).isGreaterThanOrEqualTo(1);
		assertThat(keyRows(key)).isZero();

		command.post(PATH, new ProbeCommand("retained", 2), key(key)).expectStatus(201);
		assertThat(probes("retained")).isEqualTo(2);
	}

	@Test
	void aRetrySentToAnotherInstanceGetsTheSameResponse() {
		ApiClient command = signedIn("command");
		String key = newKey();
		Response first = command.post(PATH, new ProbeCommand("two-instances", null), key(key)).expectStatus(201);

		try (ConfigurableApplicationContext second = Instances.start("main", "demo", Map.of())) {
			ApiClient onSecond = new ApiClient(Instances.baseUrl(second));
			onSecond.setSessionCookie(command.cookie("GRIDGOV_SESSION").orElseThrow());
			Response retry = onSecond.post(PATH, new ProbeCommand("two-instances", null), key(key)).expectStatus(201);
			assertThat(retry.json()).isEqualTo(first.json());
			assertThat(retry.raw().headers().firstValue(Idempotency.REPLAYED_HEADER)).contains("true");
		}
		assertThat(probes("two-instances")).isEqualTo(1);
	}

	/** Starts a request whose work stops inside its transaction until the test opens the gate. */
	private CompletableFuture<Response> runBlocked(ApiClient client, String key, String name) throws InterruptedException {
		probe.entered = new CountDownLatch(1);
		probe.gate = new CountDownLatch(1);
		probe.blockNext.set(true);
		CompletableFuture<Response> first = CompletableFuture
			.supplyAsync(() -> client.post(PATH, new ProbeCommand(name, null), key(key)));
		assertThat(probe.entered.await(20, TimeUnit.SECONDS)).as("the first request reached its work").isTrue();
		return first;
	}
}
