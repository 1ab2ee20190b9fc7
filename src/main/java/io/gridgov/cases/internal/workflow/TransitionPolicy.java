package io.gridgov.cases.internal.workflow;

import static io.gridgov.cases.CaseAction.*;
import static io.gridgov.cases.CaseStatus.*;
import static io.gridgov.cases.internal.workflow.TransitionPolicy.Capacity.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.gridgov.cases.CaseAction;
import io.gridgov.cases.CaseStatus;

/**
 * Who may do what to a case in which status, and where it goes (ADR 0016). The table is the whole
 * rule: a (status, action) pair that is not listed is refused, and a listed one only to an actor
 * acting in one of its capacities.
 */
public final class TransitionPolicy {

	/** In what capacity an actor stands towards one case. */
	public enum Capacity {
		/** Has the COMMAND_CENTRE role. */
		COMMAND_CENTRE,
		/** Acts for the department or grid worker the case is dispatched to. */
		ASSIGNEE,
		/** Has the GRID_WORKER role and serves the case's grid. */
		GRID_WORKER_OF_GRID,
		/** Holds the tracking code of the case, without an account. */
		RESIDENT
	}

	/** Where an allowed action leads, and who may take it. */
	public record Rule(CaseStatus to, Set<Capacity> by) {
	}

	private static final Map<CaseStatus, Map<CaseAction, Rule>> TABLE = new EnumMap<>(CaseStatus.class);

	static {
		allow(REPORTED, ACCEPT, ACCEPTED, COMMAND_CENTRE);
		allow(REPORTED, REJECT, REJECTED, COMMAND_CENTRE);
		allow(REPORTED, MERGE, MERGED, COMMAND_CENTRE);
		allow(REPORTED, SOLVE_ON_THE_SPOT, HANDLED, GRID_WORKER_OF_GRID);
		allow(REPORTED, SUPERVISE, REPORTED, COMMAND_CENTRE);
		allow(REPORTED, ASSIGN_GRID, REPORTED, COMMAND_CENTRE);

		allow(ACCEPTED, DISPATCH, DISPATCHED, COMMAND_CENTRE);
		allow(ACCEPTED, SUPERVISE, ACCEPTED, COMMAND_CENTRE);
		allow(ACCEPTED, ASSIGN_GRID, ACCEPTED, COMMAND_CENTRE);

		allow(DISPATCHED, START, IN_PROGRESS, ASSIGNEE);
		allow(DISPATCHED, RETURN, RETURNED, ASSIGNEE);
		allow(DISPATCHED, SUPERVISE, DISPATCHED, COMMAND_CENTRE);

		allow(RETURNED, REDISPATCH, DISPATCHED, COMMAND_CENTRE);
		allow(RETURNED, SUPERVISE, RETURNED, COMMAND_CENTRE);

		allow(IN_PROGRESS, HANDLE, HANDLED, ASSIGNEE);
		allow(IN_PROGRESS, REQUEST_EXTENSION, IN_PROGRESS, ASSIGNEE);
		allow(IN_PROGRESS, APPROVE_EXTENSION, IN_PROGRESS, COMMAND_CENTRE);
		allow(IN_PROGRESS, SUPERVISE, IN_PROGRESS, COMMAND_CENTRE);

		allow(HANDLED, VERIFY_PASS, VERIFIED, COMMAND_CENTRE, GRID_WORKER_OF_GRID);
		allow(HANDLED, VERIFY_FAIL, REWORK, COMMAND_CENTRE, GRID_WORKER_OF_GRID);
		allow(HANDLED, SUPERVISE, HANDLED, COMMAND_CENTRE);

		allow(REWORK, RESUME, IN_PROGRESS, ASSIGNEE);
		allow(REWORK, REQUEST_EXTENSION, REWORK, ASSIGNEE);
		allow(REWORK, APPROVE_EXTENSION, REWORK, COMMAND_CENTRE);
		allow(REWORK, SUPERVISE, REWORK, COMMAND_CENTRE);

		allow(VERIFIED, CLOSE, CLOSED, COMMAND_CENTRE);

		allow(CLOSED, RATE, CLOSED, RESIDENT);
	}

	private TransitionPolicy() {
	}

	private static void allow(CaseStatus from, CaseAction action, CaseStatus to, Capacity... by) {
		TABLE.computeIfAbsent(from, s -> new EnumMap<>(CaseAction.class))
			.put(action, new Rule(to, Set.copyOf(EnumSet.of(by[0], by))));
	}

	/** The rule for an action in a status, if the action is possible there at all. */
	public static Optional<Rule> rule(CaseStatus from, CaseAction action) {
		return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
	}

	/** The status the action leads to, when an actor in these capacities may take it. */
	public static Optional<CaseStatus> permits(CaseStatus from, CaseAction action, Set<Capacity> capacities) {
		return rule(from, action).filter(r -> r.by().stream().anyMatch(capacities::contains)).map(Rule::to);
	}

	/** The actions an actor in these capacities may take in this status, in declaration order. */
	public static Set<CaseAction> actionsFor(CaseStatus from, Set<Capacity> capacities) {
		Set<CaseAction> actions = new LinkedHashSet<>();
		for (CaseAction action : CaseAction.values()) {
			if (permits(from, action, capacities).isPresent()) {
				actions.add(action);
			}
		}
		return actions;
	}
}
