package io.gridgov.insight.internal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.gridgov.GridGovApplication;
import io.gridgov.cases.Assignee;
import io.gridgov.cases.CaseAccepted;
import io.gridgov.cases.CaseClosed;
import io.gridgov.cases.CaseDispatched;
import io.gridgov.cases.CaseEvent;
import io.gridgov.cases.CaseHandled;
import io.gridgov.cases.CaseRated;
import io.gridgov.cases.CaseReported;
import io.gridgov.cases.CaseSource;
import io.gridgov.cases.CaseVerified;
import io.gridgov.platform.scope.RegionCode;

/**
 * The insight benchmark's application part (bench/run-insight.sh). Starts GridGov in this JVM on the
 * benchmark database (schema, read models, region tree and the leader prepared by the script), signs
 * in over HTTP as the city's leader and then, by mode:
 * <ul>
 * <li>{@code api}: times the dashboard's and the statistics page's calls ({@code GET
 * /api/insight/summary|trend|breakdown|map|cases}, as the pages ask them: a page of 50 rows, a ranking of 10) for the city, one community and one grid, for a month
 * and a year, p50/p95 over several runs, and the same figures computed by GROUP BY over the plain
 * cases table {@code bench_case} (over JDBC, client round trip included), with the ratio;</li>
 * <li>{@code delay}: publishes real case events at a fixed rate, each in its own transaction with the
 * application's event publisher (as the cases module does: the cases module's own listeners and
 * insight's inbox, ADR 0031, write in that transaction; insight folds the inbox after the commit), and polls the dashboard's summary for today
 * over HTTP; an event counts as reflected at the first poll whose answer counts it (every event adds
 * exactly one to reported + accepted + dispatched + handled + verified + closed + rated of the day).
 * The cases are also written to {@code bench_live_case} so that the script can derive them with
 * generate.sql's SQL and compare with what the projection wrote.</li>
 * </ul>
 * Usage: InsightBenchmark api|delay jdbcUrl port label [runs|rate] [seconds] [out].
 */
public final class InsightBenchmark {

	private static final String USER = "bench-leader";
	private static final String PASSWORD = "Bench@Leader2026";
	private static final String[][] REGIONS = { { "city", "440700000000", "4407" },
			{ "community", "440704001001", "440704001001" }, { "grid", "440704001001001", "440704001001001" } };
	private static final String[][] PERIODS = { { "month", "2025-06-01", "2025-06-30" },
			{ "year", "2025-01-01", "2025-12-31" } };

	private static final int PUBLISHERS = 16;

	private final String base;
	private final HttpClient http;

