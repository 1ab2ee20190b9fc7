package io.gridgov.insight.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.gridgov.cases.CaseHistory;

/**
 * Rebuilds the read models at start when asked ({@code --gridgov.insight.rebuild=true}), and in the
 * demo when they hold fewer cases than the case history — the demo's history (CaseHistoryDemo) is
 * inserted in bulk without events, so its figures reach the read models through this replay of the
 * stored records. Runs after the demo loaders (order 57).
 */
@Component
@Order(57)
class InsightRebuildRunner implements ApplicationRunner {

	private final boolean requested;
	private final boolean demo;
	private final InsightRebuild rebuild;
	private final InsightStore store;
	private final CaseHistory history;

	InsightRebuildRunner(@Value("${gridgov.insight.rebuild:false}") boolean requested,
			@Value("${gridgov.demo.enabled:false}") boolean demo, InsightRebuild rebuild, InsightStore store,
			CaseHistory history) {
		this.requested = requested;
		this.demo = demo;
		this.rebuild = rebuild;
		this.store = store;
		this.history = history;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (requested || (demo && store.caseCount() < history.count())) {
			rebuild.rebuild();
		}
	}
}
