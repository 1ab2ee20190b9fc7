package io.gridgov.cases;

import java.util.function.Consumer;

/**
 * The history of every stored case as events, for modules that keep read models of cases and must
 * rebuild them (insight, ADR 0024) without reading the cases tables.
 * <p>
 * {@link #replay} re-emits, case after case (in the order of their ids, i.e. of their reports), the
 * events that the case's timeline records, in timeline order, with the moment of each step. The
 * timeline keeps when and what happened, not every figure as it was then, so every replayed event
 * carries the case's current grid, assignee, deadline and figures (time to accept, accepted and
 * handled on time, time to handle, rating). A read model that keeps the latest value of each figure
 * therefore ends up exactly as it was built from the live events.
 */
public interface CaseHistory {

	/** How many cases are stored. */
	long count();

	/** Sends the events of every stored case to {@code sink}, the events of one case together. */
	void replay(Consumer<CaseEvent> sink);
}
