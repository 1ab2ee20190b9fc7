package io.gridgov.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case intake load driver (docs/benchmarks.md, "Case intake"). Against a running GridGov on
 * PostgreSQL it measures, in one run:
 * <ol>
 * <li>closed loop: N clients post cases back to back — the sustained intakes per second;</li>
 * <li>open loop: a fixed rate (default 300/s) on a schedule; each latency counts from the moment
 * the request was <em>due</em>, not from when a free client sent it, so a stall is not hidden
 * (no coordinated omission);</li>
 * <li>the baseline: the same rows (case, REPORT timeline entry, outbox publication) inserted with
 * plain JDBC, one transaction per case, with as many threads as clients.</li>
 * </ol>
 * Every request is a signed-in {@code POST /api/cases} (user {@code command}, session cookie and
 * CSRF header as the web UI sends them) with its own {@code Idempotency-Key} and a random point
 * inside a random Waihai grid, sent by {@link PlainHttp} (one keep-alive connection per thread) or,
 * with {@code --client=jdk}, by the JDK's HttpClient. After the baseline it measures the floor: the
 * same clients asking {@code GET /api/me} (session, security, JSON, no case) and the liveness probe.
 * It prints a table and writes a JSON file.
 */
public final class IntakeDriver {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String[] CATEGORIES = { "EXPOSED_GARBAGE", "OVERFLOWING_BIN", "ROAD_DAMAGE",
			"ILLEGAL_PARKING", "STREET_VENDOR" };
	private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private final Map<String, String> options;
	private final String baseUrl;
	private final HttpClient http;
	private String cookieHeader;
	private String xsrf;
	private double[][] points;
	private String[] categories;
	/** Requests over {@link PlainHttp} (default) or the JDK's HttpClient ({@code --client=jdk}). */
	private final boolean plainClient;
	private final ThreadLocal<PlainHttp> plain;

