package io.gridgov.insight.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.gridgov.cases.CaseEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cases module's events, kept for the projection in the transaction that published them (ADR 0031):
 * a synchronous listener writes each event into {@code insight_inbox}, so it commits or rolls back with
 * the case, and a crash cannot lose it; {@link InboxDrain} folds what waits there in batches. This
 * takes the place of one outbox publication per event and listener (with its own serialisation,
 * "processing" and "completed" writes and an asynchronous delivery), which cost more than the folding.
 */
@Component
class InsightInbox {

	/** One waiting event; {@code event} is null when its payload cannot be read. */
	record Entry(long seq, CaseEvent event, String problem) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final Semaphore signal = new Semaphore(0);

	InsightInbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Keeps the event in the publisher's transaction; the drain is woken once it committed. */
	@EventListener
	void on(CaseEvent event) {
		jdbc.sql("INSERT INTO insight_inbox (event_type, payload, received_at) VALUES (:type, :payload, :at)")
			.param("type", event.getClass().getName())
			.param("payload", json.writeValueAsString(event))
			.param("at", Timestamp.from(clock.instant()))
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wake();
				}
			});
		}
		else {
			wake();
		}
	}

	/** Whether any event waits (a read outside any transaction or turn). */
	boolean hasWork() {
		return jdbc.sql("SELECT seq FROM insight_inbox WHERE failed_at IS NULL ORDER BY seq LIMIT 1")
			.query(Long.class)
			.optional()
			.isPresent();
	}

	/** The oldest waiting events, at most {@code limit}. */
	List<Entry> next(int limit) {
		return jdbc.sql("SELECT seq, event_type, payload FROM insight_inbox WHERE failed_at IS NULL ORDER BY seq "
				+ "FETCH FIRST :limit ROWS ONLY")
			.param("limit", limit)
			.query((rs, n) -> read(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Removes folded events. */
	void remove(List<Entry> entries) {
		List<Long> seqs = entries.stream().map(Entry::seq).toList();
		for (int i = 0; i < seqs.size(); i += 1000) {
			jdbc.sql("DELETE FROM insight_inbox WHERE seq IN (:seqs)")
				.param("seqs", seqs.subList(i, Math.min(seqs.size(), i + 1000)))
				.update();
		}
	}

	/** Sets an event aside that cannot be folded, with the kind of failure (never its data). */
	void fail(Entry entry, String failure) {
		jdbc.sql("UPDATE insight_inbox SET failed_at = :at, failure = :failure WHERE seq = :seq")
			.param("at", Timestamp.from(clock.instant()))
			.param("failure", failure.length() > 200 ? failure.substring(0, 200) : failure)
			.param("seq", entry.seq())
			.update();
	}

	/** How many events wait, and how many were set aside. */
	long[] backlog() {
		long[] counts = new long[2];
		jdbc.sql("SELECT CASE WHEN failed_at IS NULL THEN 0 ELSE 1 END, COUNT(*) FROM insight_inbox GROUP BY 1")
			.query(rs -> {
				counts[rs.getInt(1)] = rs.getLong(2);
			});
		return counts;
	}

	void wake() {
		if (signal.availablePermits() == 0) {
			signal.release();
		}
	}

	/** Waits until woken or the timeout passed; false when interrupted. */
	boolean awaitWork(Duration timeout) {
		try {
			signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
			signal.drainPermits();
			return true;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private Entry read(long seq, String type, String payload) {
		try {
			Class<?> cls = Class.forName(type, false, CaseEvent.class.getClassLoader());
			if (!CaseEvent.class.isAssignableFrom(cls)) {
				return new Entry(seq, null, "not a case event: " + type);
			}
			return new Entry(seq, (CaseEvent) json.readValue(payload, cls), null);
		}
		catch (ClassNotFoundException | RuntimeException e) {
			return new Entry(seq, null, e.getClass().getSimpleName() + " reading " + type);
		}
	}

	static List<CaseEvent> events(List<Entry> entries) {
		List<CaseEvent> events = new ArrayList<>(entries.size());
		entries.forEach(e -> events.add(e.event()));
		return events;
	}
}
