package io.gridgov.cases.internal.workflow;

import static io.gridgov.cases.internal.workflow.TransitionPolicy.Capacity.ASSIGNEE;
import static io.gridgov.cases.internal.workflow.TransitionPolicy.Capacity.COMMAND_CENTRE;
import static io.gridgov.cases.internal.workflow.TransitionPolicy.Capacity.GRID_WORKER_OF_GRID;
import static io.gridgov.cases.internal.workflow.TransitionPolicy.Capacity.RESIDENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.gridgov.cases.CaseAction;
import io.gridgov.cases.CaseStatus;
import io.gridgov.cases.internal.workflow.TransitionPolicy.Capacity;

class TransitionPolicyTest {

	private static final Set<Capacity> EVERYONE = EnumSet.allOf(Capacity.class);

	@Test
	void rejectedAndMergedCasesAllowNothing() {
		assertThat(TransitionPolicy.actionsFor(CaseStatus.REJECTED, EVERYONE)).isEmpty();
		assertThat(TransitionPolicy.actionsFor(CaseStatus.MERGED, EVERYONE)).isEmpty();
	}

	@Test
	void aClosedCaseCanOnlyBeRatedByItsReporter() {
		assertThat(TransitionPolicy.actionsFor(CaseStatus.CLOSED, EVERYONE)).containsExactly(CaseAction.RATE);
		assertThat(TransitionPolicy.actionsFor(CaseStatus.CLOSED, EnumSet.complementOf(EnumSet.of(RESIDENT))))
			.isEmpty();
	}

	@Test
	void onlyTheCommandCentreAcceptsRejectsMergesDispatchesAndCloses() {
		Set<Capacity> others = EnumSet.of(ASSIGNEE, GRID_WORKER_OF_GRID, RESIDENT);
		assertThat(TransitionPolicy.actionsFor(CaseStatus.REPORTED, Set.of(COMMAND_CENTRE)))
			.containsExactly(CaseAction.ACCEPT, CaseAction.REJECT, CaseAction.MERGE, CaseAction.SUPERVISE,
					CaseAction.ASSIGN_GRID);
		for (CaseAction action : EnumSet.of(CaseAction.ACCEPT, CaseAction.REJECT, CaseAction.MERGE,
				CaseAction.DISPATCH, CaseAction.REDISPATCH, CaseAction.CLOSE, CaseAction.APPROVE_EXTENSION,
				CaseAction.SUPERVISE, CaseAction.ASSIGN_GRID)) {
			for (CaseStatus status : CaseStatus.values()) {
				assertThat(TransitionPolicy.permits(status, action, others)).as("%s in %s", action, status).isEmpty();
			}
		}
	}

	@Test
	void onlyTheAssigneeStartsReturnsHandlesResumesAndAsksForMoreTime() {
		Set<Capacity> others = EnumSet.of(COMMAND_CENTRE, GRID_WORKER_OF_GRID, RESIDENT);
		for (CaseAction action : EnumSet.of(CaseAction.START, CaseAction.RETURN, CaseAction.HANDLE, CaseAction.RESUME,
				CaseAction.REQUEST_EXTENSION)) {
			for (CaseStatus status : CaseStatus.values()) {
				assertThat(TransitionPolicy.permits(status, action, others)).as("%s in %s", action, status).isEmpty();
			}
		}
	}

	@Test
	void verificationIsByTheCommandCentreOrAGridWorkerOfTheGrid() {
		assertThat(TransitionPolicy.permits(CaseStatus.HANDLED, CaseAction.VERIFY_PASS, Set.of(COMMAND_CENTRE)))
			.contains(CaseStatus.VERIFIED);
		assertThat(TransitionPolicy.permits(CaseStatus.HANDLED, CaseAction.VERIFY_FAIL, Set.of(GRID_WORKER_OF_GRID)))
			.contains(CaseStatus.REWORK);
		assertThat(TransitionPolicy.permits(CaseStatus.HANDLED, CaseAction.VERIFY_PASS, Set.of(ASSIGNEE))).isEmpty();
	}

	@Test
	void reworkGoesBackToInProgressNotStraightToHandled() {
		assertThat(TransitionPolicy.permits(CaseStatus.REWORK, CaseAction.RESUME, Set.of(ASSIGNEE)))
			.contains(CaseStatus.IN_PROGRESS);
		assertThat(TransitionPolicy.permits(CaseStatus.REWORK, CaseAction.HANDLE, Set.of(ASSIGNEE))).isEmpty();
	}

	@Test
	void aCaseIsClosedOnlyAfterVerification() {
		for (CaseStatus status : CaseStatus.values()) {
			boolean closes = TransitionPolicy.rule(status, CaseAction.CLOSE).isPresent();
			assertThat(closes).as("CLOSE from %s", status).isEqualTo(status == CaseStatus.VERIFIED);
		}
	}

	@Test
	void theWatcherAndIntakeActionsAreNeverAskedOfThePolicy() {
		for (CaseStatus status : CaseStatus.values()) {
			for (CaseAction action : EnumSet.of(CaseAction.REPORT, CaseAction.MARK_DUE_SOON, CaseAction.MARK_OVERDUE)) {
				assertThat(TransitionPolicy.rule(status, action)).isEmpty();
			}
		}
	}

	@Test
	void nobodyWithoutACapacityMayDoAnything() {
		for (CaseStatus status : CaseStatus.values()) {
			assertThat(TransitionPolicy.actionsFor(status, Set.of())).isEmpty();
		}
	}
}
