package io.gridgov.workforce.internal;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * A grid has at most one lead (网格长): a worker may lead a grid only when no other worker leads
 * it. The database's unique constraint on the lead grid is the backstop for concurrent writes.
 */
final class OneLeadPerGrid {

	private OneLeadPerGrid() {
	}

	static void check(Worker worker, Function<String, Optional<UUID>> currentLeadOf) {
		for (String grid : worker.ledGrids()) {
			Optional<UUID> lead = currentLeadOf.apply(grid);
			if (lead.isPresent() && !lead.get().equals(worker.id())) {
				throw new DomainException(ErrorKind.CONFLICT, "workforce.grid-has-lead", grid);
			}
		}
	}
}
