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
import io.gridgov.support.TestDatabase;
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

	@Autowired
	InsightReads reads;

	/**
	 * ADR 0035: the roll-ups' storage settings are PostgreSQL's own (db/vendor/postgresql); on H2 the
	 * same schema is migrated without them, and the migration is not recorded there.
	 */
	@Test
	void onPostgreSQLTheRollupsAreVacuumedWithTheirIndexesCleanedAndOnH2TheMigrationIsNotApplied() {
		long applied = jdbc.sql("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '20261205.0100' AND \"success\"")
			.query(Long.class)
			.single();
		if (TestDatabase.postgres()) {
			assertThat(applied).isEqualTo(1);
			for (String table : List.of("insight_rollup", "insight_alert_count")) {
				List<String> options = jdbc.sql("SELECT unnest(reloptions) FROM pg_class WHERE relname = ?")
					.param(table)
					.query(String.class)
					.list();
				assertThat(options).as(table).contains("vacuum_index_cleanup=on", "autovacuum_vacuum_scale_factor=0.02");
			}
		}
		else {
			assertThat(applied).isZero();
		}
	}

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
		reportOutsideEveryGrid();
		// the live cases of the demo reached the read models through their events, the history through
		// the start-up replay: both must equal the computation over the cases tables. Other tests and the
		// deadline watcher (in the background) change cases at any moment, so the comparison is made once
		// every event is delivered, and again until the read models have caught up with the latest change
		awaitReadModelsCaughtUp();
		assertThat(factRows()).isEqualTo(directComputation());
		assertThat(alerts()).isEqualTo(directAlerts());
		assertThat(sliceRows()).isEqualTo(directSlices(directComputation()));
		assertThat(alertCountRows()).isEqualTo(directAlertCounts());
		// the rebuild gives back exactly the rows it replaced — as long as no case changed meanwhile (the
		// deadline watcher may mark one overdue during the rebuild): then the comparison is made again
		boolean compared = false;
		for (int attempt = 0; attempt < 5 && !compared; attempt++) {
			awaitReadModelsCaughtUp();
			Map<FactKey, Counters> directBefore = directComputation();
			Map<String, Long> directAlertCountsBefore = directAlertCounts();
			Map<FactKey, Counters> before = factRows();
			Map<String, Counters> rollupsBefore = rollupRows();
			Map<String, Counters> slicesBefore = sliceRows();
			Map<String, Long> alertCountsBefore = alertCountRows();

			InsightRebuild.Result result = rebuild.rebuild();
			if (!directComputation().equals(directBefore) || !directAlertCounts().equals(directAlertCountsBefore)) {
				continue;
			}
			assertThat(result.cases()).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single());
			assertThat(factRows()).isEqualTo(before);
			assertThat(rollupRows()).isEqualTo(rollupsBefore);
			assertThat(sliceRows()).isEqualTo(slicesBefore);
			assertThat(alertCountRows()).isEqualTo(alertCountsBefore);
			compared = true;
		}
		assertThat(compared).as("a rebuild during which no case changed").isTrue();
		awaitReadModelsCaughtUp();
		assertThat(factRows()).isEqualTo(directComputation());
		assertThat(alerts()).isEqualTo(directAlerts());
		assertThat(sliceRows()).isEqualTo(directSlices(directComputation()));
		assertThat(alertCountRows()).isEqualTo(directAlertCounts());
	}

	@Test
	void slicedRollUpsAlertCountsAndRolledUpCaseTotalsEqualTheDailyFactsAndTheCases() {
		reportOutsideEveryGrid();
		awaitReadModelsCaughtUp();
		List<String> category = List.of(jdbc.sql("SELECT MIN(category_code) FROM insight_fact").query(String.class).single());
		String department = jdbc.sql("SELECT MAX(department_code) FROM insight_fact").query(String.class).single();
		int rolledUp = 0;
		for (String region : List.of(WaihaiDemo.WAIHAI.value(), GRID.substring(0, 12), GRID)) {
			for (LocalDate[] period : List.of(new LocalDate[] { LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31") },
					new LocalDate[] { LocalDate.parse("2024-03-05"), LocalDate.parse("2024-07-19") },
					new LocalDate[] { LocalDate.parse("2024-02-01"), LocalDate.parse("2024-02-29") },
					new LocalDate[] { LocalDate.now(Contributions.ZONE).withDayOfMonth(1), LocalDate.now(Contributions.ZONE) },
					new LocalDate[] { LocalDate.parse("2020-01-01"), LocalDate.now(Contributions.ZONE) })) {
				String like = RegionCode.of(region).likePattern();
				InsightReads.Filter all = new InsightReads.Filter(period[0], period[1], region, like, null, null, null);
				List<InsightReads.Filter> filters = List.of(all,
						new InsightReads.Filter(period[0], period[1], region, like, category, null, null),
						new InsightReads.Filter(period[0], period[1], region, like, null, department, null),
						new InsightReads.Filter(period[0], period[1], region, like, null, null, "HOTLINE"),
						new InsightReads.Filter(period[0], period[1], region, like, category, null, "HOTLINE"));
				String at = region + " " + period[0] + ".." + period[1];
				// a period to today is also read from the current month's and year's rows (nothing is dated later)
				InsightReads.Filter toItsEnd = all.spanningToItsEnd();
				for (InsightReads.Dimension d : InsightReads.Dimension.values()) {
					assertThat(nonZero(reads.by(d, all))).as(at + " by " + d).isEqualTo(regionRowsOnly(d, factsBy(d.column, all)));
					if (period[1].equals(LocalDate.now(Contributions.ZONE))) {
						assertThat(nonZero(reads.by(d, toItsEnd))).as(at + " by " + d + " read to the period's end")
							.isEqualTo(regionRowsOnly(d, factsBy(d.column, all)));
						assertThat(reads.sum(toItsEnd)).as(at + " read to the period's end")
							.isEqualTo(factsBy("''", all).getOrDefault("", new Counters()));
					}
					assertThat(asLists(reads.alerts(d, all))).as(at + " alerts by " + d)
						.isEqualTo(regionRowsOnly(d, caseAlerts(d.column, all)));
				}
				for (InsightReads.Filter f : filters) {
					String what = at + " " + f.categories() + " " + f.department() + " " + f.source();
					assertThat(reads.sum(f)).as(what).isEqualTo(factsBy("''", f).getOrDefault("", new Counters()));
					Map<LocalDate, Counters> days = new TreeMap<>();
					factsBy("fact_day", f).forEach((k, v) -> days.put(LocalDate.parse(k), v));
					assertThat(nonZero(reads.byDay(f))).as(what).isEqualTo(days);
					assertThat(asLists(reads.alerts(null, f))).as(what).isEqualTo(caseAlerts("''", f));
					for (InsightReads.CountedBy c : InsightReads.CountedBy.values()) {
						Long total = reads.rolledUpTotal(c, f);
						if (total != null) {
							rolledUp++;
							assertThat(total).as(what + " " + c).isEqualTo(reads.count(c, f));
						}
					}
				}
			}
		}
		// the roll-ups answered most totals, not only the fallbacks
		assertThat(rolledUp).isGreaterThan(3 * 3 * 2 * 10);
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
		ApiClient leader = signedIn("leader");
		ApiClient command = signedIn("command");
		// a case of its own, reported and accepted today, so that today's figures of its community are
		// not zero whatever the other tests and the demo did
		Point p = grids.find(RegionCode.of(GRID)).orElseThrow().interiorPoint();
		JsonNode created = command.post("/api/cases", Map.of("source", "HOTLINE", "categoryCode", "EXPOSED_GARBAGE",
				"description", "路边垃圾堆放（洞察模块下钻测试）", "longitude", p.getX(), "latitude", p.getY()))
			.expectStatus(201)
			.json();
		String id = created.path("id").asString();
		command.post("/api/cases/" + id + "/actions/accept", Map.of("version", created.path("version").asLong()))
			.expectStatus(200);
		awaitEventsDelivered();
		String community = GRID.substring(0, 12);
		String today = "period=today&region=" + community;
		JsonNode row = null;
		for (JsonNode r : leader.get("/api/insight/breakdown?by=community&" + today).expectStatus(200).json().path("rows")) {
			if (community.equals(r.path("key").asString())) {
				row = r;
			}
		}
		assertThat(row).as("today's row of the community").isNotNull();
		assertThat(row.path("name").asString()).isNotBlank();
		assertThat(row.path("indicators").path("reported").asLong()).isPositive();
		assertThat(row.path("indicators").path("accepted").asLong()).isPositive();
		for (String indicator : List.of("reported", "accepted", "closed", "handledOnTime", "returned", "reworked")) {
			JsonNode cases = leader.get("/api/insight/cases?indicator=" + indicator + "&" + today + "&size=100")
				.expectStatus(200)
				.json();
			assertThat(cases.path("page").path("total").asLong()).as(indicator)
				.isEqualTo(row.path("indicators").path(indicator).asLong());
			if (indicator.equals("reported") || indicator.equals("accepted")) {
				assertThat(cases.path("page").path("items").toString()).as(indicator).contains(id);
			}
		}

		// a closed case of the history links to a case that is closed
		JsonNode busiest = null;
		for (JsonNode r : leader.get("/api/insight/breakdown?by=community&" + ARTICLE).expectStatus(200).json().path("rows")) {
			if (busiest == null
					|| r.path("indicators").path("closed").asLong() > busiest.path("indicators").path("closed").asLong()) {
				busiest = r;
			}
		}
		assertThat(busiest).isNotNull();
		String region = busiest.path("key").asString();
		JsonNode closed = leader.get("/api/insight/cases?indicator=closed&region=" + region + "&" + ARTICLE + "&size=3")
			.expectStatus(200)
			.json();
		assertThat(closed.path("page").path("total").asLong()).isEqualTo(busiest.path("indicators").path("closed").asLong())
			.isPositive();
		// the newest closed cases of the community's grids, in order (read through the community's index)
		assertThat(closed.path("page").path("items").findValuesAsString("caseId"))
			.isEqualTo(jdbc.sql("SELECT CAST(case_id AS VARCHAR(36)) FROM insight_case WHERE grid_code LIKE ? AND closed_at >= ? "
					+ "AND closed_at < ? AND category_code IS NOT NULL ORDER BY closed_at DESC, case_id LIMIT 3")
				.params(region + "%", java.sql.Timestamp.from(LocalDate.parse("2024-01-01").atStartOfDay(Contributions.ZONE).toInstant()),
						java.sql.Timestamp.from(LocalDate.parse("2025-01-01").atStartOfDay(Contributions.ZONE).toInstant()))
				.query(String.class)
				.list());
		String caseId = closed.path("page").path("items").get(0).path("caseId").asString();
		JsonNode closedCase = leader.get("/api/cases/" + caseId).expectStatus(200).json();
		assertThat(closedCase.path("status").asString()).isEqualTo("CLOSED");
		String gridCode = closed.path("page").path("items").get(0).path("gridCode").asString();
		assertThat(closed.path("page").path("items").get(0).path("gridName").asString()).as("each case names its grid")
			.isEqualTo(jdbc.sql("SELECT name FROM geo_region WHERE code = ?").param(gridCode).query(String.class).single());

		// the deadline watcher may mark a case between two reads: the two figures agree once caught up
		awaitTrue(() -> {
			awaitEventsDelivered();
			long overdue = leader.get("/api/insight/summary?" + ARTICLE).expectStatus(200).json().path("indicators")
				.path("overdueNow").asLong();
			return leader.get("/api/insight/cases?indicator=overdueNow").expectStatus(200).json().path("page")
				.path("total").asLong() == overdue;
		});
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
	void aBreakdownPageHoldsTheRowsOfItsPlaceInTheRequestedOrderAndTheTotalCountsEveryRow() {
		ApiClient leader = signedIn("leader");
		JsonNode all = leader.get("/api/insight/breakdown?by=grid&" + ARTICLE).expectStatus(200).json();
		List<JsonNode> rows = new ArrayList<>();
		all.path("rows").forEach(rows::add);
		assertThat(rows).hasSizeGreaterThan(30);
		assertThat(all.path("total").asLong()).isEqualTo(rows.size());
		assertThat(all.path("page").isNull()).as("no page asked: every row").isTrue();
		assertThat(rows.stream().map(r -> r.path("key").asString()).toList()).as("by key by default").isSorted();
		// a row per grid with a roll-up row in the year or a case with an alert now, once each (a paged
		// order ranks the rows as they are read and then the alerts' grids without a row, ADR 0035)
		List<String> withFigures = jdbc.sql("""
				SELECT region_code FROM insight_rollup WHERE region_level = 'GRID' AND granularity = 'Y' AND period_start = ?
				UNION SELECT region_code FROM insight_alert_count WHERE region_level = 'GRID' AND slice_kind = 'ALL' AND cases <> 0
				ORDER BY 1""").param(LocalDate.of(2024, 1, 1)).query(String.class).list();
		assertThat(rows.stream().map(r -> r.path("key").asString()).toList()).as("each grid once")
			.containsExactlyElementsOf(withFigures);

		// a page in code order (the statistics table's default): the same rows, figures and total as the
		// unpaged answer, either way round, and past the end nothing but the total
		for (String by : List.of("grid", "community")) {
			List<JsonNode> unpaged = new ArrayList<>();
			leader.get("/api/insight/breakdown?by=" + by + "&" + ARTICLE).expectStatus(200).json().path("rows").forEach(unpaged::add);
			assertThat(unpaged).as(by).hasSizeGreaterThan(8);
			for (String order : List.of("asc", "desc")) {
				List<JsonNode> ordered = new ArrayList<>(unpaged);
				if (order.equals("desc")) {
					java.util.Collections.reverse(ordered);
				}
				JsonNode page = leader.get("/api/insight/breakdown?by=" + by + "&sort=key&order=" + order + "&page=1&size=4&" + ARTICLE)
					.expectStatus(200)
					.json();
				assertThat(page.path("total").asLong()).as(by + " " + order + " total").isEqualTo(unpaged.size());
				assertThat(page.path("rows").valueStream().toList()).as(by + " " + order + " page 1 of 4")
					.containsExactlyElementsOf(ordered.subList(4, 8));
			}
			JsonNode beyond = leader.get("/api/insight/breakdown?by=" + by + "&page=1000&size=50&" + ARTICLE).expectStatus(200).json();
			assertThat(beyond.path("rows").size()).isZero();
			assertThat(beyond.path("total").asLong()).as(by + " total past the end").isEqualTo(unpaged.size());
		}

		// the expected order, computed here: closure rate high to low, rows without a rate last, then more
		// cases reported, then by key
		List<JsonNode> expected = new ArrayList<>(rows);
		expected.sort(java.util.Comparator
			.comparing((JsonNode r) -> r.path("indicators").path("closureRate").isNull() ? null
					: r.path("indicators").path("closureRate").asDouble(),
					java.util.Comparator.nullsLast(java.util.Comparator.<Double>reverseOrder()))
			.thenComparing(r -> -r.path("indicators").path("reported").asLong())
			.thenComparing(r -> r.path("key").asString()));
		JsonNode second = leader.get("/api/insight/breakdown?by=grid&sort=closureRate&page=1&size=10&" + ARTICLE)
			.expectStatus(200)
			.json();
		assertThat(second.path("total").asLong()).isEqualTo(rows.size());
		assertThat(second.path("page").asInt()).isEqualTo(1);
		assertThat(second.path("order").asString()).isEqualTo("desc");
		assertThat(second.path("rows").findValuesAsString("key"))
			.containsExactlyElementsOf(expected.subList(10, 20).stream().map(r -> r.path("key").asString()).toList());
		assertThat(second.path("rows").get(0).path("name").asString()).as("names for the page's rows")
			.isEqualTo(expected.get(10).path("name").asString())
			.isNotEqualTo(expected.get(10).path("key").asString());
		assertThat(second.path("rows").get(0).path("indicators")).isEqualTo(expected.get(10).path("indicators"));

		// every indicator sorts the same way, its page read with only the counters it needs and then
		// every counter for the page's rows
		List<String> indicators = new ArrayList<>();
		rows.get(0).path("indicators").propertyNames().forEach(indicators::add);
		assertThat(indicators).hasSizeGreaterThan(20);
		for (String indicator : indicators) {
			List<JsonNode> sorted = new ArrayList<>(rows);
			sorted.sort(java.util.Comparator
				.comparing((JsonNode r) -> r.path("indicators").path(indicator).isNull() ? null
						: r.path("indicators").path(indicator).asDouble(),
						java.util.Comparator.nullsLast(java.util.Comparator.<Double>reverseOrder()))
				.thenComparing(r -> -r.path("indicators").path("reported").asLong())
				.thenComparing(r -> r.path("key").asString()));
			JsonNode page = leader.get("/api/insight/breakdown?by=grid&sort=" + indicator + "&page=1&size=7&" + ARTICLE)
				.expectStatus(200)
				.json();
			assertThat(page.path("total").asLong()).as("total sorted by " + indicator).isEqualTo(withFigures.size());
			List<JsonNode> expectedPage = sorted.subList(7, 14);
			assertThat(page.path("rows").findValuesAsString("key")).as("sorted by " + indicator)
				.containsExactlyElementsOf(expectedPage.stream().map(r -> r.path("key").asString()).toList());
			for (int i = 0; i < expectedPage.size(); i++) {
				assertThat(page.path("rows").get(i).path("indicators")).as(indicator + " row " + i)
					.isEqualTo(expectedPage.get(i).path("indicators"));
			}
		}

		JsonNode fewest = leader.get("/api/insight/breakdown?by=grid&sort=reported&order=asc&size=3&" + ARTICLE)
			.expectStatus(200)
			.json();
		long least = rows.stream().mapToLong(r -> r.path("indicators").path("reported").asLong()).min().orElseThrow();
		assertThat(fewest.path("rows").get(0).path("indicators").path("reported").asLong()).isEqualTo(least);
		JsonNode beyond = leader.get("/api/insight/breakdown?by=grid&page=50&size=10&" + ARTICLE).expectStatus(200).json();
		assertThat(beyond.path("rows").size()).as("a page past the end is empty, not an error").isZero();
		assertThat(beyond.path("total").asLong()).isEqualTo(rows.size());

		leader.get("/api/insight/breakdown?by=grid&sort=shoeSize").expectProblem(400, "insight.sort-unknown");
		leader.get("/api/insight/breakdown?by=grid&sort=reported&order=up").expectProblem(400, "insight.order-unknown");
		leader.get("/api/insight/breakdown?by=grid&size=100000").expectProblem(400, "paging.size-invalid");
	}

	@Test
	void aLargeAnswerTravelsGzipCompressedToAClientThatAcceptsItAndUnchanged() throws Exception {
		ApiClient leader = signedIn("leader");
		String plain = leader.get("/api/insight/breakdown?by=grid&" + ARTICLE).expectStatus(200).body();
		assertThat(plain.length()).as("an answer above the 2 kB threshold").isGreaterThan(2048);
		java.net.http.HttpResponse<byte[]> gzipped = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
					+ "/api/insight/breakdown?by=grid&" + ARTICLE))
				.header("Cookie", "GRIDGOV_SESSION=" + leader.cookie("GRIDGOV_SESSION").orElseThrow())
				.header("Accept-Encoding", "gzip")
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(gzipped.statusCode()).isEqualTo(200);
		assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
		byte[] body;
		try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
			body = in.readAllBytes();
		}
		assertThat(gzipped.body().length).as("compressed").isLessThan(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 3);
		assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(plain);
	}

	@Test
	void theMapHoldsEachGridsReportedAndOverdueFiguresOfTheBreakdown() {
		awaitEventsDelivered();
		ApiClient leader = signedIn("leader");
		// (a whole month is read as one roll-up row per grid; a filter makes the facts and the cases answer)
		for (String period : List.of(ARTICLE, "period=today", "from=2024-02-01&to=2024-02-29", ARTICLE + "&source=HOTLINE")) {
			Map<String, List<Long>> expected = new TreeMap<>();
			for (JsonNode r : leader.get("/api/insight/breakdown?by=grid&" + period).expectStatus(200).json().path("rows")) {
				List<Long> figures = List.of(r.path("indicators").path("reported").asLong(),
						r.path("indicators").path("overdueNow").asLong());
				// a grid with nothing reported and nothing overdue (only a case due soon, say) is left out of the map
				if (!figures.equals(List.of(0L, 0L))) {
					expected.put(r.path("key").asString(), figures);
				}
			}
			JsonNode map = leader.get("/api/insight/map?" + period).expectStatus(200).json();
			// columns: the grids' codes and, at the same positions, their figures
			int size = map.path("keys").size();
			assertThat(map.path("reported").size()).as(period + ": a figure per code").isEqualTo(size);
			assertThat(map.path("overdueNow").size()).as(period + ": a figure per code").isEqualTo(size);
			Map<String, List<Long>> cells = new java.util.LinkedHashMap<>();
			for (int i = 0; i < size; i++) {
				cells.put(map.path("keys").get(i).asString(),
						List.of(map.path("reported").get(i).asLong(), map.path("overdueNow").get(i).asLong()));
			}
			assertThat(cells).as(period).isEqualTo(expected);
			assertThat(cells.keySet()).as(period + ": one code per grid, in key order")
				.containsExactlyElementsOf(expected.keySet());
		}
		JsonNode community = leader.get("/api/insight/map?region=440704003001&" + ARTICLE).expectStatus(200).json();
		assertThat(community.path("keys").valueStream().map(JsonNode::asString).toList()).isNotEmpty()
			.allMatch(k -> k.startsWith("440704003001"));
		leader.get("/api/insight/map?region=440705003001").expectProblem(404, "record.not-found");
	}

	@Test
	void aPeriodToTodayCountsItsDaysEvenWhenARowIsDatedLater() {
		awaitEventsDelivered();
		ApiClient leader = signedIn("leader");
		LocalDate today = LocalDate.ofInstant(clock.instant(), Contributions.ZONE);
		String region = WaihaiDemo.WAIHAI.value();
		InsightReads.Filter days = new InsightReads.Filter(today.withDayOfYear(1), today, region,
				RegionCode.of(region).likePattern(), null, null, null);
		long reported = reads.sum(days).get(Measure.REPORTED);
		assertThat(leader.get("/api/insight/summary?period=year").expectStatus(200).json().path("indicators")
			.path("reported").asLong()).isEqualTo(reported);

		// a clock set ahead folded a case tomorrow: its count is in tomorrow's month's row (and its day's), not
		// in the days so far, so the period to today must not be read from the month's rows now
		LocalDate tomorrow = today.plusDays(1);
		String level = RegionCode.of(region).level().name();
		boolean monthRow = jdbc.sql("UPDATE insight_rollup SET reported = reported + 1000 WHERE granularity = 'M'"
				+ " AND region_code = ? AND period_start = ?").params(region, tomorrow.withDayOfMonth(1)).update() == 1;
		if (!monthRow) {
			jdbc.sql("INSERT INTO insight_rollup (granularity, region_code, period_start, region_level, reported)"
					+ " VALUES ('M', ?, ?, ?, 1000)").params(region, tomorrow.withDayOfMonth(1), level).update();
		}
		jdbc.sql("INSERT INTO insight_rollup (granularity, region_code, period_start, region_level, reported)"
				+ " VALUES ('D', ?, ?, ?, 1000)").params(region, tomorrow, level).update();
		try {
			assertThat(reads.rowsAfter(today)).as("a row dated after today is found").isTrue();
			assertThat(leader.get("/api/insight/summary?period=year").expectStatus(200).json().path("indicators")
				.path("reported").asLong()).isEqualTo(reported);
			assertThat(leader.get("/api/insight/summary?period=month").expectStatus(200).json().path("indicators")
				.path("reported").asLong()).isEqualTo(reads.sum(new InsightReads.Filter(today.withDayOfMonth(1), today,
						region, RegionCode.of(region).likePattern(), null, null, null)).get(Measure.REPORTED));
		}
		finally {
			jdbc.sql("DELETE FROM insight_rollup WHERE granularity = 'D' AND region_code = ? AND period_start = ?")
				.params(region, tomorrow).update();
			jdbc.sql(monthRow
					? "UPDATE insight_rollup SET reported = reported - 1000 WHERE granularity = 'M' AND region_code = ?"
							+ " AND period_start = ?"
					: "DELETE FROM insight_rollup WHERE granularity = 'M' AND region_code = ? AND period_start = ?")
				.params(region, tomorrow.withDayOfMonth(1))
				.update();
		}
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

	// --- the slice roll-ups and the alert counts, and what they must equal ---

	/** The daily facts of the filter summed per value of {@code column} (test-only SQL), without zero sums. */
	private Map<String, Counters> factsBy(String column, InsightReads.Filter f) {
		Map<String, Object> p = new java.util.LinkedHashMap<>();
		StringBuilder where = new StringBuilder("fact_day BETWEEN :from AND :to AND " + f.regionRange("grid_code", p));
		p.put("from", f.from());
		p.put("to", f.to());
		appendFilters(f, p, where);
		Map<String, Counters> result = new TreeMap<>();
		String groupBy = column.equals("''") ? "" : " GROUP BY " + column;
		jdbc.sql("SELECT " + column + ", " + InsightStore.MEASURE_SUMS + " FROM insight_fact WHERE " + where + groupBy)
			.params(p)
			.query((rs, n) -> {
				Counters c = InsightStore.mapCounters(rs, 2);
				if (!c.isZero()) {
					result.put(rs.getString(1), c);
				}
				return null;
			})
			.list();
		return result;
	}

	/** The open cases overdue / due soon now per value of {@code column}, counted over insight_case. */
	private Map<String, List<Long>> caseAlerts(String column, InsightReads.Filter f) {
		Map<String, Object> p = new java.util.LinkedHashMap<>();
		StringBuilder where = new StringBuilder("alert IS NOT NULL AND " + f.regionRange("grid_code", p));
		appendFilters(f, p, where);
		Map<String, long[]> result = new TreeMap<>();
		String key = column.equals("''") ? "" : column + ", ";
		jdbc.sql("SELECT COALESCE(" + column + ", ''), alert, COUNT(*) FROM insight_case WHERE " + where + " GROUP BY "
				+ key + "alert").params(p).query((rs, n) -> {
					result.computeIfAbsent(rs.getString(1), k -> new long[2])["OVERDUE".equals(rs.getString(2)) ? 0 : 1] += rs
						.getLong(3);
					return null;
				}).list();
		return asLists(result);
	}

	private static void appendFilters(InsightReads.Filter f, Map<String, Object> p, StringBuilder where) {
		if (f.categories() != null) {
			where.append(" AND category_code IN (:categories)");
			p.put("categories", f.categories());
		}
		if (f.department() != null) {
			where.append(" AND department_code = :department");
			p.put("department", f.department());
		}
		if (f.source() != null) {
			where.append(" AND source = :source");
			p.put("source", f.source());
		}
	}

	private static <K> Map<K, Counters> nonZero(Map<K, Counters> map) {
		Map<K, Counters> result = new TreeMap<>(map);
		result.values().removeIf(Counters::isZero);
		return result;
	}

	private static Map<String, List<Long>> asLists(Map<String, long[]> map) {
		Map<String, List<Long>> result = new TreeMap<>();
		map.forEach((k, v) -> result.put(k, List.of(v[0], v[1])));
		return result;
	}

	private Map<String, Counters> sliceRows() {
		Map<String, Counters> result = new TreeMap<>();
		jdbc.sql("SELECT granularity, region_code, slice_kind, slice_value, period_start, region_level, "
				+ String.join(", ", Measure.columns()) + " FROM insight_slice_rollup").query((rs, n) -> {
					Counters c = InsightStore.mapCounters(rs, 7);
					if (!c.isZero()) {
						result.put(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
								rs.getObject(5, LocalDate.class).toString(), rs.getString(6)), c);
					}
					return null;
				}).list();
		return result;
	}

	/** The regions above a grid, COMMUNITY up to the root, with their levels (test-only, from the code's digits). */
	/**
	 * The regions a case's code counts in, COMMUNITY and above: for a grid every rung; for a case no
	 * grid contains (its code is its community's or subdistrict's) only the rungs from its own level up.
	 */
	private static List<String[]> regionsAbove(String grid) {
		io.gridgov.platform.scope.RegionLevel level = RegionCode.of(grid).level();
		return List.of(new String[] { grid.substring(0, 12), "COMMUNITY" },
				new String[] { grid.substring(0, 9) + "000", "SUBDISTRICT" },
				new String[] { grid.substring(0, 6) + "000000", "DISTRICT" },
				new String[] { grid.substring(0, 4) + "00000000", "CITY" },
				new String[] { grid.substring(0, 2) + "0000000000", "PROVINCE" },
				new String[] { "000000000000", "COUNTRY" })
			.stream()
			.filter(r -> io.gridgov.platform.scope.RegionLevel.valueOf(r[1]).ordinal() <= level.ordinal())
			.toList();
	}

	/** A case that no grid contains (a point beyond Waihai's grids), whose facts carry a wider region's code. */
	private void reportOutsideEveryGrid() {
		signedIn("command").post("/api/cases", Map.of("source", "HOTLINE", "categoryCode", "EXPOSED_GARBAGE",
				"description", "江边垃圾（洞察：网格之外的点）", "longitude", 113.20, "latitude", 22.40))
			.expectStatus(201);
	}

	/**
	 * A breakdown by community or grid lists communities or grids: a case that no grid contains counts in
	 * its region's total, not in a community's or grid's row (its facts carry no community, or the code
	 * of a wider region in place of a grid's).
	 */
	private static <V> Map<String, V> regionRowsOnly(InsightReads.Dimension d, Map<String, V> rows) {
		Map<String, V> result = new TreeMap<>(rows);
		if (d == InsightReads.Dimension.COMMUNITY) {
			result.keySet().removeIf(k -> k.isEmpty() || RegionCode.of(k).level() != io.gridgov.platform.scope.RegionLevel.COMMUNITY);
		}
		else if (d == InsightReads.Dimension.GRID) {
			result.keySet().removeIf(k -> k.isEmpty() || RegionCode.of(k).level() != io.gridgov.platform.scope.RegionLevel.GRID);
		}
		return result;
	}

	/** The slice roll-ups the direct computation's facts give: each fact in its region's day and month, COMMUNITY and above. */
	private static Map<String, Counters> directSlices(Map<FactKey, Counters> facts) {
		Map<String, Counters> result = new TreeMap<>();
		facts.forEach((k, v) -> {
			for (String[] r : regionsAbove(k.gridCode())) {
				for (String[] slice : List.of(new String[] { "CATEGORY", k.categoryCode() },
						new String[] { "DEPARTMENT", k.departmentCode() }, new String[] { "SOURCE", k.source() })) {
					for (String[] period : List.of(new String[] { "D", k.day().toString() },
							new String[] { "M", k.day().withDayOfMonth(1).toString() })) {
						result.computeIfAbsent(String.join("|", period[0], r[0], slice[0], slice[1], period[1], r[1]),
								x -> new Counters()).add(v, 1);
					}
				}
			}
		});
		result.values().removeIf(Counters::isZero);
		return result;
	}

	private Map<String, Long> alertCountRows() {
		Map<String, Long> result = new TreeMap<>();
		jdbc.sql("SELECT region_code, slice_kind, slice_value, alert, region_level, cases FROM insight_alert_count")
			.query((rs, n) -> {
				if (rs.getLong(6) != 0) {
					result.put(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5)), rs.getLong(6));
				}
				return null;
			})
			.list();
		return result;
	}

	/** The alert counts straight from the cases table: each open overdue / due-soon case in its regions and slices. */
	private Map<String, Long> directAlertCounts() {
		Map<String, Long> result = new TreeMap<>();
		jdbc.sql("SELECT grid_code, category_code, source, assignee_kind, assignee_id, "
				+ "CASE WHEN overdue THEN 'OVERDUE' ELSE 'DUE_SOON' END FROM cases_case "
				+ "WHERE status IN ('DISPATCHED', 'RETURNED', 'IN_PROGRESS', 'REWORK') AND (overdue OR due_soon)")
			.query((rs, n) -> {
				String grid = rs.getString(1);
				String kind = rs.getString(4);
				String department = kind == null ? "" : kind.equals("DEPARTMENT") ? rs.getString(5) : "GRID_WORKER";
				String alert = rs.getString(6);
				result.merge(String.join("|", grid, "ALL", "", alert, "GRID"), 1L, Long::sum);
				for (String[] r : regionsAbove(grid)) {
					result.merge(String.join("|", r[0], "ALL", "", alert, r[1]), 1L, Long::sum);
					result.merge(String.join("|", r[0], "CATEGORY", rs.getString(2), alert, r[1]), 1L, Long::sum);
					result.merge(String.join("|", r[0], "DEPARTMENT", department, alert, r[1]), 1L, Long::sum);
					result.merge(String.join("|", r[0], "SOURCE", rs.getString(3), alert, r[1]), 1L, Long::sum);
				}
				return null;
			})
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

	/**
	 * Waits until every event is delivered and the read models equal the direct computation (the
	 * assertions that follow show the difference when they never do).
	 */
	private void awaitReadModelsCaughtUp() {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		do {
			awaitEventsDelivered();
			if (factRows().equals(directComputation()) && alerts().equals(directAlerts())
					&& alertCountRows().equals(directAlertCounts())) {
				return;
			}
			sleep(100);
		}
		while (System.nanoTime() < deadline);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	private void awaitEventsDelivered() {
		awaitTrue(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single() == 0);
		// the projection's own inbox (ADR 0031), written with the cases' transactions
		awaitTrue(() -> jdbc.sql("SELECT COUNT(*) FROM insight_inbox WHERE failed_at IS NULL")
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
