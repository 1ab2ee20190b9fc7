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
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.cases.CaseHistory;

/**
 * Clears the read models and replays the whole case history into them, in one transaction: the
 * same fold and the same contributions as the live events, so a rebuild gives exactly the numbers
 * the events gave. Events delivered while a rebuild runs wait for its locks and then find their
 * effect already there (folding is idempotent).
 */
@Service
class InsightRebuild {

	private static final Logger log = LoggerFactory.getLogger(InsightRebuild.class);
	private static final int BATCH = 1000;

	record Result(long cases, long factRows, long millis) {
	}

	private final CaseHistory history;
	private final InsightStore store;
	private final Clock clock;

	InsightRebuild(CaseHistory history, InsightStore store, Clock clock) {
		this.history = history;
		this.store = store;
		this.clock = clock;
	}

	@Transactional
	public Result rebuild() {
		long started = System.nanoTime();
		Instant now = clock.instant();
		store.deleteAll();
		Map<FactKey, Counters> facts = new HashMap<>();
		List<CaseFacts> batch = new ArrayList<>(BATCH);
		CaseFacts[] current = { null };
		long[] cases = { 0 };
		history.replay(event -> {
			UUID id = event.caseId();
			if (current[0] == null || !current[0].caseId.equals(id)) {
				if (current[0] != null) {
					finish(current[0], facts, batch, now);
				}
				current[0] = new CaseFacts(id);
				cases[0]++;
			}
			current[0] = CaseFold.apply(current[0], event);
		});
		if (current[0] != null) {
			finish(current[0], facts, batch, now);
		}
		store.insertCases(batch, now);
		facts.values().removeIf(Counters::isZero);
		store.insertFacts(new java.util.TreeMap<>(facts));
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("Insight read models rebuilt: {} cases, {} fact rows in {} ms", cases[0], facts.size(), millis);
		return new Result(cases[0], facts.size(), millis);
	}

	private void finish(CaseFacts f, Map<FactKey, Counters> facts, List<CaseFacts> batch, Instant now) {
		Contributions.of(f).forEach((k, v) -> facts.computeIfAbsent(k, x -> new Counters()).add(v, 1));
		batch.add(f);
		if (batch.size() >= BATCH) {
			store.insertCases(batch, now);
			batch.clear();
		}
	}
}
