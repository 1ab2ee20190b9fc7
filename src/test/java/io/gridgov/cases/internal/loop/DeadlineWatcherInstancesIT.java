package io.gridgov.cases.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

import io.gridgov.cases.CaseOverdue;
import io.gridgov.support.DatabaseAvailableCondition;
import io.gridgov.support.Instances;

/**
 * Two application instances on one database run the deadline watcher at the same time: each
 * overdue case is escalated exactly once — one MARK_OVERDUE entry, supervision counted once, one
 * outbox publication and one delivery of its CaseOverdue, one notification. (On H2 the two
 * instances share the in-memory database of this JVM, with the same row locks.)
 */
@ExtendWith(DatabaseAvailableCondition.class)
class DeadlineWatcherInstancesIT {

	static final int CASES = 200;
	static final Map<UUID, AtomicInteger> DELIVERED = new ConcurrentHashMap<>();

	@TestConfiguration(proxyBeanMethods = false)
	static class OverdueProbe {

		@Bean
		OverdueListener overdueListener() {
			return new OverdueListener();
		}
	}

	static class OverdueListener {

		@ApplicationModuleListener
		void on(CaseOverdue event) {
			DELIVERED.computeIfAbsent(event.caseId(), id -> new AtomicInteger()).incrementAndGet();
		}
	}

	@Test
	void twoInstancesEscalateEachOverdueCaseExactlyOnce() throws Exception {
		// small batches so that the two instances interleave and meet on the same rows; the
		// schedulers' own runs are pushed out of the way, the test runs the work itself
		Map<String, String> props = Instances.withKeys(Map.of("gridgov.cases.watcher.interval", "1h",
				"gridgov.cases.watcher.batch-size", "16"));
		try (ConfigurableApplicationContext first = Instances.start("watch", "", props, OverdueProbe.class);
				ConfigurableApplicationContext second = Instances.start("watch", "", props, OverdueProbe.class)) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			List<UUID> ids = OverdueCases.insert(jdbc, CASES, Instant.now());

			CountDownLatch go = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			List<Future<DeadlineWatcher.Run>> runs = new ArrayList<>();
			try {
				for (ConfigurableApplicationContext instance : List.of(first, second)) {
					DeadlineWatcher watcher = instance.getBean(DeadlineWatcher.class);
					runs.add(pool.submit(() -> {
						go.await();
						return watcher.escalateDue();
					}));
				}
				go.countDown();
				int escalated = 0;
				for (Future<DeadlineWatcher.Run> run : runs) {
					DeadlineWatcher.Run r = run.get();
					assertThat(r.failed()).isZero();
					escalated += r.escalated();
				}
				assertThat(escalated).isEqualTo(CASES);
			}
			finally {
				pool.shutdownNow();
			}

			assertThat(perCase(jdbc, "SELECT case_id, COUNT(*) FROM cases_timeline WHERE action = 'MARK_OVERDUE' GROUP BY case_id"))
				.hasSize(CASES)
				.allSatisfy((id, count) -> assertThat(count).as("MARK_OVERDUE of %s", id).isEqualTo(1));
			assertThat(perCase(jdbc, "SELECT case_id, COUNT(*) FROM cases_timeline WHERE action = 'MARK_DUE_SOON' GROUP BY case_id"))
				.hasSize(CASES)
				.allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
			assertThat(perCase(jdbc, "SELECT id, supervision_count FROM cases_case WHERE overdue = TRUE"))
				.containsOnlyKeys(ids)
				.allSatisfy((id, count) -> assertThat(count).as("supervision_count of %s", id).isEqualTo(1));
			assertThat(perCase(jdbc, "SELECT case_id, COUNT(*) FROM cases_notification WHERE kind = 'OVERDUE' GROUP BY case_id"))
				.hasSize(CASES)
				.allSatisfy((id, count) -> assertThat(count).isEqualTo(1));

			// one publication per case and listener (the insight projection keeps its own inbox, ADR 0031)
			Map<String, Integer> published = new HashMap<>();
			Map<UUID, Integer> publishedCases = new HashMap<>();
			Pattern caseId = Pattern.compile("\"caseId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
			for (Map<String, Object> row : jdbc.sql("SELECT listener_id, serialized_event FROM event_publication WHERE event_type LIKE ?")
				.param("%" + CaseOverdue.class.getSimpleName())
				.query()
				.listOfRows()) {
				Matcher m = caseId.matcher(String.valueOf(row.get("serialized_event")));
				assertThat(m.find()).isTrue();
				UUID id = UUID.fromString(m.group(1));
				published.merge(id + " " + row.get("listener_id"), 1, Integer::sum);
				publishedCases.merge(id, 1, Integer::sum);
			}
			assertThat(publishedCases).containsOnlyKeys(ids);
			assertThat(published).allSatisfy((key, count) -> assertThat(count).as("publications of %s", key).isEqualTo(1));
			assertThat(new java.util.HashSet<>(publishedCases.values())).as("listeners per case").hasSize(1);

			awaitTrue(() -> ids.stream().allMatch(DELIVERED::containsKey));
			awaitTrue(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
				.query(Long.class)
				.single() == 0);
			assertThat(ids).allSatisfy(id -> assertThat(DELIVERED.get(id).get()).isEqualTo(1));
		}
	}

	private static Map<UUID, Integer> perCase(JdbcClient jdbc, String sql) {
		Map<UUID, Integer> counts = new HashMap<>();
		jdbc.sql(sql).query(rs -> {
			counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
		});
		return counts;
	}

	private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within 30 s");
			}
			Thread.sleep(50);
		}
	}
}
