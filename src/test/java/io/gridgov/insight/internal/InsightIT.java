package io.gridgov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;

import io.gridgov.geo.Grids;
import io.gridgov.geo.WaihaiDemo;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The insight read models and API on the Waihai demo: the article's figures computed from the
 * records, read models equal to a direct computation over the cases (after the live events and
 * after a rebuild), live updates, scope and refusals.
 */
class InsightIT extends IntegrationTest {

	static final String ARTICLE = "from=2024-01-01&to=2024-12-31";
	static final String GRID = "440704003001001";

	@Autowired
	Grids grids;

	@Autowired
	InsightRebuild rebuild;

	@Test
	void theWaihaiDemoShowsTheArticlesCasesAndClosureRateComputedFromItsRecords() {
		awaitEventsDelivered();
		JsonNode summary = signedIn("leader").get("/api/insight/summary?" + ARTICLE).expectStatus(200).json();
		JsonNode i = summary.path("indicators");

		Instant start = LocalDate.parse("2024-01-01").atStartOfDay(Contributions.ZONE).toInstant();
		Instant end = LocalDate.parse("2025-01-01").atStartOfDay(Contributions.ZONE).toInstant();
		long reported = jdbc.sql("SELECT COUNT(*) FROM cases_case WHERE reported_at >= ? AND reported_at < ?")
			.params(Timestamp.from(start), Timestamp.from(end))
			.query(Long.class)
			.single();
		long takenOn = jdbc.sql("""
				SELECT COUNT(*) FROM cases_case c WHERE EXISTS (SELECT 1 FROM cases_timeline t WHERE t.case_id = c.id
				  AND t.action IN ('ACCEPT', 'SOLVE_ON_THE_SPOT') AND t.at >= ? AND t.at < ?
				  AND NOT EXISTS (SELECT 1 FROM cases_timeline e WHERE e.case_id = c.id
				    AND e.action IN ('ACCEPT', 'SOLVE_ON_THE_SPOT') AND e.seq < t.seq))""")
			.params(Timestamp.from(start), Timestamp.from(end))
			.query(Long.class)
			.single();
		long closed = jdbc.sql("SELECT COUNT(*) FROM cases_timeline WHERE action = 'CLOSE' AND at >= ? AND at < ?")
			.params(Timestamp.from(start), Timestamp.from(end))
			.query(Long.class)
			.single();

		assertThat(reported).isEqualTo(6747);
		assertThat(Math.round(1000.0 * closed / takenOn)).isEqualTo(994);
		assertThat(i.path("reported").asLong()).isEqualTo(reported);
		assertThat(i.path("accepted").asLong()).isEqualTo(takenOn);
		assertThat(i.path("closed").asLong()).isEqualTo(closed);
		assertThat(Math.round(i.path("closureRate").asDouble() * 1000)).isEqualTo(994);

		ApiClient command = signedIn("command");
		assertThat(grids.within(WaihaiDemo.WAIHAI)).hasSize(77);
		assertThat(command.get("/api/workforce/boards?size=1").expectStatus(200).json().path("total").asLong())
			.isGreaterThanOrEqualTo(2000);
	}