	private IntakeDriver(Map<String, String> options) {
		this.options = options;
		this.baseUrl = option("base-url", "http://127.0.0.1:8080");
		this.plainClient = !option("client", "plain").equals("jdk");
		this.plain = ThreadLocal.withInitial(() -> new PlainHttp(URI.create(baseUrl)));
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newFixedThreadPool(2, daemon("http")))
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("options are --name=value: " + arg);
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		new IntakeDriver(options).run();
	}

	private String option(String name, String fallback) {
		return options.getOrDefault(name, fallback);
	}

	private int intOption(String name, int fallback) {
		return Integer.parseInt(option(name, String.valueOf(fallback)));
	}

	private void run() throws Exception {
		int clients = intOption("clients", 32);
		int warmup = intOption("warmup", 120);
		int seconds = intOption("seconds", 30);
		int rate = intOption("rate", 300);
		String pgUrl = option("pg-url", "jdbc:postgresql://127.0.0.1:5432/gridgov_bench_intake");
		long serverPid = Long.parseLong(option("server-pid", "0"));
		statsUrl = pgUrl;

		signIn();
		loadPoints();
		System.out.printf(Locale.ROOT, "== %d grid points, %d categories; %d clients (%s), %d s warm-up, %d s measured%n",
				points.length, categories.length, clients, plainClient ? "plain sockets" : "JDK HttpClient", warmup, seconds);

		Map<String, Object> results = new LinkedHashMap<>();
		results.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
		results.put("machine", machine());
		results.put("clients", clients);
		results.put("warmupSeconds", warmup);
		results.put("measuredSeconds", seconds);
		results.put("client", plainClient ? "plain socket (PlainHttp)" : "JDK HttpClient");

		if (option("phases", "all").equals("closed")) {
			System.out.println("== closed loop only (profiling): " + (warmup + seconds) + " s");
			Phase only = closedLoop(clients, warmup + seconds, serverPid);
			System.out.println(only.row("HTTP closed loop, " + clients + " clients"));
			System.exit(0);
		}
		System.out.println("== closed loop: warm-up");
		closedLoop(clients, warmup, serverPid);
		System.out.println("== closed loop: measuring");
		Phase closed = closedLoop(clients, seconds, serverPid);
		results.put("closedLoop", closed.toMap());

		System.out.printf(Locale.ROOT, "== open loop at %d/s: warm-up%n", rate);
		openLoop(rate, Math.min(warmup, 10), serverPid);
		System.out.printf(Locale.ROOT, "== open loop at %d/s: measuring%n", rate);
		Phase open = openLoop(rate, seconds, serverPid);
		results.put("openLoop", open.toMap());

		System.out.println("== JDBC baseline: warm-up");
		baseline(pgUrl, clients, Math.min(warmup, 10));
		System.out.println("== JDBC baseline: measuring");
		Phase base = baseline(pgUrl, clients, seconds);
		results.put("jdbcBaseline", base.toMap());

		System.out.println("== JDBC, the rows an intake must write: warm-up");
		baseline(pgUrl, clients, Math.min(warmup, 10), true);
		System.out.println("== JDBC, the rows an intake must write: measuring");
		Phase rows = baseline(pgUrl, clients, seconds, true);
		results.put("jdbcRequiredRows", rows.toMap());

		// The floor: what this driver, Tomcat, the session store and Spring Security cost per request
		// on this machine before an intake does anything of its own. No intake can be faster.
		System.out.println("== floor, GET /api/me: warm-up");
		closedLoop(clients, Math.min(warmup, 10), serverPid, this::getMe);
		System.out.println("== floor, GET /api/me: measuring");
		Phase me = closedLoop(clients, seconds, serverPid, this::getMe);
		results.put("floorSignedInGet", me.toMap());
		System.out.println("== floor, GET /actuator/health/liveness: warm-up");
		closedLoop(clients, Math.min(warmup, 10), serverPid, this::getLiveness);
		System.out.println("== floor, GET /actuator/health/liveness: measuring");
		Phase live = closedLoop(clients, seconds, serverPid, this::getLiveness);
		results.put("floorLiveness", live.toMap());

		double ratio = closed.rate() / base.rate();
		double projectedRatio = closed.projectedOnTwoCores() / base.projectedOnTwoCores();
		results.put("ratioHttpToBaseline", round(ratio, 3));
		results.put("ratioProjectedOnTwoIdleCores", round(projectedRatio, 3));
		Map<String, Object> targets = new LinkedHashMap<>();
		targets.put("sustained>=1000/s", closed.rate() >= 1000);
		targets.put("p99<50ms@" + rate + "/s", open.percentile(99) < 50_000 && open.errors == 0);
		targets.put("ratio>=0.5", ratio >= 0.5);
		results.put("targets", targets);

		System.out.println();
		System.out.println("| phase | requests | errors | rate /s | p50 ms | p95 ms | p99 ms | max ms | client CPU µs/req | app CPU µs/req | PostgreSQL CPU µs/req | /s on 2 idle cores (projected) | commits /req | rows written /req | machine busy |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		System.out.println(closed.row("HTTP closed loop, " + clients + " clients"));
		System.out.println(open.row("HTTP open loop, " + rate + "/s"));
		System.out.println(base.row("JDBC baseline, " + clients + " threads"));
		System.out.println(rows.row("JDBC, the rows an intake must write (+ audit, key), " + clients + " threads"));
		System.out.println(me.row("floor: GET /api/me, " + clients + " clients"));
		System.out.println(live.row("floor: GET liveness, " + clients + " clients"));
		System.out.printf(Locale.ROOT, "%nHTTP / JDBC baseline = %.2f measured, %.2f by CPU cost; targets (measured): %s%n",
				ratio, projectedRatio, targets);
		System.out.printf(Locale.ROOT, "floor / JDBC baseline = %.2f (GET /api/me), %.2f (liveness): no intake can exceed these%n",
				me.rate() / base.rate(), live.rate() / base.rate());
		double budget = 2e6 / (0.5 * base.rate());
		double least = me.clientCpuMicros + me.systemCpuMicros() + rows.systemCpuMicros();
		System.out.printf(Locale.ROOT,
				"half the baseline leaves %.0f µs of CPU per intake on two cores; a signed-in GET (%.0f µs) plus the rows an"
						+ " intake must write (%.0f µs) already cost %.0f µs%n",
				budget, me.clientCpuMicros + me.systemCpuMicros(), rows.systemCpuMicros(), least);
		results.put("cpuMicrosPerIntakeAtHalfTheBaseline", round(budget, 0));
		results.put("cpuMicrosFloorPlusRequiredRows", round(least, 0));
		results.put("loadAverageAtEnd", Files.readString(Path.of("/proc/loadavg")).trim());

		Path out = Path.of(option("out", "bench/results/intake.json"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results) + "\n");
		System.out.println("written " + out);
		System.exit(0);
	}

	// ------------------------------------------------------------------ HTTP set-up

	private void signIn() throws IOException, InterruptedException {
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		HttpClient login = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
		login.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/auth/csrf")).build(),
				HttpResponse.BodyHandlers.discarding());
		HttpResponse<String> response = login.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/auth/login"))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + option("user", "command")
					+ "\",\"password\":\"" + option("password", "Waihai@2026") + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + response.body());
		}
		// the token changes at sign-in: fetch the new one
		login.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/auth/csrf")).build(),
				HttpResponse.BodyHandlers.discarding());
		xsrf = cookie(cookies, "XSRF-TOKEN");
		cookieHeader = "GRIDGOV_SESSION=" + cookie(cookies, "GRIDGOV_SESSION") + "; XSRF-TOKEN=" + xsrf;
	}

	private static String cookie(CookieManager cookies, String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.reduce((a, b) -> b)
			.orElseThrow(() -> new IllegalStateException("no cookie " + name));
	}

	private JsonNode getJson(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Cookie", cookieHeader)
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/** 4,096 random points, each inside a random grid polygon (rejection sampling in its box). */
	private void loadPoints() throws IOException, InterruptedException {
		JsonNode grids = getJson("/api/geo/grids");
		List<double[][][]> polygons = new ArrayList<>();
		for (JsonNode feature : grids.path("features")) {
			JsonNode geometry = feature.path("geometry");
			if ("Polygon".equals(geometry.path("type").asString())) {
				polygons.add(rings(geometry.path("coordinates")));
			}
			else if ("MultiPolygon".equals(geometry.path("type").asString())) {
				for (JsonNode polygon : geometry.path("coordinates")) {
					polygons.add(rings(polygon));
				}
			}
		}
		if (polygons.isEmpty()) {
			throw new IllegalStateException("no grids: start GridGov with the demo profile");
		}
		SplittableRandom random = new SplittableRandom(20261130);
		points = new double[4096][];
		for (int i = 0; i < points.length; i++) {
			double[][][] polygon = polygons.get(random.nextInt(polygons.size()));
			double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
			for (double[] p : polygon[0]) {
				minX = Math.min(minX, p[0]);
				maxX = Math.max(maxX, p[0]);
				minY = Math.min(minY, p[1]);
				maxY = Math.max(maxY, p[1]);
			}
			double x, y;
			do {
				x = minX + random.nextDouble() * (maxX - minX);
				y = minY + random.nextDouble() * (maxY - minY);
			}
			while (!inside(polygon, x, y));
			points[i] = new double[] { x, y };
		}
		List<String> leaves = new ArrayList<>();
		for (JsonNode category : getJson("/api/public/cases/categories")) {
			leaves.add(category.path("code").asString());
		}
		List<String> chosen = new ArrayList<>(Arrays.stream(CATEGORIES).filter(leaves::contains).toList());
		categories = (chosen.isEmpty() ? leaves.subList(0, Math.min(5, leaves.size())) : chosen).toArray(String[]::new);
	}

	private static double[][][] rings(JsonNode polygon) {
		double[][][] rings = new double[polygon.size()][][];
		for (int r = 0; r < polygon.size(); r++) {
			JsonNode ring = polygon.get(r);
			rings[r] = new double[ring.size()][];
			for (int i = 0; i < ring.size(); i++) {
				rings[r][i] = new double[] { ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble() };
			}
		}
		return rings;
	}

	/** Even-odd rule over all rings (holes included). */
	static boolean inside(double[][][] polygon, double x, double y) {
		boolean in = false;
		for (double[][] ring : polygon) {
			for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
				if ((ring[i][1] > y) != (ring[j][1] > y)
						&& x < (ring[j][0] - ring[i][0]) * (y - ring[i][1]) / (ring[j][1] - ring[i][1]) + ring[i][0]) {
					in = !in;
				}
			}
		}
		return in;
	}

	// ------------------------------------------------------------------ HTTP phases

	private String intakeBody(ThreadLocalRandom random, String key) {
		double[] p = points[random.nextInt(points.length)];
		return "{\"source\":\"HOTLINE\",\"categoryCode\":\"" + categories[random.nextInt(categories.length)]
				+ "\",\"description\":\"压测事件 " + key + "：路面垃圾堆积，请尽快处理\",\"longitude\":" + p[0]
				+ ",\"latitude\":" + p[1] + ",\"address\":\"外海街道测试地址\"}";
	}

	private HttpRequest intake() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String key = UUID.randomUUID().toString();
		String body = intakeBody(random, key);
		return HttpRequest.newBuilder(URI.create(baseUrl + "/api/cases"))
			.header("Content-Type", "application/json")
			.header("Cookie", cookieHeader)
			.header("X-XSRF-TOKEN", xsrf)
			.header("Idempotency-Key", key)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
	}

	/** Posts one case; returns true on 201. */
	private boolean post() {
		if (plainClient) {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			String key = new UUID(random.nextLong(), random.nextLong()).toString();
			byte[] body = intakeBody(random, key).getBytes(StandardCharsets.UTF_8);
			PlainHttp connection = plain.get();
			String head = connection.head("POST", "/api/cases") + "Content-Type: application/json\r\nCookie: "
					+ cookieHeader + "\r\nX-XSRF-TOKEN: " + xsrf + "\r\nIdempotency-Key: " + key
					+ "\r\nContent-Length: " + body.length + "\r\n\r\n";
			byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
			byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
			System.arraycopy(body, 0, request, headBytes.length, body.length);
			return sendPlain(request, 201);
		}
		return send(intake(), 201);
	}

	private boolean getMe() {
		if (plainClient) {
			return sendPlain((plain.get().head("GET", "/api/me") + "Cookie: " + cookieHeader + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1), 200);
		}
		return send(me(), 200);
	}

	private boolean getLiveness() {
		if (plainClient) {
			return sendPlain((plain.get().head("GET", "/actuator/health/liveness") + "\r\n")
				.getBytes(StandardCharsets.ISO_8859_1), 200);
		}
		return send(liveness(), 200);
	}

	/** Closes this thread's connection (the phase's threads end with it). */
	private void closeConnection() {
		plain.get().close();
		plain.remove();
	}

	private boolean sendPlain(byte[] request, int expected) {
		try {
			int status = plain.get().exchange(request);
			if (status == expected) {
				return true;
			}
			noteError("HTTP " + status);
			return false;
		}
		catch (IOException e) {
			noteError(e.getClass().getSimpleName());
			return false;
		}
	}

	/** The signed-in user's own record: the cheapest request that passes the session and security like an intake. */
	private HttpRequest me() {
		return HttpRequest.newBuilder(URI.create(baseUrl + "/api/me"))
			.header("Cookie", cookieHeader)
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	/** The liveness probe: Tomcat and the security filter chain, no session, no database. */
	private HttpRequest liveness() {
		return HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/liveness"))
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	/** Sends one request; returns true when it answers with the expected status. */
	private boolean send(HttpRequest request, int expected) {
		try {
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() == expected) {
				return true;
			}
			noteError("HTTP " + response.statusCode());
			return false;
		}
		catch (IOException e) {
			noteError(e.getClass().getSimpleName());
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private final Map<String, AtomicLong> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();

	private void noteError(String kind) {
		if (errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet() == 1) {
			System.out.println("   first error of kind " + kind);
		}
	}

	/** The PostgreSQL backends of the application's connection pool (same machine): their CPU counts too. */
	private List<Long> serverBackends() {
		List<Long> pids = new ArrayList<>();
		String pgUrl = option("pg-url", "jdbc:postgresql://127.0.0.1:5432/gridgov_bench_intake");
		try (Connection c = DriverManager.getConnection(pgUrl, option("pg-user", "postgres"), option("pg-password", ""));
				Statement s = c.createStatement();
				var rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
						+ " AND pid <> pg_backend_pid()")) {
			while (rs.next()) {
				pids.add(rs.getLong(1));
			}
		}
		catch (SQLException e) {
			System.out.println("   cannot list the database backends: " + e.getMessage());
		}
		return pids;
	}

	private Phase closedLoop(int clients, int seconds, long serverPid) throws Exception {
		return closedLoop(clients, seconds, serverPid, this::post);
	}

	private Phase closedLoop(int clients, int seconds, long serverPid, java.util.function.BooleanSupplier request)
			throws Exception {
		Phase phase = new Phase(serverPid).database(serverBackends());
		long end = phase.start + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(clients, daemon("client"));
		List<Future<Recorder>> futures = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			futures.add(pool.submit(() -> {
				Recorder recorder = new Recorder();
				long now;
				while ((now = System.nanoTime()) < end) {
					boolean ok = request.getAsBoolean();
					recorder.record(System.nanoTime() - now, ok);
				}
				closeConnection();
				return recorder;
			}));
		}
		for (Future<Recorder> f : futures) {
			phase.add(f.get());
		}
		pool.shutdown();
		return phase.finish();
	}

	/**
	 * Requests due every 1/rate s from the start; enough senders that one is normally free at each
	 * due time. A latency runs from the due time, so a request that had to wait for a sender (or
	 * for the server) is charged for the wait. Requests that could not start within 10 s after the
	 * phase's end count as errors.
	 */
	private Phase openLoop(int rate, int seconds, long serverPid) throws Exception {
		int senders = Math.max(16, rate / 4);
		long total = (long) rate * seconds;
		double period = 1e9 / rate;
		Phase phase = new Phase(serverPid).database(serverBackends());
		long t0 = phase.start;
		long cutoff = t0 + TimeUnit.SECONDS.toNanos(seconds + 10L);
		AtomicLong next = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(senders, daemon("sender"));
		List<Future<Recorder>> futures = new ArrayList<>();
		for (int s = 0; s < senders; s++) {
			futures.add(pool.submit(() -> {
				Recorder recorder = new Recorder();
				long i;
				while ((i = next.getAndIncrement()) < total) {
					long due = t0 + (long) (i * period);
					if (System.nanoTime() > cutoff) {
						// the server fell so far behind that this request could not even start: a failure
						recorder.record(0, false);
						continue;
					}
					long wait;
					while ((wait = due - System.nanoTime()) > 0) {
						LockSupport.parkNanos(wait);
					}
					boolean ok = post();
					recorder.record(System.nanoTime() - due, ok);
				}
				closeConnection();
				return recorder;
			}));
		}
		for (Future<Recorder> f : futures) {
			phase.add(f.get());
		}
		pool.shutdown();
		return phase.finish();
	}

	// ------------------------------------------------------------------ JDBC baseline

	private static final String INSERT_CASE = """
			INSERT INTO cases_case (id, tracking_code, source, category_code, status, grid_code, community_code,
			  boundary_version, unassigned, longitude, latitude, address, description, reporter_user_id,
			  reporter_name, reporter_phone, reporter_phone_hash, reporter_phone_masked, hotline_order_no, assignee_kind, assignee_id,
			  routing_rule_id, merged_into, reported_at, accept_deadline, first_dispatched_at, deadline_from,
			  deadline, due_soon_at, pending_extension, accepted_on_time, dispatched_correctly, handled_on_time,
			  time_to_accept_s, time_to_handle_s, rework_count, return_count, extension_count, supervised,
			  supervision_count, due_soon, overdue, solved_on_the_spot, rating, rating_comment, closed_at,
			  timeline_size, updated_at, version)
			VALUES (?, ?, 'HOTLINE', ?, 'REPORTED', ?, ?, 1, FALSE, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
			  NULL, NULL, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, TRUE, NULL, NULL, NULL, 0, 0, 0, FALSE, 0, FALSE,
			  FALSE, FALSE, NULL, NULL, NULL, 1, ?, 0)""";

	private static final String INSERT_TIMELINE = """
			INSERT INTO cases_timeline (case_id, seq, at, actor_id, actor_name, role, from_status, to_status,
			  action, note, attachment_ids, public_safe)
			VALUES (?, 0, ?, ?, '指挥中心值班员', 'COMMAND_CENTRE', NULL, 'REPORTED', 'REPORT', NULL, NULL, TRUE)""";

	private static final String INSERT_PUBLICATION = """
			INSERT INTO bench_event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
			  completion_attempts)
			VALUES (?, 'io.gridgov.insight.internal.CaseProjection.on(io.gridgov.cases.CaseEvent)',
			  'io.gridgov.cases.CaseReported', ?, ?, 'PUBLISHED', 0)""";

	private static final String INSERT_AUDIT = """
			INSERT INTO identity_audit_log (id, occurred_at, user_id, username, roles, scope_code, action, record_type,
			  record_id, outcome, client_address, request_id, detail)
			VALUES (?, ?, ?, 'command', 'COMMAND_CENTRE', '440704003', 'CASE_REPORT', 'case', ?, 'SUCCESS', '127.0.0.1', ?, NULL)""";

	private static final String INSERT_KEY = """
			INSERT INTO platform_idempotency_key (scope, endpoint, idempotency_key, fingerprint, state, owner_token,
			  response_status, response_body, response_location, created_at, lease_until)
			VALUES (?, 'POST /api/cases', ?, ?, 'COMPLETED', ?, 201, ?, ?, ?, ?)""";

	/**
	 * The rows an intake writes, with plain JDBC: the case, its REPORT timeline entry and an outbox
	 * publication (in a table shaped like event_publication, so the running application does not
	 * pick them up), one transaction per case, a connection per thread. With {@code required}, also
	 * the two rows the issue asks of every intake besides those: its audit row and its
	 * Idempotency-Key with the stored answer (about the size of a real one) — not the baseline, a
	 * lower bound of what the database part of an intake costs.
	 */
	private Phase baseline(String pgUrl, int threads, int seconds) throws Exception {
		return baseline(pgUrl, threads, seconds, false);
	}

	private Phase baseline(String pgUrl, int threads, int seconds, boolean required) throws Exception {
		String user = option("pg-user", "postgres");
		String password = option("pg-password", "");
		try (Connection c = DriverManager.getConnection(pgUrl, user, password); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE IF NOT EXISTS bench_event_publication (LIKE event_publication INCLUDING ALL)");
		}
		String[] grids;
		try (Connection c = DriverManager.getConnection(pgUrl, user, password); Statement s = c.createStatement();
				var rs = s.executeQuery("SELECT DISTINCT grid_code, community_code FROM cases_case WHERE community_code IS NOT NULL")) {
			List<String> found = new ArrayList<>();
			while (rs.next()) {
				found.add(rs.getString(1) + "/" + rs.getString(2));
			}
			grids = found.toArray(String[]::new);
		}
		Phase phase = new Phase(0);
		long end = phase.start + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("jdbc"));
		List<Future<Recorder>> futures = new ArrayList<>();
		UUID actor = UUID.randomUUID();
		for (int t = 0; t < threads; t++) {
			futures.add(pool.submit(() -> {
				Recorder recorder = new Recorder();
				try (Connection c = DriverManager.getConnection(pgUrl, user, password);
						PreparedStatement kase = c.prepareStatement(INSERT_CASE);
						PreparedStatement timeline = c.prepareStatement(INSERT_TIMELINE);
						PreparedStatement publication = c.prepareStatement(INSERT_PUBLICATION);
						PreparedStatement audit = c.prepareStatement(INSERT_AUDIT);
						PreparedStatement key = c.prepareStatement(INSERT_KEY)) {
					c.setAutoCommit(false);
					long backend;
					try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
						rs.next();
						backend = rs.getLong(1);
					}
					long ticksAtStart = processTicks(backend);
					long now;
					while ((now = System.nanoTime()) < end) {
						ThreadLocalRandom random = ThreadLocalRandom.current();
						UUID id = UUID.randomUUID();
						Timestamp at = Timestamp.from(Instant.now());
						double[] p = points[random.nextInt(points.length)];
						String[] grid = grids[random.nextInt(grids.length)].split("/");
						String category = categories[random.nextInt(categories.length)];
						kase.setObject(1, id);
						kase.setString(2, trackingCode(random));
						kase.setString(3, category);
						kase.setString(4, grid[0]);
						kase.setString(5, grid[1]);
						kase.setDouble(6, p[0]);
						kase.setDouble(7, p[1]);
						kase.setString(8, "外海街道测试地址");
						kase.setString(9, "压测事件 " + id + "：路面垃圾堆积，请尽快处理");
						kase.setObject(10, actor);
						kase.setTimestamp(11, at);
						kase.setTimestamp(12, Timestamp.from(at.toInstant().plus(Duration.ofHours(4))));
						kase.setTimestamp(13, at);
						kase.executeUpdate();
						timeline.setObject(1, id);
						timeline.setTimestamp(2, at);
						timeline.setObject(3, actor);
						timeline.executeUpdate();
						publication.setObject(1, UUID.randomUUID());
						publication.setString(2, "{\"caseId\":\"" + id + "\",\"gridCode\":\"" + grid[0]
								+ "\",\"categoryCode\":\"" + category + "\",\"occurredAt\":\"" + at.toInstant()
								+ "\",\"source\":\"HOTLINE\"}");
						publication.setTimestamp(3, at);
						publication.executeUpdate();
						if (required) {
							audit.setObject(1, UUID.randomUUID());
							audit.setTimestamp(2, at);
							audit.setObject(3, actor);
							audit.setString(4, id.toString());
							audit.setString(5, Long.toHexString(random.nextLong()));
							audit.executeUpdate();
							key.setString(1, actor.toString());
							key.setString(2, UUID.randomUUID().toString());
							key.setString(3, Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())
									+ Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
							key.setObject(4, UUID.randomUUID());
							key.setString(5, storedAnswer(id, grid[0], category));
							key.setString(6, "/api/cases/" + id);
							key.setTimestamp(7, at);
							key.setTimestamp(8, at);
							key.executeUpdate();
						}
						c.commit();
						recorder.record(System.nanoTime() - now, true);
					}
					recorder.databaseTicks = processTicks(backend) - ticksAtStart;
				}
				catch (SQLException e) {
					noteError("SQL " + e.getSQLState() + " " + e.getMessage());
				}
				return recorder;
			}));
		}
		for (Future<Recorder> f : futures) {
			phase.add(f.get());
		}
		pool.shutdown();
		return phase.finish();
	}

	/** A 201 body of about the size of a real one (1.3-1.4 kB of JSON). */
	private static String storedAnswer(UUID id, String grid, String category) {
		StringBuilder body = new StringBuilder(1400).append("{\"id\":\"").append(id)
			.append("\",\"status\":\"REPORTED\",\"source\":\"HOTLINE\",\"categoryCode\":\"").append(category)
			.append("\",\"gridCode\":\"").append(grid).append("\",\"description\":\"压测事件 ").append(id)
			.append("：路面垃圾堆积，请尽快处理\",\"timeline\":[");
		while (body.length() < 1300) {
			body.append("{\"seq\":0,\"action\":\"REPORT\",\"actorName\":\"指挥中心值班员\",\"toStatus\":\"REPORTED\"},");
		}
		return body.append("{}]}").toString();
	}

	private static String trackingCode(ThreadLocalRandom random) {
		char[] code = new char[12];
		for (int i = 0; i < code.length; i++) {
			code[i] = CROCKFORD.charAt(random.nextInt(32));
		}
		return new String(code);
	}

	// ------------------------------------------------------------------ measuring

	/** One thread's latencies (µs) and outcomes. */
	static final class Recorder {

		long[] micros = new long[1 << 14];
		int size;
		long ok;
		long errors;
		long databaseTicks;

		void record(long nanos, boolean success) {
			if (!success) {
				errors++;
				return;
			}
			ok++;
			if (size == micros.length) {
				micros = Arrays.copyOf(micros, size * 2);
			}
			micros[size++] = nanos / 1000;
		}
	}

	/** The database whose pg_stat_database counters each phase reads (commits and rows written per request). */
	static volatile String statsUrl;

	/** Commits, rows inserted, updated, deleted of the benchmark database so far (PostgreSQL's cumulative statistics). */
	static long[] databaseCounters() {
		if (statsUrl == null) {
			return new long[4];
		}
		try (Connection c = DriverManager.getConnection(statsUrl, "postgres", "");
				Statement s = c.createStatement();
				java.sql.ResultSet rs = s.executeQuery("SELECT xact_commit, tup_inserted, tup_updated, tup_deleted "
						+ "FROM pg_stat_database WHERE datname = current_database()")) {
			rs.next();
			return new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) };
		}
		catch (SQLException e) {
			return new long[4];
		}
	}

	/** A measured phase: wall time, all latencies, and the CPU the client, server and machine spent. */
	static final class Phase {

		final long start = System.nanoTime();
		final long clientCpuStart = processCpuNanos();
		final long serverPid;
		final long serverCpuStart;
		final long[] machineStart = machineTicks();
		final long[] countersStart = databaseCounters();
		/** Per request: commits, rows inserted, updated, deleted in the benchmark database (all its clients). */
		final double[] writesPerRequest = new double[4];
		long elapsed;
		long ok;
		long errors;
		long[] micros = new long[0];
		double clientCpuMicros;
		double serverCpuMicros;
		double databaseCpuMicros;
		double machineBusy;
		List<Long> databasePids = List.of();
		long databaseTicksStart;
		long databaseTicks;

		Phase(long serverPid) {
			this.serverPid = serverPid;
			this.serverCpuStart = serverPid > 0 ? processTicks(serverPid) : 0;
		}

		Phase database(List<Long> pids) {
			databasePids = pids;
			databaseTicksStart = pids.stream().mapToLong(IntakeDriver::processTicks).sum();
			return this;
		}

		synchronized void add(Recorder r) {
			databaseTicks += r.databaseTicks;
			ok += r.ok;
			errors += r.errors;
			long[] merged = Arrays.copyOf(micros, micros.length + r.size);
			System.arraycopy(r.micros, 0, merged, micros.length, r.size);
			micros = merged;
		}

		Phase finish() {
			elapsed = System.nanoTime() - start;
			Arrays.sort(micros);
			long requests = Math.max(1, ok + errors);
			clientCpuMicros = (processCpuNanos() - clientCpuStart) / 1000.0 / requests;
			// for the baseline, the inserting program is the application: its CPU is this process's
			serverCpuMicros = serverPid > 0 ? (processTicks(serverPid) - serverCpuStart) * 10_000.0 / requests
					: clientCpuMicros;
			if (!databasePids.isEmpty()) {
				databaseTicks = databasePids.stream().mapToLong(IntakeDriver::processTicks).sum() - databaseTicksStart;
			}
			databaseCpuMicros = databaseTicks * 10_000.0 / requests;
			long[] machineEnd = machineTicks();
			long[] countersEnd = databaseCounters();
			for (int i = 0; i < writesPerRequest.length; i++) {
				writesPerRequest[i] = (countersEnd[i] - countersStart[i]) / (double) requests;
			}
			long total = machineEnd[0] - machineStart[0];
			machineBusy = total == 0 ? 0 : (double) (machineEnd[1] - machineStart[1]) / total;
			return this;
		}

		double rate() {
			return ok / (elapsed / 1e9);
		}

		long percentile(double p) {
			if (micros.length == 0) {
				return Long.MAX_VALUE;
			}
			int index = (int) Math.ceil(p / 100.0 * micros.length) - 1;
			return micros[Math.max(0, Math.min(micros.length - 1, index))];
		}

		/** CPU of one intake, client excluded: application server plus its PostgreSQL backends. */
		double systemCpuMicros() {
			return serverCpuMicros + databaseCpuMicros;
		}

		/** Intakes per second that two otherwise idle cores could sustain at this CPU cost per intake. */
		double projectedOnTwoCores() {
			return systemCpuMicros() == 0 ? 0 : 2e6 / systemCpuMicros();
		}

		String row(String name) {
			return String.format(Locale.ROOT,
					"| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %.0f | %s | %.0f | %.0f | %.1f | %.1f | %.0f %% |", name,
					ok + errors, errors, rate(), percentile(50) / 1000.0, percentile(95) / 1000.0,
					percentile(99) / 1000.0, percentile(100) / 1000.0, clientCpuMicros,
					String.format(Locale.ROOT, "%.0f", serverCpuMicros), databaseCpuMicros,
					projectedOnTwoCores(), writesPerRequest[0], writesPerRequest[1] + writesPerRequest[2] + writesPerRequest[3],
					machineBusy * 100);
		}

		Map<String, Object> toMap() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("seconds", round(elapsed / 1e9, 2));
			m.put("ok", ok);
			m.put("errors", errors);
			m.put("perSecond", round(rate(), 1));
			m.put("p50ms", percentile(50) / 1000.0);
			m.put("p95ms", percentile(95) / 1000.0);
			m.put("p99ms", percentile(99) / 1000.0);
			m.put("p999ms", percentile(99.9) / 1000.0);
			m.put("maxMs", percentile(100) / 1000.0);
			m.put("clientCpuMicrosPerRequest", round(clientCpuMicros, 1));
			m.put("applicationCpuMicrosPerRequest", round(serverCpuMicros, 1));
			m.put("databaseCpuMicrosPerRequest", round(databaseCpuMicros, 1));
			m.put("projectedPerSecondOnTwoIdleCores", round(projectedOnTwoCores(), 0));
			m.put("commitsPerRequest", round(writesPerRequest[0], 2));
			m.put("rowsInsertedPerRequest", round(writesPerRequest[1], 2));
			m.put("rowsUpdatedPerRequest", round(writesPerRequest[2], 2));
			m.put("rowsDeletedPerRequest", round(writesPerRequest[3], 2));
			m.put("machineBusy", round(machineBusy, 3));
			return m;
		}
	}

	private static long processCpuNanos() {
		var os = ManagementFactory.getOperatingSystemMXBean();
		return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
	}

	/** utime + stime of a process, in clock ticks (1/100 s). */
	private static long processTicks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(f[11]) + Long.parseLong(f[12]);
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}

	/** Total and busy clock ticks of the whole machine (/proc/stat). */
	private static long[] machineTicks() {
		try {
			String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < f.length; i++) {
				total += Long.parseLong(f[i]);
			}
			long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
			return new long[] { total, total - idle };
		}
		catch (IOException | RuntimeException e) {
			return new long[] { 0, 0 };
		}
	}

	private static Map<String, Object> machine() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("cores", Runtime.getRuntime().availableProcessors());
		m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		try {
			m.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(l -> l.startsWith("model name"))
				.findFirst()
				.map(l -> l.substring(l.indexOf(':') + 1).trim())
				.orElse("?"));
			m.put("loadAverageAtStart", Files.readString(Path.of("/proc/loadavg")).trim());
		}
		catch (IOException e) {
			m.put("cpu", "?");
		}
		return m;
	}

	private static double round(double value, int digits) {
		double f = Math.pow(10, digits);
		return Math.round(value * f) / f;
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		AtomicLong n = new AtomicLong();
		return r -> {
			Thread t = new Thread(r, name + "-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		};
	}
}
