package io.gridgov.cases.internal.workflow;

import java.util.Objects;
import java.util.Set;

import io.gridgov.cases.Assignee;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;

/**
 * A signed-in actor as the workflow sees them: the platform actor, the name shown on the internal
 * timeline, the assignees they act for (their department, their own worker record) and the grids
 * they serve as a grid worker. Resolved by the caller from identity and workforce.
 */
public record CaseActor(Actor actor, String displayName, Set<Assignee> actsFor, Set<RegionCode> servesGrids) {

	public CaseActor {
		Objects.requireNonNull(actor, "actor");
		actsFor = Set.copyOf(actsFor);
		servesGrids = Set.copyOf(servesGrids);
	}

	public boolean actsFor(Assignee assignee) {
		return assignee != null && actsFor.contains(assignee);
	}
}
