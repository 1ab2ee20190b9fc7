package io.gridgov.cases.internal.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

import io.gridgov.GridGovApplication;
import io.gridgov.cases.CaseEvent;

/**
 * The deadline watcher benchmark: N dispatched cases whose deadlines have passed are written
 * straight into PostgreSQL (with their timeline), then one run of the watcher's work escalates
 * them all (each gets MARK_DUE_SOON and MARK_OVERDUE, two audit rows, two events, two
 * notifications). Prints escalated cases per second for a batch size, checks exactly-once.
 * Usage: WatcherBenchmark jdbcUrl cases batchSize [outboxListener true|false]. Run by bench/run-watcher.sh.
 */
public final class WatcherBenchmark {

	/**
	 * One outbox consumer of case events, as the insight read models will be. Registered as a source
	 * only when asked for (not a component, so the application's scan does not find it).
	 */
	static class OutboxConsumer {

		@Bean
		Consumer benchOutboxConsumer() {
			return new Consumer();
		}
	}

	static class Consumer {

		@ApplicationModuleListener
		void on(CaseEvent event) {
			// delivered: the publication is marked complete
		}
	}

	public static void main(String[] args) {
		String url = args[0];
		int cases = Integer.parseInt(args[1]);
		int batchSize = Integer.parseInt(args[2]);
		boolean outbox = args.length < 4 || Boolean.parseBoolean(args[3]);
		Map<String, Object> props = new HashMap<>();
		props.put("spring.datasource.url", url);
		props.put("spring.datasource.username", "postgres");
		props.put("spring.datasource.password", "");
		props.put("server.port", "0");
		props.put("spring.main.banner-mode", "off");
		props.put("logging.level.root", "WARN");
		props.put("gridgov.scheduling.enabled", "false");
		props.put("gridgov.admin.password", "Bench-only-2026!");
		props.put("gridgov.cases.watcher.batch-size", String.valueOf(batchSize));
		props.put("gridgov.personal-data.keys.k1", "YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktMDA=");
		props.put("gridgov.personal-data.hmac-key", "YmVuY2gtb25seS1obWFjLWJlbmNoLW9ubHktaG1hYzA=");
		String[] argv = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		Class<?>[] sources = outbox ? new Class<?>[] { GridGovApplication.class, OutboxConsumer.class }
				: new Class<?>[] { GridGovApplication.class };
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(sources).run(argv)) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			clear(jdbc);
			insert(jdbc, cases, Instant.now());
			jdbc.sql("ANALYZE").update();
			DeadlineWatcher watcher = app.getBean(DeadlineWatcher.class);

			long start = System.nanoTime();
			DeadlineWatcher.Run run = watcher.escalateDue();
			double seconds = (System.nanoTime() - start) / 1e9;
			long drainedAt = System.nanoTime();
			while (outbox && count(jdbc, "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL") > 0) {
				sleep();
			}
			double drained = (System.nanoTime() - start) / 1e9;

			long overdue = count(jdbc, "SELECT COUNT(*) FROM cases_timeline WHERE action = 'MARK_OVERDUE'");
			long perCaseMax = count(jdbc, "SELECT COALESCE(MAX(c), 0) FROM (SELECT COUNT(*) AS c FROM cases_timeline "
					+ "WHERE action = 'MARK_OVERDUE' GROUP BY case_id) t");
			long supervised = count(jdbc, "SELECT COUNT(*) FROM cases_case WHERE overdue = TRUE AND supervision_count = 1");
			long notified = count(jdbc, "SELECT COUNT(*) FROM cases_notification WHERE kind = 'OVERDUE'");
			long published = count(jdbc, "SELECT COUNT(*) FROM event_publication");
			System.out.printf("watcher batch=%d outboxListener=%s cases=%d escalated=%d failed=%d in %.2f s -> %.0f escalations/s"
					+ " (%.0f markers/s)%n", batchSize, outbox, cases, run.escalated(), run.failed(), seconds,
					run.escalated() / seconds, 2 * run.escalated() / seconds);
			if (outbox) {
				System.out.printf("  outbox drained (every publication completed) after %.2f s (%.2f s after the watcher)%n",
						drained, (System.nanoTime() - drainedAt) / 1e9);
			}
			System.out.printf("  check: MARK_OVERDUE rows=%d (max per case %d), overdue+supervised once=%d, OVERDUE notifications=%d, publications=%d%n",
					overdue, perCaseMax, supervised, notified, published);
			if (overdue != cases || perCaseMax != 1 || supervised != cases || notified != cases) {
				throw new IllegalStateException("exactly-once check failed");
			}
		}
	}

	private static void clear(JdbcClient jdbc) {
		for (String table : new String[] { "cases_notification", "cases_timeline", "cases_case",
				"event_publication", "identity_audit_log" }) {
			try {
				jdbc.sql("DELETE FROM " + table).update();
			}
			catch (RuntimeException missing) {
				// a table this version does not have
			}
		}
	}

	/** Dispatched to URBAN_MGMT two days ago, deadline passed an hour ago, with REPORT/ACCEPT/DISPATCH rows. */
	static void insert(JdbcClient jdbc, int count, Instant now) {
		Instant from = now.minus(Duration.ofDays(2));
		Instant deadline = now.minus(Duration.ofHours(1));
		Instant watch = from.plus(Duration.between(from, deadline).multipliedBy(4).dividedBy(5));
		jdbc.sql("""
				INSERT INTO cases_case (id, tracking_code, source, category_code, status, grid_code, community_code,
				  unassigned, description, reported_at, accept_deadline, first_dispatched_at, deadline_from, deadline,
				  due_soon_at, assignee_kind, assignee_id, accepted_on_time, dispatched_correctly, rework_count,
				  return_count, extension_count, supervised, supervision_count, due_soon, overdue,
				  solved_on_the_spot, timeline_size, updated_at, version)
				SELECT md5('case' || i)::uuid, upper(substr(md5('code' || i), 1, 12)), 'HOTLINE', 'EXPOSED_GARBAGE',
				  'DISPATCHED', '440704003001' || lpad((1 + i % 9)::text, 3, '0'), '440704003001', FALSE,
				  'bench case ' || i, :from, :from, :from, :from, :deadline, :watch, 'DEPARTMENT', 'URBAN_MGMT', TRUE,
				  TRUE, 0, 0, 0, FALSE, 0, FALSE, FALSE, FALSE, 3, :from, 2
				FROM generate_series(1, :count) AS i""")
			.param("from", java.sql.Timestamp.from(from))
			.param("deadline", java.sql.Timestamp.from(deadline))
			.param("watch", java.sql.Timestamp.from(watch))
			.param("count", count)
			.update();
		jdbc.sql("""
				INSERT INTO cases_timeline (case_id, seq, at, role, from_status, to_status, action, public_safe)
				SELECT c.id, s.seq, c.reported_at, 'COMMAND_CENTRE', s.from_status, s.to_status, s.action, TRUE
				FROM cases_case c CROSS JOIN (VALUES (0, NULL, 'REPORTED', 'REPORT'), (1, 'REPORTED', 'ACCEPTED', 'ACCEPT'),
				  (2, 'ACCEPTED', 'DISPATCHED', 'DISPATCH')) AS s (seq, from_status, to_status, action)""").update();
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
