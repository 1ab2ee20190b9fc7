package io.gridgov.insight.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Folds the events waiting in the {@link InsightInbox} into the read models (ADR 0031): one thread per
 * instance, woken when a transaction that published case events commits (and once a second in any
 * case, for events other instances or a crash left), takes the projection's turn and folds the oldest
 * waiting events — up to {@link #BATCH} — and removes them in one transaction, until none wait. Many
 * events arriving together therefore share one transaction. Instances take turns through
 * {@code insight_lock}; folding is idempotent, so an event folded twice (say, by a rebuild and then
 * from the inbox) counts once. A batch that fails for a reason other than a transient one is folded
 * again one event at a time, and an event that fails alone is set aside (kept, with the kind of
 * failure) so that it cannot hold up the events behind it.
 * <p>
 * Paced (ADR 0034): a fold starts at least {@code gridgov.insight.inbox.min-interval} after the start of
 * the one before, unless that one left a full batch behind. A lone event after a quiet spell is folded
 * at once; under a steady stream the events of the interval share one transaction, so the current
 * day's and month's roll-up rows of a grid, its community and the city are written once per interval
 * instead of once per few events — the cost per event falls as the stream grows, for at most the
 * interval of added delay.
 */
@Component
class InboxDrain implements SmartLifecycle {

	static final int BATCH = 2000;
	private static final Logger log = LoggerFactory.getLogger(InboxDrain.class);

	private final InsightInbox inbox;
	private final CaseProjection projection;
	private final ProjectionWork work;
	private final Duration idle;
	private final long minIntervalNanos;
	private volatile long lastFoldStart;
	private volatile boolean lastBatchFull;
	private volatile boolean running;
	private Thread thread;

	InboxDrain(InsightInbox inbox, CaseProjection projection, ProjectionWork work,
			@Value("${gridgov.insight.inbox.idle-check:1s}") Duration idle,
			@Value("${gridgov.insight.inbox.min-interval:500ms}") Duration minInterval) {
		this.inbox = inbox;
		this.projection = projection;
		this.work = work;
		this.idle = idle;
		this.minIntervalNanos = minInterval.toNanos();
		this.lastFoldStart = System.nanoTime() - minIntervalNanos;
	}

	@Override
	public synchronized void start() {
		running = true;
		thread = new Thread(this::loop, "insight-inbox");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public synchronized void stop() {
		running = false;
		if (thread != null) {
			inbox.wake();
			thread.interrupt();
			try {
				thread.join(10_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			thread = null;
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void loop() {
		while (running) {
			try {
				drain();
			}
			catch (RuntimeException e) {
				if (!running) {
					return;
				}
				// e.g. the database is away: the events stay in the inbox, tried again after the pause
				log.warn("Insight could not fold the inbox ({}), trying again", e.getClass().getSimpleName());
			}
			if (!inbox.awaitWork(idle)) {
				return;
			}
		}
	}

	/** Folds every waiting event, a batch per transaction; returns how many were folded or set aside. */
	long drain() {
		long done = 0;
		while (running) {
			if (!inbox.hasWork()) {
				return done;
			}
			if (!paced()) {
				return done;
			}
			int folded = foldWaiting();
			done += folded;
			if (folded == 0) {
				return done;
			}
		}
		return done;
	}

	/**
	 * Waits until the minimum interval since the last fold's start has passed (not after a full batch:
	 * the backlog is worked off at once); false when interrupted.
	 */
	private boolean paced() {
		long wait = pause(System.nanoTime(), lastFoldStart, minIntervalNanos, lastBatchFull);
		if (wait == 0) {
			return true;
		}
		try {
			TimeUnit.NANOSECONDS.sleep(wait);
			return true;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * How long to wait before the next fold (nanoseconds): what is left of the minimum interval since
	 * the last fold's start, nothing after a full batch (a backlog) or once the interval has passed.
	 */
	static long pause(long now, long lastFoldStart, long minIntervalNanos, boolean lastBatchFull) {
		long wait = lastFoldStart + minIntervalNanos - now;
		return lastBatchFull || wait <= 0 ? 0 : wait;
	}

	/** Folds the oldest waiting events (at most one batch) in one transaction; returns how many were taken. */
	int foldWaiting() {
		lastFoldStart = System.nanoTime();
		int taken = foldBatch();
		lastBatchFull = taken >= BATCH;
		return taken;
	}

	private int foldBatch() {
		return work.exclusively("fold in the inbox", () -> {
			try {
				return work.inTransaction("fold in the inbox", () -> {
					List<InsightInbox.Entry> batch = inbox.next(BATCH);
					if (batch.stream().anyMatch(e -> e.event() == null)) {
						throw new UnreadableEvent();
					}
					projection.fold(InsightInbox.events(batch));
					inbox.remove(batch);
					return batch.size();
				});
			}
			catch (RuntimeException e) {
				if (e instanceof org.springframework.dao.TransientDataAccessException) {
					throw e;
				}
				return foldOneByOne();
			}
		});
	}

	/** After a batch failed: each event in its own transaction, setting aside those that fail alone. */
	private int foldOneByOne() {
		List<InsightInbox.Entry> batch = work.inTransaction("read the inbox", () -> inbox.next(BATCH));
		for (InsightInbox.Entry entry : batch) {
			try {
				work.inTransaction("fold in one event", () -> {
					if (entry.event() == null) {
						throw new UnreadableEvent();
					}
					projection.fold(List.of(entry.event()));
					inbox.remove(List.of(entry));
					return null;
				});
			}
			catch (RuntimeException e) {
				String failure = entry.problem() != null ? entry.problem() : e.getClass().getSimpleName();
				log.error("Insight set an event aside that it cannot fold (inbox seq {}): {}", entry.seq(), failure);
				work.inTransaction("set an event aside", () -> {
					inbox.fail(entry, failure);
					return null;
				});
			}
		}
		return batch.size();
	}

	/** A payload that no longer reads as a case event. */
	static final class UnreadableEvent extends RuntimeException {

		UnreadableEvent() {
			super("unreadable event in the insight inbox", null, false, false);
		}
	}
}
