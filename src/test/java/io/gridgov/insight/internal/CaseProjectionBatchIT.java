package io.gridgov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;

import io.gridgov.cases.Assignee;
import io.gridgov.cases.CaseAccepted;
import io.gridgov.cases.CaseClosed;
import io.gridgov.cases.CaseDispatched;
import io.gridgov.cases.CaseEvent;
import io.gridgov.cases.CaseHandled;
import io.gridgov.cases.CaseRated;
import io.gridgov.cases.CaseReported;
import io.gridgov.cases.CaseSource;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.support.IntegrationTest;

/**
 * The projection folds events delivered at the same time together (several per transaction): each
 * event still counts exactly once, whatever thread's transaction carried it, when it is delivered
 * twice, and in any order. The events are of cases on a day of their own (2031), removed afterwards.
 */
class CaseProjectionBatchIT extends IntegrationTest {

	private static final LocalDate DAY = LocalDate.of(2031, 5, 4);
	private static final String GRID = "440704003001001";

	@Autowired
	CaseProjection projection;

	@Autowired
	ProjectionWork work;

	@Test
	void eventsDeliveredConcurrentlyAndTwiceAreFoldedInExactlyOnce() throws Exception {
		Instant t0 = DAY.atTime(9, 0).atZone(Contributions.ZONE).toInstant();
		List<CaseEvent> events = new ArrayList<>();
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			RegionCode grid = RegionCode.of(GRID);
			String category = "EXPOSED_GARBAGE";
			Instant at = t0.plusSeconds(60L * i);
			events.add(new CaseReported(id, grid, category, at, CaseSource.HOTLINE));
			events.add(new CaseAccepted(id, grid, category, at.plusSeconds(300), i % 2 == 0, Duration.ofSeconds(300)));
			events.add(new CaseDispatched(id, grid, category, at.plusSeconds(600), Assignee.department("URBAN_MGMT"),
					at.plusSeconds(86_400), false));
			events.add(new CaseHandled(id, grid, category, at.plusSeconds(4_000), Assignee.department("URBAN_MGMT"),
					true, Duration.ofSeconds(3_400), false));
			events.add(new CaseClosed(id, grid, category, at.plusSeconds(7_000), CaseSource.HOTLINE, i % 2 == 0, true,
					true, 0, Duration.ofSeconds(300), Duration.ofSeconds(3_400), false, false));
			events.add(new CaseRated(id, grid, category, at.plusSeconds(7_100), 1 + i % 5));
		}
		// what the read models must hold: each case's events folded in once, in order
		Map<FactKey, Counters> expected = new TreeMap<>();
		for (UUID id : ids) {
			CaseFacts f = new CaseFacts(id);
			for (CaseEvent e : events) {
				if (e.caseId().equals(id)) {
					f = CaseFold.apply(f, e);
				}
			}
			Contributions.of(f).forEach((k, v) -> expected.computeIfAbsent(k, x -> new Counters()).add(v, 1));
		}
		// every event twice, shuffled, delivered by 16 threads at once
		List<CaseEvent> deliveries = new ArrayList<>(events);
		deliveries.addAll(events);
		Collections.shuffle(deliveries, new java.util.Random(7));
		// the listener itself, not its asynchronous proxy: each call returns once its event is committed
		CaseProjection listener = AopTestUtils.getUltimateTargetObject(projection);
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (CaseEvent e : deliveries) {
				done.add(threads.submit(() -> listener.on(e)));
			}
			for (Future<?> f : done) {
				f.get();
			}
			assertThat(facts()).isEqualTo(expected);
			Counters day = new Counters();
			expected.values().forEach(c -> day.add(c, 1));
			for (String region : List.of(GRID, "440704003001", "440704000000", "000000000000")) {
				assertThat(rollup("D", region, DAY)).as(region).isEqualTo(day);
				assertThat(rollup("M", region, DAY.withDayOfMonth(1))).as(region).isEqualTo(day);
			}
			assertThat(rollup("Y", GRID, DAY.withDayOfYear(1))).isEqualTo(day);
			for (String region : List.of("440704003001", "440704000000", "000000000000")) {
				assertThat(slice("D", region, "CATEGORY", "EXPOSED_GARBAGE", DAY)).as(region).isEqualTo(day);
				assertThat(slice("M", region, "SOURCE", "HOTLINE", DAY.withDayOfMonth(1))).as(region).isEqualTo(day);
				assertThat(slice("M", region, "DEPARTMENT", "URBAN_MGMT", DAY.withDayOfMonth(1))).as(region).isEqualTo(day);
			}
		}
		finally {
			threads.shutdownNow();
			jdbc.sql("DELETE FROM insight_case WHERE case_id IN (:ids)").param("ids", ids).update();
			jdbc.sql("DELETE FROM insight_fact WHERE fact_day = :day").param("day", DAY).update();
			jdbc.sql("DELETE FROM insight_rollup WHERE period_start = :day OR period_start = :month")
				.param("day", DAY)
				.param("month", DAY.withDayOfMonth(1))
				.update();
			jdbc.sql("DELETE FROM insight_rollup WHERE granularity = 'Y' AND period_start = :year")
				.param("year", DAY.withDayOfYear(1))
				.update();
			jdbc.sql("DELETE FROM insight_slice_rollup WHERE period_start = :day OR period_start = :month")
				.param("day", DAY)
				.param("month", DAY.withDayOfMonth(1))
				.update();
		}
	}

	@Test
	void deliveriesQueuedDuringATurnShareOneTransactionAndTheOthersOpenNone() throws Exception {
		Instant t0 = DAY.atTime(10, 0).atZone(Contributions.ZONE).toInstant();
		List<UUID> ids = new ArrayList<>();
		CaseProjection listener = AopTestUtils.getUltimateTargetObject(projection);
		ExecutorService threads = Executors.newFixedThreadPool(12);
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try {
			// another turn (say, a rebuild) holds the projection while ten deliveries arrive
			Future<?> holder = threads.submit(() -> work.exclusively("hold the turn", () -> {
				held.countDown();
				try {
					release.await();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				return null;
			}));
			held.await();
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				UUID id = UUID.randomUUID();
				ids.add(id);
				CaseEvent e = new CaseReported(id, RegionCode.of(GRID), "EXPOSED_GARBAGE", t0.plusSeconds(i),
						CaseSource.HOTLINE);
				done.add(threads.submit(() -> listener.on(e)));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> listener.queued() == 10);
			long before = work.transactionsOpened();
			release.countDown();
			holder.get();
			for (Future<?> f : done) {
				f.get();
			}
			// the first delivery to get the turn folds all ten; the other nine find theirs done
			assertThat(work.transactionsOpened() - before).isEqualTo(1);
			assertThat(rollup("D", GRID, DAY).get(Measure.REPORTED)).isEqualTo(10);
		}
		finally {
			release.countDown();
			threads.shutdownNow();
			jdbc.sql("DELETE FROM insight_case WHERE case_id IN (:ids)").param("ids", ids).update();
			jdbc.sql("DELETE FROM insight_fact WHERE fact_day = :day").param("day", DAY).update();
			jdbc.sql("DELETE FROM insight_rollup WHERE period_start = :day OR period_start = :month")
				.param("day", DAY)
				.param("month", DAY.withDayOfMonth(1))
				.update();
		}
	}

	/** The day's fact rows that count anything (a case moving to its department leaves a row of zeros). */
	private Map<FactKey, Counters> facts() {
		Map<FactKey, Counters> result = new TreeMap<>();
		jdbc.sql("SELECT fact_day, grid_code, community_code, category_code, department_code, source, "
				+ String.join(", ", Measure.columns()) + " FROM insight_fact WHERE fact_day = :day")
			.param("day", DAY)
			.query((rs, n) -> {
				Counters c = InsightStore.mapCounters(rs, 7);
				if (!c.isZero()) {
					result.put(new FactKey(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
							rs.getString(4), rs.getString(5), rs.getString(6)), c);
				}
				return null;
			})
			.list();
		return result;
	}

	private Counters slice(String granularity, String region, String kind, String value, LocalDate start) {
		return jdbc.sql("SELECT " + String.join(", ", Measure.columns()) + " FROM insight_slice_rollup WHERE granularity = :g "
				+ "AND region_code = :r AND slice_kind = :k AND slice_value = :v AND period_start = :p")
			.param("g", granularity)
			.param("r", region)
			.param("k", kind)
			.param("v", value)
			.param("p", start)
			.query((rs, n) -> InsightStore.mapCounters(rs, 1))
			.optional()
			.orElseGet(Counters::new);
	}

	private Counters rollup(String granularity, String region, LocalDate start) {
		return jdbc.sql("SELECT " + String.join(", ", Measure.columns())
				+ " FROM insight_rollup WHERE granularity = :g AND region_code = :r AND period_start = :p")
			.param("g", granularity)
			.param("r", region)
			.param("p", start)
			.query((rs, n) -> InsightStore.mapCounters(rs, 1))
			.optional()
			.orElseGet(Counters::new);
	}
}
