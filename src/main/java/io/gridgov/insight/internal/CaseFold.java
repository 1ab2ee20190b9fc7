package io.gridgov.insight.internal;

import java.time.Instant;

import io.gridgov.cases.Assignee;
import io.gridgov.cases.CaseAccepted;
import io.gridgov.cases.CaseClosed;
import io.gridgov.cases.CaseDispatched;
import io.gridgov.cases.CaseDueSoon;
import io.gridgov.cases.CaseEvent;
import io.gridgov.cases.CaseExtensionApproved;
import io.gridgov.cases.CaseHandled;
import io.gridgov.cases.CaseMerged;
import io.gridgov.cases.CaseOverdue;
import io.gridgov.cases.CaseRated;
import io.gridgov.cases.CaseRejected;
import io.gridgov.cases.CaseReported;
import io.gridgov.cases.CaseResumed;
import io.gridgov.cases.CaseReturned;
import io.gridgov.cases.CaseReworkRequested;
import io.gridgov.cases.CaseStarted;
import io.gridgov.cases.CaseStatus;
import io.gridgov.cases.CaseVerified;

/**
 * Folds a case event into a case's facts. Every rule keeps the latest value by the event's time, so
 * folding the same event twice, or an old event after a newer one, changes nothing: delivery twice
 * (the outbox retries) cannot count twice, and a replay of the history gives the same facts.
 */
final class CaseFold {

	private CaseFold() {
	}

	/** A new facts object with the event folded in; {@code facts} is not changed. */
	static CaseFacts apply(CaseFacts facts, CaseEvent event) {
		CaseFacts f = facts.copy();
		Instant t = event.occurredAt();
		if (f.categoryCode == null) {
			f.categoryCode = event.categoryCode();
		}
		if (event.gridCode() != null && notBefore(t, f.gridAt)) {
			f.gridCode = event.gridCode().value();
			f.gridAt = t;
		}
		CaseStatus status = statusAfter(event);
		if (status != null && notBefore(t, f.statusAt)) {
			f.status = status;
			f.statusAt = t;
		}
		if (event instanceof CaseReported e) {
			f.reportedAt = t;
			f.source = e.source().name();
		}
		else if (event instanceof CaseAccepted e) {
			f.acceptedAt = t;
			f.acceptedOnTime = e.acceptedOnTime();
			f.timeToAcceptSeconds = e.timeToAccept() == null ? null : e.timeToAccept().toSeconds();
		}
		else if (event instanceof CaseDispatched e) {
			if (f.firstDispatchedAt == null || t.isBefore(f.firstDispatchedAt)) {
				f.firstDispatchedAt = t;
			}
			department(f, e.assignee(), t);
			resetAlerts(f, t);
		}
		else if (event instanceof CaseReturned) {
			f.returned = true;
		}
		else if (event instanceof CaseHandled e) {
			if (notBefore(t, f.handledAt)) {
				f.handledAt = t;
				f.handledOnTime = e.handledOnTime();
				f.timeToHandleSeconds = e.timeToHandle() == null ? null : e.timeToHandle().toSeconds();
			}
			if (e.solvedOnTheSpot()) {
				if (f.spotAt == null || t.isBefore(f.spotAt)) {
					f.spotAt = t;
				}
				department(f, e.assignee(), t);
			}
		}
		else if (event instanceof CaseReworkRequested) {
			f.reworked = true;
		}
		else if (event instanceof CaseVerified) {
			f.verifiedAt = t;
		}
		else if (event instanceof CaseClosed e) {
			f.closedAt = t;
			if (f.source == null && e.source() != null) {
				f.source = e.source().name();
			}
		}
		else if (event instanceof CaseRated e) {
			f.ratedAt = t;
			f.rating = e.stars();
		}
		else if (event instanceof CaseDueSoon) {
			if (notBefore(t, f.alertAt)) {
				f.dueSoon = true;
				f.alertAt = t;
			}
		}
		else if (event instanceof CaseOverdue) {
			if (notBefore(t, f.alertAt)) {
				f.dueSoon = true;
				f.overdue = true;
				f.alertAt = t;
			}
		}
		else if (event instanceof CaseExtensionApproved) {
			resetAlerts(f, t);
		}
		// rejected, merged, started, resumed, supervised, extension requested, grid assigned: status
		// and grid only
		return f;
	}

	/** The status an event leaves the case in; null for events that keep it. */
	static CaseStatus statusAfter(CaseEvent event) {
		if (event instanceof CaseReported) {
			return CaseStatus.REPORTED;
		}
		if (event instanceof CaseAccepted) {
			return CaseStatus.ACCEPTED;
		}
		if (event instanceof CaseRejected) {
			return CaseStatus.REJECTED;
		}
		if (event instanceof CaseMerged) {
			return CaseStatus.MERGED;
		}
		if (event instanceof CaseDispatched) {
			return CaseStatus.DISPATCHED;
		}
		if (event instanceof CaseReturned) {
			return CaseStatus.RETURNED;
		}
		if (event instanceof CaseStarted || event instanceof CaseResumed) {
			return CaseStatus.IN_PROGRESS;
		}
		if (event instanceof CaseHandled) {
			return CaseStatus.HANDLED;
		}
		if (event instanceof CaseVerified) {
			return CaseStatus.VERIFIED;
		}
		if (event instanceof CaseReworkRequested) {
			return CaseStatus.REWORK;
		}
		if (event instanceof CaseClosed) {
			return CaseStatus.CLOSED;
		}
		return null;
	}

	private static void department(CaseFacts f, Assignee assignee, Instant t) {
		if (assignee != null && notBefore(t, f.departmentAt)) {
			f.departmentCode = departmentKey(assignee);
			f.departmentAt = t;
		}
	}

	static String departmentKey(Assignee assignee) {
		return assignee.kind() == Assignee.Kind.DEPARTMENT ? assignee.targetId() : CaseFacts.GRID_WORKER;
	}

	private static void resetAlerts(CaseFacts f, Instant t) {
		if (notBefore(t, f.alertAt)) {
			f.dueSoon = false;
			f.overdue = false;
			f.alertAt = t;
		}
	}

	private static boolean notBefore(Instant t, Instant current) {
		return current == null || !t.isBefore(current);
	}
}
