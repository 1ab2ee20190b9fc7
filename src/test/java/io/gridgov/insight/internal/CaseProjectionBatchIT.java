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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
 * The projection folds the events waiting in its inbox together (several per transaction, ADR 0031):
 * each event still counts exactly once, whatever transaction carried it, when it is published twice,
 * and in any order; an event is kept only if its publisher commits; one that cannot be folded is set
 * aside without holding up the others. The events are of cases on a day of their own (2031), removed afterwards.
 */
class CaseProjectionBatchIT extends IntegrationTest {

	private static final LocalDate DAY = LocalDate.of(2031, 5, 4);
	private static final String GRID = "440704003001001";

	@Autowired
	InsightInbox inbox;

	@Autowired
	InboxDrain drain;

	@Autowired
	PlatformTransactionManager transactions;

	TransactionTemplate tx;

	@BeforeEach
	void transactions() {
		tx = new TransactionTemplate(transactions);
	}

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
		// each kept in the inbox by its own transaction, 16 at once; the drain folds them as they come
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (CaseEvent e : deliveries) {
				done.add(threads.submit(() -> tx.executeWithoutResult(s -> inbox.on(e))));
			}
			for (Future<?> f : done) {
				f.get();
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> !inbox.hasWork());
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
			cleanUp(ids);
		}
	}

	@Test
	void eventsWaitingInTheInboxAreFoldedInOneTransaction() throws Exception {
		Instant t0 = DAY.atTime(10, 0).atZone(Contributions.ZONE).toInstant();
		List<UUID> ids = new ArrayList<>();
		// the drain of this instance stands still, so that this test alone folds
		drain.stop();
		try {
			for (int i = 0; i < 10; i++) {
				UUID id = UUID.randomUUID();
				ids.add(id);
				CaseEvent e = new CaseReported(id, RegionCode.of(GRID), "EXPOSED_GARBAGE", t0.plusSeconds(i),
						CaseSource.HOTLINE);
				tx.executeWithoutResult(s -> inbox.on(e));
			}
			long before = work.transactionsOpened();
			// (events of other tests' cases may wait too, and are folded with them)
			assertThat(drain.foldWaiting()).isGreaterThanOrEqualTo(10);
			assertThat(work.transactionsOpened() - before).isEqualTo(1);
			assertThat(rollup("D", GRID, DAY).get(Measure.REPORTED)).isEqualTo(10);
			assertThat(inbox.hasWork()).isFalse();
		}
		finally {
			drain.start();
			cleanUp(ids);
		}
	}

	@Test
	void anEventIsKeptOnlyWhenThePublishersTransactionCommits() {
		UUID id = UUID.randomUUID();
		long before = inboxRows();
		tx.executeWithoutResult(s -> {
			inbox.on(new CaseReported(id, RegionCode.of(GRID), "EXPOSED_GARBAGE",
					DAY.atTime(11, 0).atZone(Contributions.ZONE).toInstant(), CaseSource.HOTLINE));
			s.setRollbackOnly();
		});
		assertThat(inboxRows()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM insight_case WHERE case_id = :id").param("id", id).query(Long.class)
			.single()).isZero();
	}

	@Test
	void anEventThatCannotBeFoldedIsSetAsideAndTheEventsBehindItAreFolded() {
		UUID id = UUID.randomUUID();
		drain.stop();
		try {
			jdbc.sql("INSERT INTO insight_inbox (event_type, payload, received_at) VALUES (:type, '{not json', :at)")
				.param("type", CaseReported.class.getName())
				.param("at", java.sql.Timestamp.from(Instant.now()))
				.update();
			tx.executeWithoutResult(s -> inbox.on(new CaseReported(id, RegionCode.of(GRID), "EXPOSED_GARBAGE",
					DAY.atTime(12, 0).atZone(Contributions.ZONE).toInstant(), CaseSource.HOTLINE)));
			drain.foldWaiting();
			assertThat(inbox.hasWork()).isFalse();
			assertThat(jdbc.sql("SELECT failure FROM insight_inbox WHERE failed_at IS NOT NULL AND payload = '{not json'")
				.query(String.class)
				.single()).contains(CaseReported.class.getName());
			assertThat(jdbc.sql("SELECT COUNT(*) FROM insight_case WHERE case_id = :id").param("id", id)
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		finally {
			drain.start();
			jdbc.sql("DELETE FROM insight_inbox WHERE payload = '{not json'").update();
			cleanUp(List.of(id));
		}
	}

	private long inboxRows() {
		return jdbc.sql("SELECT COUNT(*) FROM insight_inbox").query(Long.class).single();
	}

	private void cleanUp(List<UUID> ids) {
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
