package io.gridgov.cases.internal.workflow;

import static io.gridgov.cases.internal.workflow.CaseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.gridgov.cases.CaseAccepted;
import io.gridgov.cases.CaseAction;
import io.gridgov.cases.CaseClosed;
import io.gridgov.cases.CaseDispatched;
import io.gridgov.cases.CaseEvent;
import io.gridgov.cases.CaseHandled;
import io.gridgov.cases.CaseOverdue;
import io.gridgov.cases.CaseReported;
import io.gridgov.cases.CaseSource;
import io.gridgov.cases.CaseStatus;
import io.gridgov.cases.CaseSupervised;
import io.gridgov.cases.TrackingCode;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.cases.internal.workflow.CaseFixtures.StepClock;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.RecordNotFoundException;

class CaseFileTest {

	private final StepClock clock = new StepClock();

	@Test
	void departmentCannotHandleACaseAssignedToAnotherDepartment() {
		CaseFile file = inProgressCase(clock);

		assertThatThrownBy(() -> file.handle(OTHER_DEPARTMENT, "已处理", List.of()))
			.isInstanceOf(TransitionNotAllowedException.class);
		assertThat(file.status()).isEqualTo(CaseStatus.IN_PROGRESS);
	}

	@Test
	void aGridWorkerActsAsAssigneeOnlyForACaseDispatchedToThem() {
		CaseFile file = acceptedCase(clock);
		file.dispatch(COMMAND_CENTRE, WORKER_CHEN, clock.instant().plus(HANDLE_TIME), null);

		assertThatThrownBy(() -> file.start(ASSIGNED_DEPARTMENT, null))
			.isInstanceOf(TransitionNotAllowedException.class);
		file.start(GRID_WORKER, null);
		assertThat(file.status()).isEqualTo(CaseStatus.IN_PROGRESS);
		assertThat(file.timeline().get(file.timeline().size() - 1).role()).isEqualTo("GRID_WORKER");
	}

	@Test
	void refusalCarriesTheCurrentStatusAndTheActionsTheActorMayTakeInstead() {
		CaseFile file = dispatchedCase(clock);

		assertThatThrownBy(() -> file.handle(ASSIGNED_DEPARTMENT, "已处理", List.of()))
			.isInstanceOfSatisfying(TransitionNotAllowedException.class, e -> {
				assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
				assertThat(e.code()).isEqualTo("cases.transition-not-allowed");
				assertThat(e.properties()).containsEntry("currentStatus", "DISPATCHED")
					.containsEntry("allowedActions", List.of("START", "RETURN"));
			});
	}

	@Test
	void anActorOutsideTheScopeIsToldTheCaseDoesNotExist() {
		CaseFile file = reportedCase(clock);

		assertThatThrownBy(() -> file.accept(OUT_OF_SCOPE_COMMAND_CENTRE, NOW.plus(ACCEPT_TIME), null))
			.isInstanceOfSatisfying(RecordNotFoundException.class, e -> assertThat(e.outOfScope()).isTrue());
		assertThat(file.allowedActions(OUT_OF_SCOPE_COMMAND_CENTRE)).isEmpty();
	}

	@Test
	void solvedOnTheSpotStillNeedsVerification() {
		CaseFile file = reportedCase(clock);

		file.solveOnTheSpot(GRID_WORKER, "已当场劝离", List.of(UUID.randomUUID()));

		assertThat(file.status()).isEqualTo(CaseStatus.HANDLED);
		assertThat(file.assignee()).isEqualTo(WORKER_CHEN);
		assertThat(file.allowedActions(COMMAND_CENTRE)).containsExactly(CaseAction.VERIFY_PASS,
				CaseAction.VERIFY_FAIL, CaseAction.SUPERVISE);
		assertThatThrownBy(() -> file.close(COMMAND_CENTRE, null)).isInstanceOf(TransitionNotAllowedException.class);
		assertThat(file.figures().solvedOnTheSpot()).isTrue();
		assertThat(file.domainEvents()).last()
			.isInstanceOfSatisfying(CaseHandled.class, e -> assertThat(e.solvedOnTheSpot()).isTrue());
	}

	@Test
	void onlyAPatrolReportCanBeSolvedOnTheSpot() {
		CaseFile file = residentReport(clock);

		assertThatThrownBy(() -> file.solveOnTheSpot(GRID_WORKER, "已处理", List.of()))
			.isInstanceOf(TransitionNotAllowedException.class);
		assertThat(file.allowedActions(GRID_WORKER)).isEmpty();
	}