	@Test
	void readModelsEqualADirectComputationOverTheCasesBeforeAndAfterARebuild() {
		awaitEventsDelivered();
		// the live cases of the demo reached the read models through their events, the history through
		// the start-up replay: both must equal the computation over the cases tables
		assertThat(factRows()).isEqualTo(directComputation());
		assertThat(alerts()).isEqualTo(directAlerts());
		Map<FactKey, Counters> before = factRows();
		Map<String, Counters> rollupsBefore = rollupRows();

		InsightRebuild.Result result = rebuild.rebuild();
		assertThat(result.cases()).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single());
		assertThat(factRows()).isEqualTo(before).isEqualTo(directComputation());
		assertThat(rollupRows()).isEqualTo(rollupsBefore);
		assertThat(alerts()).isEqualTo(directAlerts());
	}

	@Test
	void theRollUpsAndTheDailyFactsGiveTheSameFigures() {
		awaitEventsDelivered();
		ApiClient leader = signedIn("leader");
		for (String period : List.of("from=2024-03-05&to=2024-07-19", ARTICLE, "from=2024-02-01&to=2024-02-29")) {
			JsonNode unfiltered = leader.get("/api/insight/summary?" + period).expectStatus(200).json();
			long sum = 0;
			for (String source : List.of("PATROL", "RESIDENT", "HOTLINE", "PETITION", "IMPORT")) {
				sum += leader.get("/api/insight/summary?" + period + "&source=" + source)
					.expectStatus(200)
					.json()
					.path("indicators")
					.path("closed")
					.asLong();
			}
			assertThat(sum).isEqualTo(unfiltered.path("indicators").path("closed").asLong());
			JsonNode byCommunity = leader.get("/api/insight/breakdown?by=community&" + period).expectStatus(200).json();
			long reported = 0;
			for (JsonNode row : byCommunity.path("rows")) {
				reported += row.path("indicators").path("reported").asLong();
			}
			assertThat(reported).isEqualTo(unfiltered.path("indicators").path("reported").asLong());
			JsonNode months = leader.get("/api/insight/trend?granularity=month&" + period).expectStatus(200).json();
			long accepted = 0;
			for (JsonNode p : months.path("points")) {
				accepted += p.path("indicators").path("accepted").asLong();
			}
			assertThat(accepted).isEqualTo(unfiltered.path("indicators").path("accepted").asLong());
		}
	}

	@Test
	void everyNumberLinksToTheCasesItCounts() {
		awaitEventsDelivered();
		ApiClient leader = signedIn("leader");
		JsonNode byCommunity = leader.get("/api/insight/breakdown?by=community&" + ARTICLE).expectStatus(200).json();
		JsonNode first = byCommunity.path("rows").get(0);
		String community = first.path("key").asString();
		assertThat(first.path("name").asString()).isNotBlank();
		for (String indicator : List.of("closed", "accepted", "reported", "handledOnTime", "returned", "reworked")) {
			JsonNode cases = leader
				.get("/api/insight/cases?indicator=" + indicator + "&region=" + community + "&" + ARTICLE + "&size=5")
				.expectStatus(200)
				.json();
			assertThat(cases.path("page").path("total").asLong()).as(indicator)
				.isEqualTo(first.path("indicators").path(indicator).asLong());
		}
		JsonNode closed = leader.get("/api/insight/cases?indicator=closed&region=" + community + "&" + ARTICLE + "&size=3")
			.expectStatus(200)
			.json();
		String caseId = closed.path("page").path("items").get(0).path("caseId").asString();
		assertThat(leader.get("/api/cases/" + caseId).expectStatus(200).json().path("status").asString()).isEqualTo("CLOSED");
		long overdue = leader.get("/api/insight/summary?" + ARTICLE).expectStatus(200).json().path("indicators")
			.path("overdueNow").asLong();
		assertThat(leader.get("/api/insight/cases?indicator=overdueNow").expectStatus(200).json().path("page").path("total")
			.asLong()).isEqualTo(overdue);
	}

	@Test
	void aReportedAndHandledCaseReachesTheDashboardThroughItsEvents() {
		awaitEventsDelivered();
		ApiClient leader = signedIn("leader");
		ApiClient command = signedIn("command");
		String today = "period=today&region=" + GRID;
		JsonNode before = leader.get("/api/insight/summary?" + today).expectStatus(200).json().path("indicators");
		Point p = grids.find(RegionCode.of(GRID)).orElseThrow().interiorPoint();
		JsonNode created = command.post("/api/cases", Map.of("source", "HOTLINE", "categoryCode", "EXPOSED_GARBAGE",
				"description", "路边垃圾堆放（洞察模块测试）", "longitude", p.getX(), "latitude", p.getY()))
			.expectStatus(201)
			.json();
		String id = created.path("id").asString();
		JsonNode detail = command.post("/api/cases/" + id + "/actions/accept",
				Map.of("version", created.path("version").asLong()))
			.expectStatus(200)
			.json();
		awaitTrue(() -> leader.get("/api/insight/summary?" + today).expectStatus(200).json().path("indicators")
			.path("accepted").asLong() == before.path("accepted").asLong() + 1);
		JsonNode after = leader.get("/api/insight/summary?" + today).expectStatus(200).json().path("indicators");
		assertThat(after.path("reported").asLong()).isEqualTo(before.path("reported").asLong() + 1);
		assertThat(detail.path("status").asString()).isEqualTo("ACCEPTED");
		JsonNode list = leader.get("/api/insight/cases?indicator=accepted&" + today + "&size=50").expectStatus(200).json();
		assertThat(list.path("page").path("items").toString()).contains(id);
	}

	@Test
	void figuresAreCutToTheScopeAndAnotherRegionDoesNotExist() {
		ApiClient leader = signedIn("leader");
		leader.get("/api/insight/summary?region=440704004000").expectProblem(404, "record.not-found");
		leader.get("/api/insight/breakdown?by=grid&region=440705003001").expectProblem(404, "record.not-found");
		leader.get("/api/insight/summary?region=" + GRID).expectStatus(200);
		signedIn("gridworker").get("/api/insight/summary").expectStatus(403);
		signedIn("command").get("/api/insight/summary").expectStatus(200);
		signedIn("leader").post("/api/insight/rebuild", Map.of()).expectStatus(403);
		client().get("/api/insight/summary").expectStatus(401);
	}

	@Test
	void badInputIsRefusedWithAnInsightProblem() {
		ApiClient leader = signedIn("leader");
		leader.get("/api/insight/summary?period=decade").expectProblem(400, "insight.period-unknown");
		leader.get("/api/insight/summary?period=month&from=2024-01-01&to=2024-01-31")
			.expectProblem(400, "insight.period-conflict");
		leader.get("/api/insight/summary?from=2024-01-01").expectProblem(400, "insight.period-incomplete");
		leader.get("/api/insight/summary?from=2024-13-01&to=2024-12-31").expectProblem(400, "insight.date-invalid");
		leader.get("/api/insight/summary?from=2024-12-31&to=2024-01-01").expectProblem(400, "insight.period-reversed");
		leader.get("/api/insight/summary?from=2019-01-01&to=2024-01-01").expectProblem(400, "insight.period-too-long");
		leader.get("/api/insight/summary?region=4407").expectProblem(400, "insight.region-invalid");
		leader.get("/api/insight/summary?category=NOPE").expectProblem(400, "insight.category-unknown");
		leader.get("/api/insight/summary?department=NOPE").expectProblem(400, "insight.department-unknown");
		leader.get("/api/insight/summary?source=PIGEON").expectProblem(400, "insight.source-unknown");
		leader.get("/api/insight/trend?granularity=hour").expectProblem(400, "insight.granularity-unknown");
		leader.get("/api/insight/trend?granularity=day&from=2023-01-01&to=2024-12-31").expectProblem(400, "insight.too-many-points");
		leader.get("/api/insight/breakdown?by=planet").expectProblem(400, "insight.breakdown-unknown");
		leader.get("/api/insight/cases?indicator=closureRate").expectProblem(400, "insight.indicator-unknown");
		JsonNode empty = leader.get("/api/insight/summary?from=2020-01-01&to=2020-01-31").expectStatus(200).json();
		assertThat(empty.path("indicators").path("closureRate").isNull()).isTrue();
		assertThat(empty.toString()).doesNotContain("NaN");
		JsonNode defs = leader.get("/api/insight/definitions").expectStatus(200).json();
		assertThat(defs.path("indicators").size()).isGreaterThanOrEqualTo(16);
		assertThat(defs.path("indicators").get(0).path("definition").path("en").asString()).isNotBlank();
	}

	// --- the direct computation over the cases tables (test-only SQL), independent of the fold ---

	private Map<FactKey, Counters> directComputation() {
		Map<UUID, List<Object[]>> timelines = new HashMap<>();
		jdbc.sql("SELECT case_id, action, at FROM cases_timeline ORDER BY case_id, seq").query((rs, n) -> {
			timelines.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
				.add(new Object[] { rs.getString(2), rs.getTimestamp(3).toInstant() });
			return null;
		}).list();
		Map<FactKey, Counters> result = new TreeMap<>();
		jdbc.sql("""
				SELECT id, grid_code, category_code, source, assignee_kind, assignee_id, accepted_on_time,
				  time_to_accept_s, handled_on_time, time_to_handle_s, return_count, rework_count, rating
				FROM cases_case""").query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			String grid = rs.getString("grid_code");
			String kind = rs.getString("assignee_kind");
			String department = kind == null ? "" : kind.equals("DEPARTMENT") ? rs.getString("assignee_id") : "GRID_WORKER";
			String category = rs.getString("category_code");
			String source = rs.getString("source");
			Instant report = null, accept = null, spot = null, dispatch = null, handle = null, verify = null, close = null,
					rate = null;
			for (Object[] e : timelines.getOrDefault(id, List.of())) {
				Instant at = (Instant) e[1];
				switch ((String) e[0]) {
					case "REPORT" -> report = at;
					case "ACCEPT" -> accept = at;
					case "SOLVE_ON_THE_SPOT" -> {
						spot = spot == null ? at : spot;
						handle = at;
					}
					case "DISPATCH", "REDISPATCH" -> dispatch = dispatch == null ? at : dispatch;
					case "HANDLE" -> handle = at;
					case "VERIFY_PASS" -> verify = at;
					case "CLOSE" -> close = at;
					case "RATE" -> rate = at;
					default -> {
					}
				}
			}
			java.util.function.Function<Instant, Counters> at = t -> result.computeIfAbsent(
					new FactKey(Contributions.day(t), grid, grid.length() == 15 ? grid.substring(0, 12) : "", category,
							department, source),
					k -> new Counters());
			at.apply(report).add(Measure.REPORTED, 1);
			if (accept != null) {
				Counters c = at.apply(accept);
				c.add(Measure.ACCEPTED, 1);
				long tta = rs.getLong("time_to_accept_s");
				c.add(Measure.ACCEPT_TIMED, 1);
				c.add(Measure.TTA_SUM_S, tta);
				c.addAt(Measure.TTA_BUCKETS + DurationBuckets.bucketOf(tta), 1);
				if (rs.getBoolean("accepted_on_time")) {
					c.add(Measure.ACCEPTED_ON_TIME, 1);
				}
			}
			else if (spot != null) {
				at.apply(spot).add(Measure.ACCEPTED, 1);
			}
			if (spot != null) {
				at.apply(spot).add(Measure.SOLVED_ON_THE_SPOT, 1);
			}
			if (dispatch != null) {
				Counters c = at.apply(dispatch);
				c.add(Measure.DISPATCHED, 1);
				if (rs.getInt("return_count") > 0) {
					c.add(Measure.RETURNED, 1);
				}
			}
			if (handle != null) {
				Counters c = at.apply(handle);
				c.add(Measure.HANDLED, 1);
				if (rs.getBoolean("handled_on_time")) {
					c.add(Measure.HANDLED_ON_TIME, 1);
				}
				long tth = rs.getLong("time_to_handle_s");
				c.add(Measure.TTH_SUM_S, tth);
				c.addAt(Measure.TTH_BUCKETS + DurationBuckets.bucketOf(tth), 1);
			}
			if (verify != null) {
				Counters c = at.apply(verify);
				c.add(Measure.VERIFIED, 1);
				if (rs.getInt("rework_count") > 0) {
					c.add(Measure.REWORKED, 1);
				}
			}
			if (close != null) {
				at.apply(close).add(Measure.CLOSED, 1);
			}
			if (rate != null) {
				Counters c = at.apply(rate);
				int stars = rs.getInt("rating");
				c.add(Measure.RATED, 1);
				c.add(Measure.RATING_SUM, stars);
				if (stars >= 4) {
					c.add(Measure.RATED_GOOD, 1);
				}
			}
			return null;
		}).list();
		return result;
	}

	private Map<String, Long> directAlerts() {
		Map<String, Long> result = new TreeMap<>();
		jdbc.sql("""
				SELECT CASE WHEN overdue THEN 'OVERDUE' ELSE 'DUE_SOON' END, COUNT(*) FROM cases_case
				WHERE status IN ('DISPATCHED', 'RETURNED', 'IN_PROGRESS', 'REWORK') AND (overdue OR due_soon)
				GROUP BY CASE WHEN overdue THEN 'OVERDUE' ELSE 'DUE_SOON' END""")
			.query((rs, n) -> result.put(rs.getString(1), rs.getLong(2)))
			.list();
		return result;
	}

	private Map<String, Long> alerts() {
		Map<String, Long> result = new TreeMap<>();
		jdbc.sql("SELECT alert, COUNT(*) FROM insight_case WHERE alert IS NOT NULL GROUP BY alert")
			.query((rs, n) -> result.put(rs.getString(1), rs.getLong(2)))
			.list();
		return result;
	}

	private Map<FactKey, Counters> factRows() {
		Map<FactKey, Counters> result = new TreeMap<>();
		jdbc.sql("SELECT fact_day, grid_code, community_code, category_code, department_code, source, "
				+ String.join(", ", Measure.columns()) + " FROM insight_fact").query((rs, n) -> {
					Counters c = InsightStore.mapCounters(rs, 7);
					if (!c.isZero()) {
						result.put(new FactKey(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
								rs.getString(4), rs.getString(5), rs.getString(6)), c);
					}
					return null;
				}).list();
		return result;
	}

	private Map<String, Counters> rollupRows() {
		Map<String, Counters> result = new TreeMap<>();
		jdbc.sql("SELECT granularity, region_code, period_start, " + String.join(", ", Measure.columns())
				+ " FROM insight_rollup").query((rs, n) -> {
					Counters c = InsightStore.mapCounters(rs, 4);
					if (!c.isZero()) {
						result.put(rs.getString(1) + rs.getString(2) + rs.getObject(3, LocalDate.class), c);
					}
					return null;
				}).list();
		return result;
	}

	private void awaitEventsDelivered() {
		awaitTrue(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single() == 0);
	}

	private static void awaitTrue(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within 30 s");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}
}
