package io.gridgov.cases.internal.workflow;

import java.util.Collection;

import io.gridgov.cases.CaseAction;
import io.gridgov.cases.CaseStatus;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * The action is not possible in the case's status, or not for this actor. The problem detail
 * carries the current status and what this actor may do instead.
 */
public class TransitionNotAllowedException extends DomainException {

	private final CaseStatus currentStatus;
	private final CaseAction action;

	public TransitionNotAllowedException(CaseStatus currentStatus, CaseAction action,
			Collection<CaseAction> allowedActions) {
		super(ErrorKind.CONFLICT, "cases.transition-not-allowed", action, currentStatus);
		this.currentStatus = currentStatus;
		this.action = action;
		with("currentStatus", currentStatus.name());
		with("allowedActions", allowedActions.stream().map(CaseAction::name).toList());
	}

	public CaseStatus currentStatus() {
		return currentStatus;
	}

	public CaseAction action() {
		return action;
	}
}