	@Test
	void aCaseSolvedOnTheSpotThatFailsVerificationGoesBackToTheWorker() {
		CaseFile file = reportedCase(clock);
		file.solveOnTheSpot(GRID_WORKER, "已处理", List.of());
		file.verifyFail(COMMAND_CENTRE, "现场仍有问题", List.of());

		file.resume(GRID_WORKER, null);
		file.handle(GRID_WORKER, "再次处理", List.of());

		assertThat(file.status()).isEqualTo(CaseStatus.HANDLED);
		assertThat(file.figures().reworkCount()).isEqualTo(1);
	}

	@Test
	void reworkCountsEveryFailedVerification() {
		CaseFile file = handledCase(clock);
		for (int i = 0; i < 3; i++) {
			file.verifyFail(GRID_WORKER, "未整改到位", List.of());
			file.resume(ASSIGNED_DEPARTMENT, null);
			file.handle(ASSIGNED_DEPARTMENT, "已再次处理", List.of());
		}
		file.verifyPass(GRID_WORKER, null, List.of());

		assertThat(file.figures().reworkCount()).isEqualTo(3);
		assertThat(file.status()).isEqualTo(CaseStatus.VERIFIED);
	}

	@Test
	void aGridWorkerOfAnotherGridCannotVerify() {
		CaseFile file = handledCase(clock);

		assertThatThrownBy(() -> file.verifyPass(OTHER_GRID_WORKER, null, List.of()))
			.isInstanceOf(TransitionNotAllowedException.class);
	}

	@Test
	void extensionApprovedByCommandCentreMovesTheDeadline() {
		CaseFile file = inProgressCase(clock);
		Instant original = file.deadline();
		Instant requested = original.plus(Duration.ofDays(2));

		file.requestExtension(ASSIGNED_DEPARTMENT, requested, "等待配件");
		assertThat(file.deadline()).isEqualTo(original);
		assertThat(file.pendingExtension()).isEqualTo(requested);

		file.approveExtension(COMMAND_CENTRE, null);
		assertThat(file.deadline()).isEqualTo(requested);
		assertThat(file.pendingExtension()).isNull();
		assertThat(file.figures().extensionCount()).isEqualTo(1);
	}

	@Test
	void handlingWithinAnApprovedExtensionIsOnTime() {
		CaseFile file = inProgressCase(clock);
		file.requestExtension(ASSIGNED_DEPARTMENT, file.deadline().plus(Duration.ofDays(2)), "等待配件");
		file.approveExtension(COMMAND_CENTRE, null);
		clock.advance(HANDLE_TIME.plus(Duration.ofDays(1)));

		file.handle(ASSIGNED_DEPARTMENT, "已处理", List.of());

		assertThat(file.figures().handledOnTime()).isTrue();
	}

