package io.gridgov.insight.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.gridgov.cases.CaseHistory;

/**
 * Clears the read models and replays the whole case history into them, in one transaction: the
 * same fold and the same contributions as the live events, so a rebuild gives exactly the numbers
 * the events gave. Runs through {@link ProjectionWork}, alone: events delivered while a rebuild runs
 * wait for it and are then folded in (finding their effect already there when the history replayed
 * included it: folding is idempotent); events folded in before it are replayed from the history.
 */
@Service
class InsightRebuild {

	private static final Logger log = LoggerFactory.getLogger(InsightRebuild.class);
	private static final int BATCH = 1000;

	record Result(long cases, long factRows, long millis) {
	}

	private final CaseHistory history;
	private final InsightStore store;
	private final ProjectionWork work;
	private final Clock clock;

	InsightRebuild(CaseHistory history, InsightStore store, ProjectionWork work, Clock clock) {
		this.history = history;
		this.store = store;
		this.work = work;
		this.clock = clock;
	}

	public Result rebuild() {
		return work.run("rebuild the read models", this::replay);
	}

	private Result replay() {
		long started = System.nanoTime();
		Instant now = clock.instant();
		store.deleteAll();
		Map<FactKey, Counters> facts = new HashMap<>();
		Map<InsightStore.AlertKey, Long> alerts = new HashMap<>();
		List<CaseFacts> batch = new ArrayList<>(BATCH);
		CaseFacts[] current = { null };
		long[] cases = { 0 };
		history.replay(event -> {
			UUID id = event.caseId();
			if (current[0] == null || !current[0].caseId.equals(id)) {
				if (current[0] != null) {
					finish(current[0], facts, alerts, batch, now);
				}
				current[0] = new CaseFacts(id);
				cases[0]++;
			}
			current[0] = CaseFold.apply(current[0], event);
		});
		if (current[0] != null) {
			finish(current[0], facts, alerts, batch, now);
		}
		store.insertCases(batch, now);
		facts.values().removeIf(Counters::isZero);
		store.insertFacts(new java.util.TreeMap<>(facts));
		store.insertAlerts(alerts);
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("Insight read models rebuilt: {} cases, {} fact rows in {} ms", cases[0], facts.size(), millis);
		return new Result(cases[0], facts.size(), millis);
	}

	private void finish(CaseFacts f, Map<FactKey, Counters> facts, Map<InsightStore.AlertKey, Long> alerts,
			List<CaseFacts> batch, Instant now) {
		Contributions.of(f).forEach((k, v) -> facts.computeIfAbsent(k, x -> new Counters()).add(v, 1));
		InsightStore.alertsOf(f).forEach((k, v) -> alerts.merge(k, v, Long::sum));
		batch.add(f);
		if (batch.size() >= BATCH) {
			store.insertCases(batch, now);
			batch.clear();
		}
	}
}
