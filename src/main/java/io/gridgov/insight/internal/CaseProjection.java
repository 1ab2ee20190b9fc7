package io.gridgov.insight.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.gridgov.cases.CaseEvent;

/**
 * Folds the cases module's events into the read models. The events reach it through the
 * {@link InsightInbox} (written in the transaction that published them) and the {@link InboxDrain}
 * (which folds whatever waits there in batches, ADR 0031); the rebuild replays history through it
 * too. Within the caller's transaction the cases' rows are locked, each case's events folded in, and
 * the sum of the differences of the cases' contributions applied to the fact rows in key order: an
 * event seen twice, or an old one after a newer one, changes nothing. At a steady stream of events
 * one transaction carries many events, and the roll-up rows they share (the city's day and month)
 * are written once per batch instead of once per event.
 */
@Component
class CaseProjection {

	private final InsightStore store;
	private final Clock clock;

	CaseProjection(InsightStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** Folds the events into their cases' facts and applies the differences, in the current transaction. */
	void fold(List<CaseEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		Map<UUID, List<CaseEvent>> byCase = new TreeMap<>();
		events.forEach(e -> byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e));
		Map<UUID, CaseFacts> locked = store.lockCases(byCase.keySet());
		Map<FactKey, Counters> diff = new TreeMap<>();
		Map<InsightStore.AlertKey, Long> alerts = new TreeMap<>();
		List<CaseFacts> created = new ArrayList<>();
		List<CaseFacts> changed = new ArrayList<>();
		byCase.forEach((id, caseEvents) -> {
			CaseFacts stored = locked.get(id);
			CaseFacts before = stored != null ? stored : new CaseFacts(id);
			CaseFacts after = before;
			for (CaseEvent e : caseEvents) {
				after = CaseFold.apply(after, e);
			}
			boolean differs = !after.equals(before);
			if (differs) {
				Contributions.difference(before, after)
					.forEach((k, v) -> diff.computeIfAbsent(k, x -> new Counters()).add(v, 1));
				InsightStore.alertDifference(before, after, alerts);
			}
			if (stored == null) {
				created.add(after);
			}
			else if (differs) {
				changed.add(after);
			}
		});
		diff.values().removeIf(Counters::isZero);
		store.apply(diff);
		store.applyAlerts(alerts);
		store.saveCases(created, changed, now);
	}
}
