package io.gridgov.insight.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import io.gridgov.cases.CaseEvent;

/**
 * Keeps the read models up to date from the cases module's events. Runs after the case's
 * transaction committed, through the event publication registry: a transient failure (deadlock,
 * serialization failure, lock timeout) is retried at once by {@link ProjectionWork}; a delivery that
 * still fails stays incomplete and is delivered again on restart
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 * <p>
 * The work runs through {@link ProjectionWork}, one change of the read models at a time, and is
 * batched (group commit): every delivery queues its event and waits for its turn; the delivery that
 * gets the turn folds all the events queued by then (up to {@link #MAX_BATCH}) in one transaction,
 * and each delivery returns — its publication then counts as completed — only once the transaction
 * holding its event committed (or throws when it failed). The outcome is settled within the turn, so
 * a delivery whose event an earlier turn folded finds it done and opens no transaction: the number of
 * transactions follows the number of batches, not of events. At a steady stream of events, one
 * transaction then carries many events, and the roll-up rows they share (the city's day and month)
 * are written once per batch instead of once per event. Within the transaction the cases' rows are
 * locked, each case's events folded in, and the sum of the differences of the cases' contributions
 * applied to the fact rows in key order: an event seen twice, or an old one after a newer one,
 * changes nothing.
 */
@Component
class CaseProjection {

	/** The most events one transaction folds in. */
	static final int MAX_BATCH = 500;

	private record Pending(CaseEvent event, CompletableFuture<Void> done) {
	}

	private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
	private final InsightStore store;
	private final ProjectionWork work;
	private final Clock clock;

	CaseProjection(InsightStore store, ProjectionWork work, Clock clock) {
		this.store = store;
		this.work = work;
		this.clock = clock;
	}

	// the transaction is ProjectionWork's, opened during this delivery's turn (and again on a retry)
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CaseEvent event) {
		Pending mine = new Pending(event, new CompletableFuture<>());
		queue.add(mine);
		while (!mine.done().isDone()) {
			work.exclusively("fold in events of case " + event.caseId(), () -> {
				// folded by an earlier turn while this one waited: no transaction at all
				if (mine.done().isDone()) {
					return null;
				}
				List<Pending> batch = new ArrayList<>();
				for (Pending p = queue.poll(); p != null; p = batch.size() < MAX_BATCH ? queue.poll() : null) {
					batch.add(p);
				}
				try {
					// a retry folds the same batch again
					work.inTransaction("fold in events of case " + event.caseId() + " and others",
							() -> {
								fold(batch.stream().map(Pending::event).toList());
								return null;
							});
				}
				catch (RuntimeException e) {
					// every delivery of the batch fails (its own event among them, or it tries again)
					batch.forEach(p -> p.done().completeExceptionally(e));
					return null;
				}
				// still within the turn: the next turn sees these deliveries done
				batch.forEach(p -> p.done().complete(null));
				return null;
			});
		}
		try {
			mine.done().join();
		}
		catch (CompletionException e) {
			// folded (and failed) in another delivery's transaction: this publication stays incomplete too
			throw e.getCause() instanceof RuntimeException r ? r : e;
		}
	}

	/** How many deliveries wait for their event to be folded in. */
	int queued() {
		return queue.size();
	}

	/** Folds the events into their cases' facts and applies the differences, in the current transaction. */
	void fold(List<CaseEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		Map<UUID, List<CaseEvent>> byCase = new TreeMap<>();
		events.forEach(e -> byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e));
		Map<UUID, CaseFacts> locked = store.lockCases(byCase.keySet(), now);
		Map<FactKey, Counters> diff = new TreeMap<>();
		Map<InsightStore.AlertKey, Long> alerts = new TreeMap<>();
		List<CaseFacts> changed = new ArrayList<>();
		byCase.forEach((id, caseEvents) -> {
			CaseFacts before = locked.get(id);
			CaseFacts after = before;
			for (CaseEvent e : caseEvents) {
				after = CaseFold.apply(after, e);
			}
			if (!after.equals(before)) {
				Contributions.difference(before, after)
					.forEach((k, v) -> diff.computeIfAbsent(k, x -> new Counters()).add(v, 1));
				InsightStore.alertDifference(before, after, alerts);
				changed.add(after);
			}
		});
		diff.values().removeIf(Counters::isZero);
		store.apply(diff);
		store.applyAlerts(alerts);
		store.updateCases(changed, now);
	}
}