	private InsightBenchmark(int port) {
		this.base = "http://127.0.0.1:" + port;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.build();
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		String url = args[1];
		int port = Integer.parseInt(args[2]);
		String label = args[3];
		Map<String, Object> props = new HashMap<>();
		props.put("spring.datasource.url", url);
		props.put("spring.datasource.username", "postgres");
		props.put("spring.datasource.password", "");
		// the schema comes from the migrations applied by the script (the read models are bulk-loaded)
		props.put("spring.flyway.enabled", "false");
		props.put("server.port", String.valueOf(port));
		props.put("spring.main.banner-mode", "off");
		props.put("logging.level.root", "WARN");
		props.put("gridgov.scheduling.enabled", "false");
		props.put("gridgov.personal-data.keys.k1", "YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktMDA=");
		props.put("gridgov.personal-data.hmac-key", "YmVuY2gtb25seS1obWFjLWJlbmNoLW9ubHktaG1hYzA=");
		String[] argv = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GridGovApplication.class).run(argv)) {
			InsightBenchmark bench = new InsightBenchmark(port);
			bench.signIn();
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			StringBuilder out = new StringBuilder();
			if (mode.equals("api")) {
				int runs = args.length > 4 ? Integer.parseInt(args[4]) : 20;
				bench.api(jdbc, label, runs, out);
			}
			else {
				int rate = args.length > 4 ? Integer.parseInt(args[4]) : 500;
				int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 60;
				bench.delay(app, jdbc, label, rate, seconds, out);
			}
			if (args.length > 6 || (mode.equals("api") && args.length > 5)) {
				Files.writeString(Path.of(args[args.length - 1]), out.toString());
			}
		}
	}

	// ------------------------------------------------------------------ API latency vs GROUP BY

	private record Call(String name, String path, String query) {
	}

	/**
	 * How long every call shape is called, round robin, before anything is measured (JIT, caches, plans):
	 * 60 s by default ({@code -Dbench.warmup=S}); the JIT's C2 compiler was found still at work after
	 * 15 s and even 60 s in the intake benchmark (ADR 0034), and counted its time in the first calls.
	 */
	static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 60);

	private void api(JdbcClient jdbc, String label, int runs, StringBuilder out) throws Exception {
		List<String[]> shapes = new ArrayList<>();
		for (String[] region : REGIONS) {
			for (String[] period : PERIODS) {
				String q = "from=" + period[1] + "&to=" + period[2] + "&region=" + region[1];
				for (Call call : calls(q, period)) {
					shapes.add(new String[] { call.name(), region[0], period[0], call.path() + "?" + call.query(), region[2],
							period[1], period[2] });
				}
			}
		}
		// warm-up: every call shape in turn for WARM_UP_SECONDS (at least once each), so that the first
		// measured calls do not pay for the JIT compiling the code paths of the shapes measured after them
		long warmUntil = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
		int warmCalls = 0;
		for (int i = 0; i < shapes.size() || System.nanoTime() < warmUntil; i++) {
			get("/api/insight/" + shapes.get(i % shapes.size())[3]);
			warmCalls++;
		}
		line(out, "== insight API over HTTP (GridGov in-process, PostgreSQL), %s cases, up to %d runs per call after a "
				+ "%d s warm-up over all %d call shapes (%d calls) and one more call each (fewer runs when a call takes "
				+ "long); GROUP BY over bench_case over JDBC", label, runs, WARM_UP_SECONDS, shapes.size(), warmCalls);
		line(out, "%-22s %-10s %-6s %9s %9s %12s %12s %8s", "call", "region", "period", "api_p50", "api_p95",
				"groupby_p50", "groupby_p95", "ratio95");
		// -Dbench.calls=map_grid,ranking_grid: those calls only (while working on them), warmed up the same way
		List<String> only = System.getProperty("bench.calls") == null ? null
				: Arrays.stream(System.getProperty("bench.calls").split(",")).map(c -> c.strip().replace('_', ' ')).toList();
		for (String[] shape : shapes) {
			if (only != null && !only.contains(shape[0])) {
				continue;
			}
			double[] api = time(runs, 20, () -> get("/api/insight/" + shape[3]));
			String sql = baseline(shape[0], shape[4], shape[5], shape[6]);
			// -Dbench.baseline=false: the API only (while working on it; the GROUP BY runs take minutes at 10 M)
			double[] direct = Boolean.parseBoolean(System.getProperty("bench.baseline", "true"))
					? time(Math.max(3, runs / 4), 30, () -> jdbc.sql(sql).query().listOfRows())
					: new double[] { Double.NaN, Double.NaN };
			line(out, "%-22s %-10s %-6s %9.2f %9.2f %12.1f %12.1f %8.0f", shape[0], shape[1], shape[2], api[0], api[1],
					direct[0], direct[1], direct[1] / api[1]);
		}
	}

	private static List<Call> calls(String q, String[] period) {
		return List.of(new Call("summary", "summary", q),
				new Call("trend", "trend", q + "&granularity=" + (period[0].equals("month") ? "day" : "month")),
				// the statistics table's first page (50 rows by code) and the dashboard's ranking (ten by closure
				// rate) and map (reported and overdue per grid): the calls the pages make
				new Call("breakdown community", "breakdown", q + "&by=community&page=0&size=50"),
				new Call("breakdown grid", "breakdown", q + "&by=grid&page=0&size=50"),
				new Call("ranking grid", "breakdown", q + "&by=grid&sort=closureRate&page=0&size=10"),
				new Call("map grid", "map", q),
				new Call("breakdown category", "breakdown", q + "&by=category"),
				new Call("breakdown department", "breakdown", q + "&by=department"),
				new Call("cases closed", "cases", q + "&indicator=closed&page=0&size=20"));
	}

	/**
	 * The same figures straight from the cases table: every case of the region with any of its moments in
	 * the period, the counts of the moments in the period, grouped as the call groups them.
	 */
	static String baseline(String call, String prefix, String from, String to) {
		String lo = prefix;
		String hi = new java.math.BigInteger(prefix).add(java.math.BigInteger.ONE).toString();
		String start = "'" + from + "'::date::timestamptz";
		String end = "('" + to + "'::date + 1)::timestamptz";
		String in = "%s >= " + start + " AND %s < " + end;
		String where = "grid_code >= '" + lo + "' AND grid_code < '" + hi + "' AND (" + String.join(" OR ",
				Arrays.stream(new String[] { "reported_at", "accepted_at", "spot_at", "dispatched_at", "handled_at",
						"verified_at", "closed_at", "rated_at" }).map(c -> "(" + in.formatted(c, c) + ")").toList()) + ")";
		String counts = String.join(", ",
				Arrays.stream(new String[] { "reported_at", "accepted_at", "dispatched_at", "handled_at", "verified_at",
						"closed_at", "rated_at" }).map(c -> "COUNT(*) FILTER (WHERE " + in.formatted(c, c) + ")").toList())
				+ ", SUM(tta_s) FILTER (WHERE " + in.formatted("accepted_at", "accepted_at") + ")"
				+ ", SUM(tth_s) FILTER (WHERE " + in.formatted("handled_at", "handled_at") + ")"
				+ ", AVG(rating) FILTER (WHERE " + in.formatted("rated_at", "rated_at") + ")";
		String day = "(reported_at AT TIME ZONE 'Asia/Shanghai')::date";
		return switch (call) {
			case "summary" -> "SELECT " + counts + " FROM bench_case WHERE " + where;
			case "trend" -> "SELECT " + (to.endsWith("-12-31") ? "date_trunc('month', " + day + ")" : day) + ", " + counts
					+ " FROM bench_case WHERE " + where + " GROUP BY 1";
			// a page of rows and how many rows there are (the API's "total", as the case list's baseline below
			// counts its cases): the groups first, so that PostgreSQL hashes them (the window over "GROUP BY …
			// ORDER BY … LIMIT" walked the whole grid index in order, 7-15 times as long)
			case "breakdown community" -> "WITH g AS MATERIALIZED (SELECT substr(grid_code, 1, 12), " + counts
					+ " FROM bench_case WHERE " + where + " GROUP BY 1) SELECT *, COUNT(*) OVER () FROM g ORDER BY 1 LIMIT 50";
			case "breakdown grid" -> "WITH g AS MATERIALIZED (SELECT grid_code, " + counts + " FROM bench_case WHERE " + where
					+ " GROUP BY 1) SELECT *, COUNT(*) OVER () FROM g ORDER BY 1 LIMIT 50";
			case "ranking grid" -> "SELECT grid_code, " + counts + " FROM bench_case WHERE " + where + " GROUP BY 1"
					+ " ORDER BY COUNT(*) FILTER (WHERE " + in.formatted("closed_at", "closed_at") + ")::float8"
					+ " / NULLIF(COUNT(*) FILTER (WHERE " + in.formatted("accepted_at", "accepted_at") + "), 0) DESC NULLS LAST,"
					+ " COUNT(*) FILTER (WHERE " + in.formatted("reported_at", "reported_at") + ") DESC, 1 LIMIT 10";
			case "map grid" -> "SELECT grid_code, COUNT(*) FILTER (WHERE " + in.formatted("reported_at", "reported_at")
					+ ") FROM bench_case WHERE " + where + " GROUP BY 1";
			case "breakdown category" -> "SELECT category_code, " + counts + " FROM bench_case WHERE " + where
					+ " GROUP BY 1";
			case "breakdown department" -> "SELECT department_code, " + counts + " FROM bench_case WHERE " + where
					+ " GROUP BY 1";
			case "cases closed" -> "SELECT id, grid_code, closed_at, COUNT(*) OVER () FROM bench_case WHERE grid_code >= '"
					+ lo + "' AND grid_code < '" + hi + "' AND " + in.formatted("closed_at", "closed_at")
					+ " ORDER BY closed_at DESC, id LIMIT 20";
			default -> throw new IllegalArgumentException(call);
		};
	}

	interface Work {
		Object run() throws Exception;
	}

	/** p50 and p95 in ms of up to {@code runs} runs after one warm-up, stopping after {@code budget} seconds. */
	private static double[] time(int runs, int budgetSeconds, Work work) throws Exception {
		work.run();
		List<Double> ms = new ArrayList<>();
		long deadline = System.nanoTime() + budgetSeconds * 1_000_000_000L;
		for (int i = 0; i < runs && (ms.size() < 3 || System.nanoTime() < deadline); i++) {
			long t0 = System.nanoTime();
			work.run();
			ms.add((System.nanoTime() - t0) / 1e6);
		}
		double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return new double[] { percentile(sorted, 0.50), percentile(sorted, 0.95) };
	}

	/** Nearest-rank percentile of sorted values. */
	static double percentile(double[] sorted, double p) {
		int rank = (int) Math.ceil(p * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	// ------------------------------------------------------------------ event-to-dashboard delay

	private static final Pattern COUNT = Pattern.compile(
			"\"(reported|accepted|dispatched|handled|verified|closed|rated)\":(\\d+)");

	private void delay(ConfigurableApplicationContext app, JdbcClient jdbc, String label, int rate, int seconds,
			StringBuilder out) throws Exception {
		ApplicationEventPublisher publisher = app;
		TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
		jdbc.sql("DROP TABLE IF EXISTS bench_live_case").update();
		jdbc.sql("CREATE TABLE bench_live_case (LIKE bench_case)").update();
		// the cases of an earlier delay run on this database (all dated after generate.sql's 2023–2025) out
		// of the read models, so that the derivation check compares this run's cases only
		java.sql.Date historyEnd = java.sql.Date.valueOf("2026-01-01");
		for (String delete : List.of("DELETE FROM insight_fact WHERE fact_day >= ?",
				"DELETE FROM insight_rollup WHERE period_start >= ?", "DELETE FROM insight_slice_rollup WHERE period_start >= ?",
				"DELETE FROM insight_case WHERE reported_at >= ?")) {
			jdbc.sql(delete).param(historyEnd).update();
		}
		long before = dashboardCount();
		// whole cases only (seven events each), so that every event sent belongs to a case of bench_live_case
		int total = rate * seconds / 7 * 7;
		long[] publishedAt = new long[total];
		List<long[]> polls = new ArrayList<>();
		AtomicBoolean done = new AtomicBoolean();
		Thread poller = new Thread(() -> {
			try {
				while (!done.get()) {
					long t0 = System.nanoTime();
					long seen = dashboardCount() - before;
					synchronized (polls) {
						polls.add(new long[] { System.nanoTime(), seen, t0 });
					}
					LockSupport.parkNanos(20_000_000L);
				}
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}, "dashboard-poller");
		poller.start();
		double load = loadAverage();
		long start = System.nanoTime();
		long interval = 1_000_000_000L / rate;
		int casesTotal = total / 7;
		java.util.concurrent.atomic.AtomicInteger nextCase = new java.util.concurrent.atomic.AtomicInteger();
		List<Object[]> cases = java.util.Collections.synchronizedList(new ArrayList<>());
		String[] departments = { "URBAN_MGMT", "MARKET_REG", "ECO_ENV", "POLICE", "HOUSING", "COMMUNITY" };
		// several publishers, as several users act at once: case c's seven events take the time slots
		// 7c .. 7c + 6 of the schedule (one every 1/rate s) and are published in order, one transaction each
		List<Thread> publishers = new ArrayList<>();
		for (int t = 0; t < PUBLISHERS; t++) {
			Thread publisherThread = new Thread(() -> {
				for (int c = nextCase.getAndIncrement(); c < casesTotal; c = nextCase.getAndIncrement()) {
					ThreadLocalRandom r = ThreadLocalRandom.current();
					UUID id = UUID.randomUUID();
					int gr = r.nextInt(10_000);
					RegionCode grid = RegionCode
						.of(String.format("440704%03d%03d%03d", 1 + gr / 500, 1 + (gr / 20) % 25, 1 + gr % 20));
					String category = String.format("CAT%02d", r.nextInt(40));
					CaseSource source = CaseSource.values()[r.nextInt(5)];
					String department = departments[r.nextInt(departments.length)];
					long tta = 60 + r.nextInt(3000);
					long tth = 600 + r.nextInt(200_000);
					boolean acceptedOnTime = tta < 1800;
					boolean handledOnTime = tth < 144_000;
					int stars = 1 + r.nextInt(5);
					Instant[] at = new Instant[7];
					for (int k = 0; k < 7 && 7 * c + k < total; k++) {
						int slot = 7 * c + k;
						long wait = start + slot * interval - System.nanoTime();
						if (wait > 0) {
							LockSupport.parkNanos(wait);
						}
						// the microsecond precision of the database, as the cases module stores its moments
						Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
						at[k] = now;
						CaseEvent event = switch (k) {
							case 0 -> new CaseReported(id, grid, category, now, source);
							case 1 -> new CaseAccepted(id, grid, category, now, acceptedOnTime, Duration.ofSeconds(tta));
							case 2 -> new CaseDispatched(id, grid, category, now, Assignee.department(department),
									now.plusSeconds(86_400), false);
							case 3 -> new CaseHandled(id, grid, category, now, Assignee.department(department),
									handledOnTime, Duration.ofSeconds(tth), false);
							case 4 -> new CaseVerified(id, grid, category, now);
							case 5 -> new CaseClosed(id, grid, category, now, source, acceptedOnTime, true, handledOnTime,
									0, Duration.ofSeconds(tta), Duration.ofSeconds(tth), false, false);
							default -> new CaseRated(id, grid, category, now, stars);
						};
						tx.executeWithoutResult(s -> {
							if (event instanceof CaseReported) {
								// the case's row, as intake stores it with the report (the cases module's own
								// listeners, e.g. its notifications, refer to it)
								insertCase(jdbc, event, source, department);
							}
							publisher.publishEvent(event);
						});
						publishedAt[slot] = System.nanoTime();
					}
					if (at[6] != null) {
						cases.add(new Object[] { id, grid.value(), category, source.name(), department, at[0], at[1], tta,
								acceptedOnTime, at[2], handledOnTime, tth, at[3], at[4], at[5], at[6], stars });
					}
				}
			}, "publisher-" + t);
			publisherThread.start();
			publishers.add(publisherThread);
		}
		for (Thread t : publishers) {
			t.join();
		}
		// the k-th commit is reflected once the dashboard counts k events
		Arrays.sort(publishedAt);
		double sendSeconds = (System.nanoTime() - start) / 1e9;
		// wait until the dashboard counts every event (or 120 s)
		long waitUntil = System.nanoTime() + 120_000_000_000L;
		while (System.nanoTime() < waitUntil) {
			synchronized (polls) {
				if (!polls.isEmpty() && polls.get(polls.size() - 1)[1] >= total) {
					break;
				}
			}
			Thread.sleep(50);
		}
		done.set(true);
		poller.join();
		double loadAfter = loadAverage();
		long[][] seen;
		synchronized (polls) {
			seen = polls.toArray(long[][]::new);
		}
		// event i is reflected at the end of the first poll that started after its commit and counts i + 1
		// events (a watermark: the projection takes events about in the order of their commits); the
		// first such poll of event i + 1 is never before that of event i
		double[] delays = new double[total];
		int q = 0;
		int missing = 0;
		for (int i = 0; i < total; i++) {
			while (q < seen.length && !(seen[q][2] >= publishedAt[i] && seen[q][1] >= i + 1)) {
				q++;
			}
			if (q >= seen.length) {
				delays[i] = Double.NaN;
				missing++;
			}
			else {
				delays[i] = (seen[q][0] - publishedAt[i]) / 1e6;
			}
		}
		double[] sorted = Arrays.stream(delays).filter(d -> !Double.isNaN(d)).sorted().toArray();
		line(out, "== event-to-dashboard delay, %s: %d case events at %d/s for %d s (sent in %.1f s, %.0f/s), each in its "
				+ "own transaction as the cases module publishes them; dashboard polled every ~20 ms (%d polls); load %.2f before, %.2f after",
				label, total, rate, seconds, sendSeconds, total / sendSeconds, seen.length, load, loadAfter);
		line(out, "delay ms: p50 %.0f  p95 %.0f  p99 %.0f  max %.0f  (events never reflected within 120 s: %d)",
				percentile(sorted, 0.5), percentile(sorted, 0.95), percentile(sorted, 0.99), sorted[sorted.length - 1],
				missing);
		// the lag of the dashboard behind the events over the run, every 5 s
		StringBuilder lag = new StringBuilder("backlog (published - reflected) every 5 s:");
		for (int s = 5; s <= seconds + 5; s += 5) {
			long t = start + s * 1_000_000_000L;
			int published = 0;
			while (published < total && publishedAt[published] <= t) {
				published++;
			}
			long reflected = 0;
			for (long[] poll : seen) {
				if (poll[0] <= t) {
					reflected = poll[1];
				}
			}
			lag.append(' ').append(published - reflected);
		}
		line(out, "%s", lag);
		jdbc.sql("DELETE FROM bench_live_case").update();
		int number = 0;
		for (Object[] c : cases) {
			number++;
			jdbc.sql("""
					INSERT INTO bench_live_case (id, spot, grid_code, category_code, source, department_code, reported_at,
					  tta_s, accepted_on_time, tth_s, handled_on_time, returned, reworked, open, rating, accepted_at, spot_at,
					  dispatched_at, handled_at, verified_at, closed_at, rated_at)
					VALUES (?, FALSE, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, FALSE, ?, ?, NULL, ?, ?, ?, ?, ?)""")
				.params(number, c[1], c[2], c[3], c[4], ts(c[5]), ((Long) c[7]).intValue(), c[8], ((Long) c[11]).intValue(), c[10],
						c[16], ts(c[6]), ts(c[9]), ts(c[12]), ts(c[13]), ts(c[14]), ts(c[15]))
				.update();
		}
		line(out, "bench_live_case: %d complete cases written for the derivation check", cases.size());
	}

	private static void insertCase(JdbcClient jdbc, CaseEvent e, CaseSource source, String department) {
		jdbc.sql("""
				INSERT INTO cases_case (id, tracking_code, source, category_code, status, grid_code, community_code,
				  unassigned, description, reported_at, accept_deadline, assignee_kind, assignee_id, dispatched_correctly,
				  rework_count, return_count, extension_count, supervised, supervision_count, due_soon, overdue,
				  solved_on_the_spot, timeline_size, updated_at, version)
				VALUES (?, ?, ?, ?, 'REPORTED', ?, ?, FALSE, 'insight delay benchmark', ?, ?, 'DEPARTMENT', ?, TRUE, 0, 0, 0,
				  FALSE, 0, FALSE, FALSE, FALSE, 1, ?, 0)""")
			.params(e.caseId(), e.caseId().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT),
					source.name(), e.categoryCode(), e.gridCode().value(), e.gridCode().value().substring(0, 12),
					ts(e.occurredAt()), ts(e.occurredAt().plusSeconds(3600)), department, ts(e.occurredAt()))
			.update();
	}

	private static Timestamp ts(Object instant) {
		return Timestamp.from((Instant) instant);
	}

	private long dashboardCount() throws IOException, InterruptedException {
		String body = get("/api/insight/summary?period=today");
		// the whole body: "rated" comes after "overdueNow" (cutting there lost every seventh event)
		Matcher m = COUNT.matcher(body);
		long sum = 0;
		while (m.find()) {
			sum += Long.parseLong(m.group(2));
		}
		return sum;
	}

	private static double loadAverage() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (IOException | RuntimeException e) {
			return Double.NaN;
		}
	}

	// ------------------------------------------------------------------ HTTP

	private void signIn() throws IOException, InterruptedException {
		http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/csrf")).build(), HttpResponse.BodyHandlers.discarding());
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + response.body());
		}
	}

	private String cookie(String name) {
		CookieManager cookies = (CookieManager) http.cookieHandler().orElseThrow();
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.reduce((a, b) -> b)
			.orElseThrow(() -> new IllegalStateException("no cookie " + name));
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private static void line(StringBuilder out, String format, Object... args) {
		String s = String.format(Locale.ROOT, format, args);
		System.out.println(s);
		out.append(s).append('\n');
	}
}
