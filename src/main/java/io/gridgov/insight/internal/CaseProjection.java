package io.gridgov.insight.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

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
 * The work itself runs through {@link ProjectionWork}: one change of the read models at a time, in
 * its own transaction, retried on deadlocks and serialization failures. The case's row is locked,
 * the event folded in, and the difference of the case's contributions applied to the fact rows in
 * key order: an event seen twice, or an old one after a newer one, changes nothing.
 */
@Component
class CaseProjection {

	private final InsightStore store;
	private final ProjectionWork work;
	private final Clock clock;

	CaseProjection(InsightStore store, ProjectionWork work, Clock clock) {
		this.store = store;
		this.work = work;
		this.clock = clock;
	}

	// the transaction is ProjectionWork's, started after its lock is held (and again on a retry)
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CaseEvent event) {
		work.run("fold in an event of case " + event.caseId(), () -> {
			fold(event);
			return null;
		});
	}

	private void fold(CaseEvent event) {
		Instant now = clock.instant();
		CaseFacts before = store.lockCase(event.caseId(), now);
		CaseFacts after = CaseFold.apply(before, event);
		if (after.equals(before)) {
			return;
		}
		Map<FactKey, Counters> diff = Contributions.difference(before, after);
		store.apply(diff);
		store.updateCase(after, now);
	}
}