	@Test
	void extensionMustBeLaterThanTheCurrentDeadline() {
		CaseFile file = inProgressCase(clock);

		assertThatThrownBy(() -> file.requestExtension(ASSIGNED_DEPARTMENT, file.deadline(), "等待配件"))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.code()).isEqualTo("cases.extension-not-later"));
	}

	@Test
	void approvingWhenNoExtensionWasRequestedIsRefused() {
		CaseFile file = inProgressCase(clock);

		assertThatThrownBy(() -> file.approveExtension(COMMAND_CENTRE, null))
			.isInstanceOf(TransitionNotAllowedException.class);
	}

	@Test
	void aSecondRequestWhileOneIsPendingIsRefused() {
		CaseFile file = inProgressCase(clock);
		file.requestExtension(ASSIGNED_DEPARTMENT, file.deadline().plus(Duration.ofDays(1)), "等待配件");

		assertThatThrownBy(() -> file.requestExtension(ASSIGNED_DEPARTMENT, file.deadline().plus(Duration.ofDays(5)),
				"还要更久"))
			.isInstanceOf(TransitionNotAllowedException.class);
	}

	@Test
	void publicTimelineNeverShowsInternalNotesOrHandlerNames() {
		CaseFile file = residentReport(clock);
		file.accept(COMMAND_CENTRE, NOW.plus(ACCEPT_TIME), "内部备注：与上周投诉相关");
		file.dispatch(COMMAND_CENTRE, URBAN_MANAGEMENT, NOW.plus(HANDLE_TIME), "派给张强");
		file.returnToCommandCentre(ASSIGNED_DEPARTMENT, "非本部门职责");
		file.redispatch(COMMAND_CENTRE, URBAN_MANAGEMENT, NOW.plus(HANDLE_TIME), null);
		file.start(ASSIGNED_DEPARTMENT, null);
		file.supervise(COMMAND_CENTRE, "领导督办");
		file.handle(ASSIGNED_DEPARTMENT, "张强已清理，联系人 13800138000", List.of(UUID.randomUUID()));
		file.verifyPass(GRID_WORKER, "陈晓敏现场核查", List.of(UUID.randomUUID()));
		file.close(COMMAND_CENTRE, null);
		file.rate(CODE, 5);

		List<PublicTimelineEntry> shown = file.publicTimeline();

		assertThat(shown).extracting(PublicTimelineEntry::action)
			.containsExactly(CaseAction.REPORT, CaseAction.ACCEPT, CaseAction.DISPATCH, CaseAction.START,
					CaseAction.HANDLE, CaseAction.VERIFY_PASS, CaseAction.CLOSE, CaseAction.RATE);
		String rendered = shown.toString();
		for (String secret : List.of("内部备注", "张强", "13800138000", "陈晓敏", "王芳", "督办", "非本部门")) {
			assertThat(rendered).doesNotContain(secret);
		}
		assertThat(PublicTimelineEntry.class.getRecordComponents()).extracting(c -> c.getName())
			.containsExactly("at", "action", "status");
		TimelineEntry internal = file.timeline()
			.stream()
			.filter(e -> e.action() == CaseAction.RETURN)
			.findFirst()
			.orElseThrow();
		assertThat(internal.publicSafe()).isFalse();
		assertThatThrownBy(internal::publicView).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void everyTransitionAppendsATimelineEntryAndRegistersAnEvent() {
		CaseFile file = closedCase(clock);

		assertThat(file.timeline()).extracting(TimelineEntry::action)
			.containsExactly(CaseAction.REPORT, CaseAction.ACCEPT, CaseAction.DISPATCH, CaseAction.START,
					CaseAction.HANDLE, CaseAction.VERIFY_PASS, CaseAction.CLOSE);
		assertThat(file.timeline()).extracting(TimelineEntry::to)
			.containsExactly(CaseStatus.REPORTED, CaseStatus.ACCEPTED, CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS,
					CaseStatus.HANDLED, CaseStatus.VERIFIED, CaseStatus.CLOSED);
		assertThat(file.timeline().get(3).actorName()).isEqualTo(ASSIGNED_DEPARTMENT.displayName());
		assertThat(file.timeline().get(3).role()).isEqualTo("DEPARTMENT");
		assertThat(file.domainEvents()).hasSize(7).allSatisfy(e -> {
			assertThat(e.caseId()).isEqualTo(file.id());
			assertThat(e.gridCode()).isEqualTo(GRID);
			assertThat(e.categoryCode()).isEqualTo(CATEGORY);
		});
		assertThat(file.domainEvents().get(0)).isInstanceOf(CaseReported.class);
		file.clearDomainEvents();
		assertThat(file.domainEvents()).isEmpty();
	}

	@Test
	void timelineTimesComeFromTheClock() {
		CaseFile file = reportedCase(clock);
		clock.advance(Duration.ofMinutes(30));

		file.accept(COMMAND_CENTRE, NOW.plus(ACCEPT_TIME), null);

		assertThat(file.timeline()).extracting(TimelineEntry::at).containsExactly(NOW, NOW.plusSeconds(1800));
	}

	@Test
	void acceptingAfterTheAcceptanceDeadlineIsNotOnTime() {
		CaseFile file = reportedCase(clock);
		clock.advance(ACCEPT_TIME.plusMinutes(1));

		file.accept(COMMAND_CENTRE, NOW.plus(ACCEPT_TIME), null);

		assertThat(file.figures().acceptedOnTime()).isFalse();
		assertThat(file.figures().timeToAccept()).isEqualTo(ACCEPT_TIME.plusMinutes(1));
		assertThat(file.domainEvents()).last()
			.isInstanceOfSatisfying(CaseAccepted.class, e -> assertThat(e.acceptedOnTime()).isFalse());
	}

	@Test
	void acceptingAtTheDeadlineIsOnTime() {
		CaseFile file = reportedCase(clock);
		clock.advance(ACCEPT_TIME);

		file.accept(COMMAND_CENTRE, NOW.plus(ACCEPT_TIME), null);

		assertThat(file.figures().acceptedOnTime()).isTrue();
	}

	@Test
	void handlingAfterTheDeadlineIsNotOnTimeAndTimeToHandleRunsFromTheDispatch() {
		CaseFile file = inProgressCase(clock);
		clock.advance(HANDLE_TIME.plusHours(5));

		file.handle(ASSIGNED_DEPARTMENT, "已处理", List.of());

		assertThat(file.figures().handledOnTime()).isFalse();
		assertThat(file.figures().timeToHandle()).isEqualTo(HANDLE_TIME.plusHours(5));
	}

	@Test
	void aReturnedCaseWasNotDispatchedCorrectly() {
		CaseFile file = returnedCase(clock);
		file.redispatch(COMMAND_CENTRE, WATER, clock.instant().plus(HANDLE_TIME), null);

		assertThat(file.figures().dispatchedCorrectly()).isFalse();
		assertThat(file.figures().returnCount()).isEqualTo(1);
		assertThat(file.assignee()).isEqualTo(WATER);
		assertThat(file.domainEvents()).last()
			.isInstanceOfSatisfying(CaseDispatched.class, e -> assertThat(e.redispatch()).isTrue());
	}

	@Test
	void aCaseNeverReturnedWasDispatchedCorrectly() {
		assertThat(closedCase(clock).figures().dispatchedCorrectly()).isTrue();
	}

	@Test
	void closingPublishesTheFiguresOfTheIndicators() {
		CaseFile file = handledCase(clock);
		file.verifyFail(GRID_WORKER, "未整改", List.of());
		file.resume(ASSIGNED_DEPARTMENT, null);
		file.handle(ASSIGNED_DEPARTMENT, "已整改", List.of());
		file.verifyPass(GRID_WORKER, null, List.of());
		file.close(COMMAND_CENTRE, null);

		assertThat(file.domainEvents()).last().isInstanceOfSatisfying(CaseClosed.class, e -> {
			assertThat(e.acceptedOnTime()).isTrue();
			assertThat(e.dispatchedCorrectly()).isTrue();
			assertThat(e.handledOnTime()).isTrue();
			assertThat(e.reworkCount()).isEqualTo(1);
			assertThat(e.supervised()).isFalse();
		});
	}

	@Test
	void supervisionFlagsTheCaseAndCountsEveryTime() {
		CaseFile file = dispatchedCase(clock);

		file.supervise(COMMAND_CENTRE, "请加快");
		file.supervise(COMMAND_CENTRE, "再次督办");

		assertThat(file.figures().supervised()).isTrue();
		assertThat(file.figures().supervisionCount()).isEqualTo(2);
		assertThat(file.domainEvents()).last()
			.isInstanceOfSatisfying(CaseSupervised.class, e -> assertThat(e.assignee()).isEqualTo(URBAN_MANAGEMENT));
	}

	@Test
	void dueSoonIsMarkedAtEightyPercentOfTheDeadlineOnlyOnce() {
		CaseFile file = dispatchedCase(clock);
		Instant dueSoonAt = NOW.plus(HANDLE_TIME.multipliedBy(4).dividedBy(5));

		assertThat(file.dueSoonAt()).isEqualTo(dueSoonAt);
		assertThat(file.markDueSoon(dueSoonAt.minusSeconds(1))).isFalse();
		assertThat(file.markDueSoon(dueSoonAt)).isTrue();
		assertThat(file.markDueSoon(dueSoonAt.plusSeconds(60))).isFalse();
		assertThat(file.figures().dueSoon()).isTrue();
		assertThat(file.timeline()).filteredOn(e -> e.action() == CaseAction.MARK_DUE_SOON).hasSize(1);
	}

	@Test
	void overdueIsMarkedOnlyOnce() {
		CaseFile file = inProgressCase(clock);
		Instant deadline = file.deadline();
		int eventsBefore = file.domainEvents().size();

		assertThat(file.markOverdue(deadline)).isFalse();
		assertThat(file.markOverdue(deadline.plusSeconds(1))).isTrue();
		assertThat(file.markOverdue(deadline.plusSeconds(2))).isFalse();
		assertThat(file.markOverdue(deadline.plus(Duration.ofDays(3)))).isFalse();

		assertThat(file.domainEvents()).hasSize(eventsBefore + 1).last().isInstanceOf(CaseOverdue.class);
		assertThat(file.timeline()).filteredOn(e -> e.action() == CaseAction.MARK_OVERDUE).hasSize(1)
			.allSatisfy(e -> assertThat(e.publicSafe()).isFalse());
	}

	@Test
	void overdueRaisesSupervision() {
		CaseFile file = inProgressCase(clock);

		file.markOverdue(file.deadline().plusSeconds(1));

		assertThat(file.figures().supervised()).isTrue();
		assertThat(file.figures().supervisionCount()).isEqualTo(1);
		assertThat(file.figures().overdue()).isTrue();
	}

	@Test
	void anApprovedExtensionLetsTheWatcherMarkAgainAgainstTheNewDeadline() {
		CaseFile file = inProgressCase(clock);
		Instant first = file.deadline();
		file.markOverdue(first.plusSeconds(1));
		file.requestExtension(ASSIGNED_DEPARTMENT, first.plus(Duration.ofDays(3)), "等待配件");
		file.approveExtension(COMMAND_CENTRE, null);

		assertThat(file.figures().overdue()).isFalse();
		assertThat(file.markOverdue(first.plusSeconds(2))).isFalse();
		assertThat(file.markOverdue(first.plus(Duration.ofDays(3)).plusSeconds(1))).isTrue();
	}

	@Test
	void theWatcherLeavesCasesWithoutARunningDeadlineAlone() {
		Instant farFuture = NOW.plus(Duration.ofDays(365));

		assertThat(reportedCase(clock).markOverdue(farFuture)).isFalse();
		assertThat(handledCase(clock).markOverdue(farFuture)).isFalse();
		assertThat(closedCase(clock).markDueSoon(farFuture)).isFalse();
	}

	@Test
	void aClosedCaseIsRatedOnceWithItsTrackingCode() {
		CaseFile file = closedCase(clock);

		file.rate(CODE, 5);

		assertThat(file.rating()).isEqualTo(5);
		assertThatThrownBy(() -> file.rate(CODE, 3)).isInstanceOfSatisfying(DomainException.class,
				e -> assertThat(e.code()).isEqualTo("cases.already-rated"));
		assertThat(file.rating()).isEqualTo(5);
	}

	@Test
	void aRatingOutsideOneToFiveStarsIsRefused() {
		CaseFile file = closedCase(clock);

		assertThatThrownBy(() -> file.rate(CODE, 0)).isInstanceOfSatisfying(DomainException.class,
				e -> assertThat(e.code()).isEqualTo("cases.rating-invalid"));
		assertThatThrownBy(() -> file.rate(CODE, 6)).isInstanceOf(DomainException.class);
		assertThat(file.rating()).isNull();
	}

	@Test
	void anotherTrackingCodeCannotRateTheCase() {
		CaseFile file = closedCase(clock);

		assertThatThrownBy(() -> file.rate(TrackingCode.generate(), 5)).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void rejectingAndReturningNeedAReason() {
		assertThatThrownBy(() -> reportedCase(clock).reject(COMMAND_CENTRE, "  "))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("cases.reason-required"));
		assertThatThrownBy(() -> dispatchedCase(clock).returnToCommandCentre(ASSIGNED_DEPARTMENT, null))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("cases.reason-required"));
	}

	@Test
	void handlingNeedsAResult() {
		CaseFile file = inProgressCase(clock);

		assertThatThrownBy(() -> file.handle(ASSIGNED_DEPARTMENT, "", List.of()))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("cases.result-required"));
		assertThat(file.status()).isEqualTo(CaseStatus.IN_PROGRESS);
	}

	@Test
	void aNoteLongerThanTheLimitIsRefusedAndNothingChanges() {
		CaseFile file = reportedCase(clock);

		assertThatThrownBy(() -> file.accept(COMMAND_CENTRE, NOW.plus(ACCEPT_TIME), "长".repeat(2001)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("cases.text-too-long"));
		assertThat(file.status()).isEqualTo(CaseStatus.REPORTED);
		assertThat(file.figures().acceptedOnTime()).isNull();
	}

	@Test
	void aCaseCannotBeMergedIntoItself() {
		CaseFile file = reportedCase(clock);

		assertThatThrownBy(() -> file.mergeInto(COMMAND_CENTRE, file.id(), null))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("cases.merge-into-itself"));
	}

	@Test
	void aMergedCaseLinksTheCaseItWasMergedInto() {
		CaseFile file = reportedCase(clock);
		UUID other = UUID.randomUUID();

		file.mergeInto(COMMAND_CENTRE, other, null);

		assertThat(file.mergedInto()).isEqualTo(other);
		assertThat(file.status()).isEqualTo(CaseStatus.MERGED);
	}

	@Test
	void aDeadlineInThePastCannotBeGivenWhenDispatching() {
		CaseFile file = acceptedCase(clock);

		assertThatThrownBy(() -> file.dispatch(COMMAND_CENTRE, URBAN_MANAGEMENT, NOW, null))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.code()).isEqualTo("cases.deadline-not-in-future"));
		assertThat(file.assignee()).isNull();
	}

	@Test
	void aStaleVersionIsAConflictWithTheCurrentStatus() {
		CaseFile file = dispatchedCase(clock);

		file.requireVersion(0);
		assertThatThrownBy(() -> file.requireVersion(1)).isInstanceOfSatisfying(DomainException.class, e -> {
			assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
			assertThat(e.code()).isEqualTo("cases.stale-version");
			assertThat(e.properties()).containsEntry("currentStatus", "DISPATCHED");
		});
	}

	@Test
	void anUnassignedCaseIsSeenByTheWiderRegionOnly() {
		CaseFile file = CaseFile.report(clock, CaseSource.HOTLINE, CATEGORY, COMMUNITY, CODE, COMMAND_CENTRE);

		assertThat(file.allowedActions(COMMAND_CENTRE)).contains(CaseAction.ACCEPT);
		assertThat(file.allowedActions(OUT_OF_SCOPE_COMMAND_CENTRE)).isEmpty();
		assertThat(file.domainEvents()).extracting(CaseEvent::gridCode).containsExactly(COMMUNITY);
	}

	@Test
	void assigningAGridMovesAnUnassignedCaseIntoThatGrid() {
		CaseFile file = CaseFile.report(clock, CaseSource.HOTLINE, CATEGORY, COMMUNITY, true, CODE, COMMAND_CENTRE);
		file.clearDomainEvents();

		file.assignGrid(COMMAND_CENTRE, GRID, "按地址归入网格");

		assertThat(file.gridCode()).isEqualTo(GRID);
		assertThat(file.unassigned()).isFalse();
		assertThat(file.status()).isEqualTo(CaseStatus.REPORTED);
		assertThat(file.domainEvents()).singleElement()
			.isInstanceOfSatisfying(io.gridgov.cases.CaseGridAssigned.class,
					e -> assertThat(e.previousRegion()).isEqualTo(COMMUNITY));
	}

	@Test
	void aGridOutsideTheActorsScopeCannotBeAssigned() {
		CaseFile file = reportedCase(clock);
		RegionCode elsewhere = RegionCode.of("440705001001001");

		assertThatThrownBy(() -> file.assignGrid(COMMAND_CENTRE, elsewhere, null))
			.isInstanceOf(io.gridgov.platform.problem.RecordNotFoundException.class);
		assertThat(file.gridCode()).isEqualTo(GRID);
	}

	@Test
	void aRestoredCaseKeepsEveryFigureAndNumbersNewTimelineEntriesAfterTheStoredOnes() {
		CaseFile file = inProgressCase(clock);
		file.supervise(COMMAND_CENTRE, "加快");
		CaseFile.Snapshot stored = file.snapshot();

		CaseFile restored = CaseFile.restore(clock, stored, java.util.List.of());

		assertThat(restored.snapshot()).isEqualTo(stored);
		assertThat(restored.newTimelineEntries()).isEmpty();
		restored.handle(ASSIGNED_DEPARTMENT, "已清理", java.util.List.of());
		assertThat(restored.newTimelineEntries()).singleElement()
			.extracting(TimelineEntry::action)
			.isEqualTo(CaseAction.HANDLE);
		assertThat(restored.snapshot().timelineSize()).isEqualTo(stored.timelineSize() + 1);
		assertThat(restored.snapshot().status()).isEqualTo(CaseStatus.HANDLED);
	}
}
