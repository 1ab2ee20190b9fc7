package io.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.gridgov.support.ApiClient;
import io.gridgov.support.DatabaseAvailableCondition;
import io.gridgov.support.IntegrationTest;
import io.gridgov.support.TestDatabase;

/**
 * Crash safety of intake: GridGov runs as an operating-system process on PostgreSQL and is killed
 * ({@code kill -9}, {@link Process#destroyForcibly()}) while six clients post cases with
 * Idempotency-Keys; then it starts again on the same database and every request that got no
 * answer is retried with the same key and body. Afterwards every case that got a 201 exists with
 * its REPORT timeline entry, no key made two cases, no key is left held by the dead process, every
 * outbox publication has been completed, and the insight read models' inbox of case events (written
 * with each case's transaction, ADR 0031) has been folded and has counted every case.
 * <p>
 * Runs on the PostgreSQL pass only: an in-memory H2 database dies with the process.
 */
@ExtendWith({ CrashRecoveryIT.PostgresOnly.class, DatabaseAvailableCondition.class })
class CrashRecoveryIT {

	private static final int CLIENTS = 6;
	private static final int KILL_AFTER_CREATED = 120;
	private static final Duration LEASE = Duration.ofSeconds(2);
	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
	private static final String MARKER = "crash-test ";
	private static final Path WORK = Path.of("target", "crash-recovery").toAbsolutePath();

