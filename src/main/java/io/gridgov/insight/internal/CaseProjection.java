package io.gridgov.insight.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.gridgov.cases.CaseEvent;

/**
 * Keeps the read models up to date from the cases module's events. Runs after the case's
 * transaction committed, in its own transaction, through the event publication registry (a failed
 * or interrupted delivery is delivered again). The case's row is locked, the event folded in, and
 * the difference of the case's contributions applied to the fact rows: an event seen twice, or an
 * old one after a newer one, changes nothing.
 */
@Component
class CaseProjection {

	private final InsightStore store;
	private final Clock clock;

	CaseProjection(InsightStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CaseEvent event) {
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
