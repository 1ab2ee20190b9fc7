package io.gridgov.cases.internal.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.cases.Assignee;
import io.gridgov.cases.CaseAccepted;
import io.gridgov.cases.CaseClosed;
import io.gridgov.cases.CaseDispatched;
import io.gridgov.cases.CaseDueSoon;
import io.gridgov.cases.CaseEvent;
import io.gridgov.cases.CaseExtensionApproved;
import io.gridgov.cases.CaseExtensionRequested;
import io.gridgov.cases.CaseGridAssigned;
import io.gridgov.cases.CaseHandled;
import io.gridgov.cases.CaseHistory;
import io.gridgov.cases.CaseMerged;
import io.gridgov.cases.CaseOverdue;
import io.gridgov.cases.CaseRated;
import io.gridgov.cases.CaseRejected;
import io.gridgov.cases.CaseReported;
import io.gridgov.cases.CaseResumed;
import io.gridgov.cases.CaseReturned;
import io.gridgov.cases.CaseReworkRequested;
import io.gridgov.cases.CaseStarted;
import io.gridgov.cases.CaseSupervised;
import io.gridgov.cases.CaseVerified;
import io.gridgov.cases.internal.workflow.CaseFile;
import io.gridgov.cases.internal.workflow.TimelineEntry;
import io.gridgov.platform.scope.RegionCode;

/** The stored cases and their timelines, replayed as events (see {@link CaseHistory}). */
@Component
class StoredCaseHistory implements CaseHistory {

	private static final int PAGE = 1000;

	private final CaseStore store;

	StoredCaseHistory(CaseStore store) {
		this.store = store;
	}

	@Override
	@Transactional(readOnly = true)
	public long count() {
		return store.count();
	}

	@Override
	@Transactional(readOnly = true)
	public void replay(Consumer<CaseEvent> sink) {
		UUID after = null;
		while (true) {
			List<CaseStore.Stored> page = store.pageAfter(after, PAGE);
			if (page.isEmpty()) {
				return;
			}
			Map<UUID, List<TimelineEntry>> timelines = store
				.timelines(page.stream().map(s -> s.snapshot().id()).toList());
			for (CaseStore.Stored stored : page) {
				replay(stored.snapshot(), timelines.getOrDefault(stored.snapshot().id(), List.of()), sink);
			}
			after = page.get(page.size() - 1).snapshot().id();
		}
	}

	static void replay(CaseFile.Snapshot s, List<TimelineEntry> timeline, Consumer<CaseEvent> sink) {
		UUID id = s.id();
		RegionCode grid = s.gridCode();
		String category = s.categoryCode();
		Assignee assignee = s.assignee();
		int rework = 0;
		int supervision = 0;
		for (TimelineEntry e : timeline) {
			Instant at = e.at();
			CaseEvent event = switch (e.action()) {
				case REPORT -> new CaseReported(id, grid, category, at, s.source());
				case ACCEPT -> new CaseAccepted(id, grid, category, at, Boolean.TRUE.equals(s.acceptedOnTime()),
						s.timeToAccept());
				case REJECT -> new CaseRejected(id, grid, category, at);
				case MERGE -> new CaseMerged(id, grid, category, at, s.mergedInto());
				case DISPATCH, REDISPATCH -> assignee == null ? null
						: new CaseDispatched(id, grid, category, at, assignee, s.deadline(),
								e.action() == io.gridgov.cases.CaseAction.REDISPATCH);
				case START -> new CaseStarted(id, grid, category, at, assignee);
				case RETURN -> new CaseReturned(id, grid, category, at, assignee);
				case HANDLE, SOLVE_ON_THE_SPOT -> new CaseHandled(id, grid, category, at, assignee,
						Boolean.TRUE.equals(s.handledOnTime()), orZero(s.timeToHandle()),
						e.action() == io.gridgov.cases.CaseAction.SOLVE_ON_THE_SPOT);
				case VERIFY_PASS -> new CaseVerified(id, grid, category, at);
				case VERIFY_FAIL -> new CaseReworkRequested(id, grid, category, at, assignee, ++rework);
				case RESUME -> new CaseResumed(id, grid, category, at, assignee);
				case CLOSE -> new CaseClosed(id, grid, category, at, s.source(), s.acceptedOnTime(),
						s.dispatchedCorrectly(), s.handledOnTime(), s.reworkCount(), s.timeToAccept(), s.timeToHandle(),
						s.supervised(), s.solvedOnTheSpot());
				case REQUEST_EXTENSION -> new CaseExtensionRequested(id, grid, category, at, assignee,
						s.pendingExtension() != null ? s.pendingExtension() : s.deadline());
				case APPROVE_EXTENSION -> new CaseExtensionApproved(id, grid, category, at, assignee, s.deadline());
				case SUPERVISE -> new CaseSupervised(id, grid, category, at, assignee, ++supervision);
				case ASSIGN_GRID -> new CaseGridAssigned(id, grid, category, at, grid);
				case RATE -> s.rating() == null ? null : new CaseRated(id, grid, category, at, s.rating());
				case MARK_DUE_SOON -> new CaseDueSoon(id, grid, category, at, assignee, s.deadline());
				case MARK_OVERDUE -> new CaseOverdue(id, grid, category, at, assignee, s.deadline(), ++supervision);
			};
			if (event != null) {
				sink.accept(event);
			}
		}
	}

	private static Duration orZero(Duration d) {
		return d == null ? Duration.ZERO : d;
	}
}
