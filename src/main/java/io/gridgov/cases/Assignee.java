package io.gridgov.cases;

import java.util.Objects;

/**
 * Who a case is dispatched to: a department or a grid worker, by an id that only the module that
 * owns it interprets.
 */
public record Assignee(Kind kind, String targetId) {

	public enum Kind {
		DEPARTMENT, GRID_WORKER
	}

	public Assignee {
		Objects.requireNonNull(kind, "kind");
		if (targetId == null || targetId.isBlank()) {
			throw new IllegalArgumentException("targetId is blank");
		}
	}

	public static Assignee department(String id) {
		return new Assignee(Kind.DEPARTMENT, id);
	}

	public static Assignee gridWorker(String id) {
		return new Assignee(Kind.GRID_WORKER, id);
	}
}