	static class PostgresOnly implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return TestDatabase.postgres() ? ConditionEvaluationResult.enabled("PostgreSQL run")
					: ConditionEvaluationResult.disabled("needs a database that outlives the killed process (PostgreSQL run)");
		}
	}

	/** One POST of a case: its key and body, and what came back (null status: no answer). */
	static final class Attempt {

		final String key = UUID.randomUUID().toString();
		final Map<String, Object> body = new LinkedHashMap<>();
		volatile Integer status;
		volatile String caseId;

		Attempt(int n) {
			body.put("source", "HOTLINE");
			body.put("categoryCode", "EXPOSED_GARBAGE");
			body.put("description", MARKER + key + " #" + n);
			body.put("gridCode", CaseLoopIT.GRID);
		}
	}

	@Test
	void everyAnsweredCaseSurvivesAKillAndRetriesCreateNoDuplicates() throws Exception {
		Map<String, String> db = TestDatabase.properties("crash");
		Files.createDirectories(WORK);

		List<Attempt> attempts = new ArrayList<>();
		App first = App.start(db, 1);
		AtomicInteger created = new AtomicInteger();
		AtomicBoolean stop = new AtomicBoolean();
		ConcurrentLinkedQueue<Attempt> sent = new ConcurrentLinkedQueue<>();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		AtomicInteger counter = new AtomicInteger();
		for (int c = 0; c < CLIENTS; c++) {
			clients.submit(() -> {
				ApiClient api = first.signedIn();
				while (!stop.get()) {
					Attempt attempt = new Attempt(counter.incrementAndGet());
					sent.add(attempt);
					try {
						ApiClient.Response response = api.post("/api/cases", attempt.body, Map.of("Idempotency-Key", attempt.key));
						attempt.status = response.status();
						if (response.status() == 201) {
							attempt.caseId = response.json().path("id").asString();
							created.incrementAndGet();
						}
					}
					catch (IllegalStateException noAnswer) {
						return null; // the server is gone: this attempt stays unanswered
					}
				}
				return null;
			});
		}
		awaitTrue(() -> created.get() >= KILL_AFTER_CREATED, Duration.ofMinutes(2), "cases created before the kill");
		first.kill();
		stop.set(true);
		clients.shutdown();
		assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		attempts.addAll(sent);

		List<Attempt> unanswered = attempts.stream().filter(a -> a.status == null).toList();
		List<Attempt> answered = attempts.stream().filter(a -> a.status != null).toList();
		assertThat(answered).allSatisfy(a -> assertThat(a.status).as("answer before the kill").isEqualTo(201));
		assertThat(unanswered).as("requests cut off by the kill").isNotEmpty();
		long heldByTheDead;
		long pendingPublications;
		try (Connection jdbc = connect(db)) {
			heldByTheDead = count(jdbc, "SELECT COUNT(*) FROM platform_idempotency_key WHERE state = 'PROCESSING'");
			pendingPublications = count(jdbc, "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
					+ count(jdbc, "SELECT COUNT(*) FROM insight_inbox");
		}
		System.out.printf("crash test: %d answered, %d cut off, %d keys held by the dead process, %d publications "
				+ "or inbox events unfolded at the kill%n", answered.size(), unanswered.size(), heldByTheDead, pendingPublications);

		App second = App.start(db, 2);
		try {
			ApiClient api = second.signedIn();
			for (Attempt attempt : unanswered) {
				ApiClient.Response response = retry(api, attempt);
				assertThat(response.status()).as("retry of %s: %s", attempt.key, response.body()).isEqualTo(201);
				attempt.status = 201;
				attempt.caseId = response.json().path("id").asString();
			}
			for (Attempt attempt : answered.subList(0, Math.min(20, answered.size()))) {
				ApiClient.Response replay = api.post("/api/cases", attempt.body, Map.of("Idempotency-Key", attempt.key));
				assertThat(replay.status()).isEqualTo(201);
				assertThat(replay.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
				assertThat(replay.json().path("id").asString()).isEqualTo(attempt.caseId);
			}

			try (Connection jdbc = connect(db)) {
				Map<String, List<String>> casesByKey = casesByKey(jdbc);
				for (Attempt attempt : attempts) {
					assertThat(casesByKey.get(attempt.key)).as("cases of key %s", attempt.key).containsExactly(attempt.caseId);
					assertThat(count(jdbc, "SELECT COUNT(*) FROM cases_timeline WHERE case_id = '" + attempt.caseId
							+ "' AND seq = 0 AND action = 'REPORT' AND to_status = 'REPORTED'"))
						.as("REPORT entry of case %s", attempt.caseId)
						.isEqualTo(1);
				}
				assertThat(casesByKey).hasSize(attempts.size());
				assertThat(count(jdbc, "SELECT COUNT(*) FROM platform_idempotency_key WHERE state = 'PROCESSING'"))
					.as("keys still held after the retries")
					.isZero();
				awaitTrue(() -> count(jdbc, "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL") == 0,
						Duration.ofSeconds(60), "every event publication completed after the restart");
				awaitTrue(() -> count(jdbc, "SELECT COUNT(*) FROM insight_inbox") == 0, Duration.ofSeconds(60),
						"every event in the insight inbox folded after the restart");
				assertThat(count(jdbc, "SELECT COUNT(*) FROM insight_case i JOIN cases_case c ON c.id = i.case_id"
						+ " WHERE c.description LIKE '" + MARKER + "%'"))
					.as("cases counted by the insight projection")
					.isEqualTo(attempts.size());
			}
		}
		finally {
			second.kill();
		}
	}

	/** The same key and body again; waits out the dead request's lease when the key is still held. */
	private static ApiClient.Response retry(ApiClient api, Attempt attempt) throws InterruptedException {
		long deadline = System.nanoTime() + LEASE.multipliedBy(5).toNanos();
		while (true) {
			ApiClient.Response response = api.post("/api/cases", attempt.body, Map.of("Idempotency-Key", attempt.key));
			if (response.status() != 409 || System.nanoTime() > deadline) {
				return response;
			}
			Thread.sleep(200);
		}
	}

	private static Map<String, List<String>> casesByKey(Connection jdbc) throws SQLException {
		Map<String, List<String>> byKey = new LinkedHashMap<>();
		try (Statement s = jdbc.createStatement();
				ResultSet rs = s.executeQuery("SELECT id, description FROM cases_case WHERE description LIKE '" + MARKER + "%'")) {
			while (rs.next()) {
				String key = rs.getString("description").substring(MARKER.length()).split(" ")[0];
				byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString("id"));
			}
		}
		return byKey;
	}

	private static Connection connect(Map<String, String> db) throws SQLException {
		return DriverManager.getConnection(db.get("spring.datasource.url"), db.get("spring.datasource.username"),
				db.get("spring.datasource.password"));
	}

	private static long count(Connection jdbc, String sql) {
		try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	interface Check {

		boolean met() throws Exception;
	}

	private static void awaitTrue(Check check, Duration timeout, String what) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!check.met()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(what + ": not within " + timeout);
			}
			Thread.sleep(100);
		}
	}

	/** GridGov as a separate JVM: the repackaged jar when the build made one, else the test classpath. */
	record App(Process process, String baseUrl, Path log) {

		static App start(Map<String, String> db, int run) throws Exception {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
			Path jar = applicationJar();
			if (jar != null) {
				command.addAll(List.of("-jar", jar.toString()));
			}
			else {
				command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gridgov.GridGovApplication"));
			}
			command.addAll(List.of("--spring.profiles.active=demo", "--server.port=" + port,
					"--spring.datasource.url=" + db.get("spring.datasource.url"),
					"--spring.datasource.username=" + db.get("spring.datasource.username"),
					"--spring.datasource.password=" + db.get("spring.datasource.password"),
					"--gridgov.rate-limit.public.enabled=false", "--gridgov.idempotency.lease=" + LEASE.toSeconds() + "s",
					"--gridgov.files.root=" + WORK.resolve("files"), "--spring.main.banner-mode=off",
					"--spring.datasource.hikari.maximum-pool-size=8"));
			Path log = WORK.resolve("app-" + run + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
				.directory(WORK.toFile())
				.start();
			App app = new App(process, "http://127.0.0.1:" + port, log);
			app.awaitReady();
			return app;
		}

		private static Path applicationJar() throws IOException {
			Path target = Path.of("target");
			if (!Files.isDirectory(target)) {
				return null;
			}
			try (Stream<Path> files = Files.list(target)) {
				return files.filter(p -> p.getFileName().toString().matches("gridgov-.*\\.jar"))
					.filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
					.max(Comparator.comparing(p -> p.toFile().lastModified()))
					.map(Path::toAbsolutePath)
					.orElse(null);
			}
		}

		private void awaitReady() throws Exception {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(5))
				.build();
			long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new AssertionError("GridGov exited while starting; see " + log);
				}
				try {
					if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						return;
					}
				}
				catch (IOException notYet) {
					// not listening yet
				}
				Thread.sleep(250);
			}
			kill();
			throw new AssertionError("GridGov not ready within " + START_TIMEOUT + "; see " + log);
		}

		ApiClient signedIn() {
			ApiClient api = new ApiClient(baseUrl);
			api.login("command", IntegrationTest.DEMO_PASSWORD).expectStatus(200);
			return api;
		}

		/** SIGKILL on Linux: no shutdown hook, no graceful shutdown, open transactions cut. */
		void kill() throws InterruptedException {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}
}
