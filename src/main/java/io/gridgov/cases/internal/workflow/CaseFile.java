package io.gridgov.cases.internal.workflow;

import static io.gridgov.cases.internal.workflow.TransitionPolicy.Capacity.ASSIGNEE;
import static io.gridgov.cases.internal.workflow.TransitionPolicy.Capacity.COMMAND_CENTRE;
import static io.gridgov.cases.internal.workflow.TransitionPolicy.Capacity.GRID_WORKER_OF_GRID;
import static io.gridgov.cases.internal.workflow.TransitionPolicy.Capacity.RESIDENT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.gridgov.cases.Assignee;
import io.gridgov.cases.CaseAccepted;
import io.gridgov.cases.CaseAction;
import io.gridgov.cases.CaseClosed;
import io.gridgov.cases.CaseDispatched;
import io.gridgov.cases.CaseDueSoon;
import io.gridgov.cases.CaseEvent;
import io.gridgov.cases.CaseExtensionApproved;
import io.gridgov.cases.CaseExtensionRequested;
import io.gridgov.cases.CaseGridAssigned;
import io.gridgov.cases.CaseHandled;
import io.gridgov.cases.CaseMerged;
import io.gridgov.cases.CaseOverdue;
import io.gridgov.cases.CaseRated;
import io.gridgov.cases.CaseRejected;
import io.gridgov.cases.CaseReported;
import io.gridgov.cases.CaseResumed;
import io.gridgov.cases.CaseReturned;
import io.gridgov.cases.CaseReworkRequested;
import io.gridgov.cases.CaseSource;
import io.gridgov.cases.CaseStarted;
import io.gridgov.cases.CaseStatus;
import io.gridgov.cases.CaseSupervised;
import io.gridgov.cases.CaseVerified;
import io.gridgov.cases.TrackingCode;
import io.gridgov.cases.internal.workflow.TransitionPolicy.Capacity;
import io.gridgov.platform.Ids;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.RegionCode;

/**
 * The case aggregate: its status, who it is assigned to, its deadline, the figures of the
 * indicators, the timeline and the events still to be published. Every change is one method that
 * checks the actor's scope (outside it the case does not exist for them), then the
 * {@link TransitionPolicy}, then its own preconditions, and only then changes anything.
 * <p>
 * <b>Version.</b> {@link #version()} is the version the case was loaded with. The aggregate never
 * changes it: the persistence layer saves with {@code UPDATE … WHERE id = ? AND version = ?},
 * increments it, and turns zero updated rows into the same 409 as {@link #requireVersion(long)}, so
 * that of two handlers acting at once exactly one wins. A client that sends the version it saw is
 * checked with {@link #requireVersion(long)} before any transition.
 */
public class CaseFile {

	static final String RECORD_TYPE = "case";
	static final int TEXT_MAX = 2000;
	private static final String SYSTEM = "SYSTEM";
	private static final Set<CaseAction> PUBLIC_ACTIONS = EnumSet.of(CaseAction.REPORT, CaseAction.ACCEPT,
			CaseAction.REJECT, CaseAction.MERGE, CaseAction.DISPATCH, CaseAction.START, CaseAction.HANDLE,
			CaseAction.SOLVE_ON_THE_SPOT, CaseAction.VERIFY_PASS, CaseAction.CLOSE, CaseAction.RATE);

	private final Clock clock;
	private final UUID id;
	private final TrackingCode trackingCode;
	private final CaseSource source;
	private final String categoryCode;
	private RegionCode gridCode;
	private boolean unassigned;
	private final Instant reportedAt;
	private final long version;
	private int persistedTimelineSize;
	private int loadedHistory;

	private CaseStatus status = CaseStatus.REPORTED;
	private Assignee assignee;
	private UUID mergedInto;
	private Instant firstDispatchedAt;
	private Instant deadlineFrom;
	private Instant deadline;
	private Instant pendingExtension;
	private Boolean acceptedOnTime;
	private boolean dispatchedCorrectly = true;
	private Boolean handledOnTime;
	private Duration timeToAccept;
	private Duration timeToHandle;
	private int reworkCount;
	private int returnCount;
	private int extensionCount;
	private boolean supervised;
	private int supervisionCount;
	private boolean dueSoon;
	private boolean overdue;
	private boolean solvedOnTheSpot;
	private Integer rating;
	private final List<TimelineEntry> timeline = new ArrayList<>();
	private final List<CaseEvent> events = new ArrayList<>();

	private CaseFile(Clock clock, UUID id, TrackingCode trackingCode, CaseSource source, String categoryCode,
			RegionCode gridCode, Instant reportedAt, long version) {
		this.clock = clock;
		this.id = id;
		this.trackingCode = trackingCode;
		this.source = source;
		this.categoryCode = categoryCode;
		this.gridCode = gridCode;
		this.reportedAt = reportedAt;
		this.version = version;
	}

	/**
	 * A new case in REPORTED. {@code gridCode} is the grid the locator found, or the wider region
	 * of a case no grid contains (the unassigned queue); {@code reporter} is empty for a resident.
	 */
	public static CaseFile report(Clock clock, CaseSource source, String categoryCode, RegionCode gridCode,
			TrackingCode trackingCode, CaseActor reporter) {
		return report(clock, source, categoryCode, gridCode, false, trackingCode, reporter);
	}

	/**
	 * A new case in REPORTED; {@code unassigned} when no grid contains its position and
	 * {@code gridCode} is the wider region it was reported in.
	 */
	public static CaseFile report(Clock clock, CaseSource source, String categoryCode, RegionCode gridCode,
			boolean unassigned, TrackingCode trackingCode, CaseActor reporter) {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(categoryCode, "categoryCode");
		Objects.requireNonNull(gridCode, "gridCode");
		Objects.requireNonNull(trackingCode, "trackingCode");
		Instant now = clock.instant();
		CaseFile file = new CaseFile(clock, Ids.newId(clock), trackingCode, source, categoryCode, gridCode, now, 0);
		file.unassigned = unassigned;
		if (reporter == null) {
			file.timeline.add(new TimelineEntry(now, null, null, RESIDENT.name(), null, CaseStatus.REPORTED,
					CaseAction.REPORT, null, List.of(), true));
		}
		else {
			file.timeline.add(new TimelineEntry(now, reporter.actor().userId(), reporter.displayName(),
					primaryRole(reporter), null, CaseStatus.REPORTED, CaseAction.REPORT, null, List.of(), true));
		}
		file.events.add(new CaseReported(file.id, gridCode, categoryCode, now, source));
		return file;
	}

	private static String primaryRole(CaseActor reporter) {
		return reporter.actor().roles().stream().sorted().findFirst().orElse(SYSTEM);
	}

	public void accept(CaseActor who, Instant acceptDeadline, String note) {
		Objects.requireNonNull(acceptDeadline, "acceptDeadline");
		Capacity as = authorize(who, CaseAction.ACCEPT);
		String text = optionalText(note);
		Instant now = clock.instant();
		acceptedOnTime = !now.isAfter(acceptDeadline);
		timeToAccept = Duration.between(reportedAt, now);
		move(who, as, CaseAction.ACCEPT, text, List.of());
		events.add(new CaseAccepted(id, gridCode, categoryCode, now, acceptedOnTime, timeToAccept));
	}

	public void reject(CaseActor who, String reason) {
		Capacity as = authorize(who, CaseAction.REJECT);
		String text = requiredText(reason, "cases.reason-required");
		move(who, as, CaseAction.REJECT, text, List.of());
		events.add(new CaseRejected(id, gridCode, categoryCode, clock.instant()));
	}

	public void mergeInto(CaseActor who, UUID otherCaseId, String note) {
		Objects.requireNonNull(otherCaseId, "otherCaseId");
		Capacity as = authorize(who, CaseAction.MERGE);
		if (otherCaseId.equals(id)) {
			throw new DomainException(ErrorKind.INVALID, "cases.merge-into-itself");
		}
		String text = optionalText(note);
		mergedInto = otherCaseId;
		move(who, as, CaseAction.MERGE, text, List.of());
		events.add(new CaseMerged(id, gridCode, categoryCode, clock.instant(), otherCaseId));
	}

	/** Dispatches an accepted case; {@code handleDeadline} is the deadline of the handling stage. */
	public void dispatch(CaseActor who, Assignee to, Instant handleDeadline, String note) {
		dispatch(who, CaseAction.DISPATCH, to, handleDeadline, note);
	}

	/** Dispatches a returned case again, to the same or another assignee, with a new deadline. */
	public void redispatch(CaseActor who, Assignee to, Instant handleDeadline, String note) {
		dispatch(who, CaseAction.REDISPATCH, to, handleDeadline, note);
	}

	private void dispatch(CaseActor who, CaseAction action, Assignee to, Instant handleDeadline, String note) {
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(handleDeadline, "handleDeadline");
		Capacity as = authorize(who, action);
		String text = optionalText(note);
		Instant now = clock.instant();
		if (!handleDeadline.isAfter(now)) {
			throw new DomainException(ErrorKind.INVALID, "cases.deadline-not-in-future");
		}
		assignee = to;
		if (firstDispatchedAt == null) {
			firstDispatchedAt = now;
		}
		setDeadline(now, handleDeadline);
		move(who, as, action, text, List.of());
		events.add(new CaseDispatched(id, gridCode, categoryCode, now, to, handleDeadline,
				action == CaseAction.REDISPATCH));
	}

	/** The assignee takes the case on. */
	public void start(CaseActor who, String note) {
		Capacity as = authorize(who, CaseAction.START);
		move(who, as, CaseAction.START, optionalText(note), List.of());
		events.add(new CaseStarted(id, gridCode, categoryCode, clock.instant(), assignee));
	}

	/** The assignee sends the case back to the command centre: not theirs. */
	public void returnToCommandCentre(CaseActor who, String reason) {
		Capacity as = authorize(who, CaseAction.RETURN);
		String text = requiredText(reason, "cases.reason-required");
		dispatchedCorrectly = false;
		returnCount++;
		move(who, as, CaseAction.RETURN, text, List.of());
		events.add(new CaseReturned(id, gridCode, categoryCode, clock.instant(), assignee));
	}

	public void handle(CaseActor who, String result, List<UUID> evidence) {
		Capacity as = authorize(who, CaseAction.HANDLE);
		String text = requiredText(result, "cases.result-required");
		Instant now = clock.instant();
		handledOnTime = deadline == null || !now.isAfter(deadline);
		timeToHandle = Duration.between(firstDispatchedAt == null ? reportedAt : firstDispatchedAt, now);
		move(who, as, CaseAction.HANDLE, text, evidence);
		events.add(new CaseHandled(id, gridCode, categoryCode, now, assignee, handledOnTime, timeToHandle, false));
	}

	/**
	 * A grid worker who reported a problem on patrol fixed it at once (就地解决): the case goes to
	 * HANDLED, assigned to that worker, and still needs verification.
	 */
	public void solveOnTheSpot(CaseActor who, String result, List<UUID> evidence) {
		Capacity as = authorize(who, CaseAction.SOLVE_ON_THE_SPOT);
		String text = requiredText(result, "cases.result-required");
		Instant now = clock.instant();
		assignee = who.actsFor()
			.stream()
			.filter(a -> a.kind() == Assignee.Kind.GRID_WORKER)
			.findFirst()
			.orElse(Assignee.gridWorker(who.actor().userId().toString()));
		solvedOnTheSpot = true;
		handledOnTime = true;
		timeToHandle = Duration.between(reportedAt, now);
		move(who, as, CaseAction.SOLVE_ON_THE_SPOT, text, evidence);
		events.add(new CaseHandled(id, gridCode, categoryCode, now, assignee, true, timeToHandle, true));
	}

	public void verifyPass(CaseActor who, String note, List<UUID> photos) {
		Capacity as = authorize(who, CaseAction.VERIFY_PASS);
		move(who, as, CaseAction.VERIFY_PASS, optionalText(note), photos);
		events.add(new CaseVerified(id, gridCode, categoryCode, clock.instant()));
	}

	/** The on-site check failed: back to the assignee for rework. */
	public void verifyFail(CaseActor who, String reason, List<UUID> photos) {
		Capacity as = authorize(who, CaseAction.VERIFY_FAIL);
		String text = requiredText(reason, "cases.reason-required");
		reworkCount++;
		move(who, as, CaseAction.VERIFY_FAIL, text, photos);
		events.add(new CaseReworkRequested(id, gridCode, categoryCode, clock.instant(), assignee, reworkCount));
	}

	public void resume(CaseActor who, String note) {
		Capacity as = authorize(who, CaseAction.RESUME);
		move(who, as, CaseAction.RESUME, optionalText(note), List.of());
		events.add(new CaseResumed(id, gridCode, categoryCode, clock.instant(), assignee));
	}

	public void close(CaseActor who, String note) {
		Capacity as = authorize(who, CaseAction.CLOSE);
		move(who, as, CaseAction.CLOSE, optionalText(note), List.of());
		events.add(new CaseClosed(id, gridCode, categoryCode, clock.instant(), source, acceptedOnTime,
				dispatchedCorrectly, handledOnTime, reworkCount, timeToAccept, timeToHandle, supervised,
				solvedOnTheSpot));
	}

	/** The assignee asks for a later deadline; the command centre decides. */
	public void requestExtension(CaseActor who, Instant newDeadline, String reason) {
		Objects.requireNonNull(newDeadline, "newDeadline");
		Capacity as = authorize(who, CaseAction.REQUEST_EXTENSION);
		String text = requiredText(reason, "cases.reason-required");
		if (!newDeadline.isAfter(deadline)) {
			throw new DomainException(ErrorKind.INVALID, "cases.extension-not-later", deadline);
		}
		pendingExtension = newDeadline;
		move(who, as, CaseAction.REQUEST_EXTENSION, text, List.of());
		events.add(new CaseExtensionRequested(id, gridCode, categoryCode, clock.instant(), assignee, newDeadline));
	}

	/**
	 * Approves the pending extension: the deadline moves, and the due-soon and overdue markers start
	 * afresh against it.
	 */
	public void approveExtension(CaseActor who, String note) {
		Capacity as = authorize(who, CaseAction.APPROVE_EXTENSION);
		String text = optionalText(note);
		setDeadline(deadlineFrom, pendingExtension);
		pendingExtension = null;
		extensionCount++;
		move(who, as, CaseAction.APPROVE_EXTENSION, text, List.of());
		events.add(new CaseExtensionApproved(id, gridCode, categoryCode, clock.instant(), assignee, deadline));
	}

	/**
	 * Puts the case in a grid by hand: an unassigned case, or one filed in the wrong grid. The new
	 * grid must be inside the actor's scope too.
	 */
	public void assignGrid(CaseActor who, RegionCode grid, String note) {
		Objects.requireNonNull(grid, "grid");
		Capacity as = authorize(who, CaseAction.ASSIGN_GRID);
		if (!who.actor().canSee(grid)) {
			throw RecordNotFoundException.outOfScope("grid", grid);
		}
		String text = optionalText(note);
		RegionCode previous = gridCode;
		gridCode = grid;
		unassigned = false;
		move(who, as, CaseAction.ASSIGN_GRID, text, List.of());
		events.add(new CaseGridAssigned(id, grid, categoryCode, clock.instant(), previous));
	}

	/** Puts the case under supervision (督办); the event tells the assignee. */
	public void supervise(CaseActor who, String note) {
		Capacity as = authorize(who, CaseAction.SUPERVISE);
		String text = optionalText(note);
		supervised = true;
		supervisionCount++;
		move(who, as, CaseAction.SUPERVISE, text, List.of());
		events.add(new CaseSupervised(id, gridCode, categoryCode, clock.instant(), assignee, supervisionCount));
	}

	/** The reporter rates a closed case, once, with the tracking code they were given. */
	public void rate(TrackingCode presented, int stars) {
		if (!trackingCode.equals(presented)) {
			throw RecordNotFoundException.notFound(RECORD_TYPE, presented);
		}
		if (rating != null) {
			throw new DomainException(ErrorKind.CONFLICT, "cases.already-rated");
		}
		if (TransitionPolicy.permits(status, CaseAction.RATE, Set.of(RESIDENT)).isEmpty()) {
			throw new TransitionNotAllowedException(status, CaseAction.RATE, List.of());
		}
		if (stars < 1 || stars > 5) {
			throw new DomainException(ErrorKind.INVALID, "cases.rating-invalid", stars);
		}
		Instant now = clock.instant();
		rating = stars;
		timeline.add(new TimelineEntry(now, null, null, RESIDENT.name(), status, status, CaseAction.RATE, null,
				List.of(), true));
		events.add(new CaseRated(id, gridCode, categoryCode, now, stars));
	}

	/**
	 * Called by the deadline watcher: marks the case due soon once 80 % of the time to its deadline
	 * has passed. Returns whether it changed, so that each case is escalated exactly once.
	 */
	public boolean markDueSoon(Instant now) {
		if (!deadlineRuns() || dueSoon || now.isBefore(dueSoonAt())) {
			return false;
		}
		dueSoon = true;
		timeline.add(new TimelineEntry(now, null, null, SYSTEM, status, status, CaseAction.MARK_DUE_SOON, null,
				List.of(), false));
		events.add(new CaseDueSoon(id, gridCode, categoryCode, now, assignee, deadline));
		return true;
	}

	/**
	 * Called by the deadline watcher: marks the case overdue once its deadline has passed and puts
	 * it under supervision. Returns whether it changed, so that each case is escalated exactly once.
	 */
	public boolean markOverdue(Instant now) {
		if (!deadlineRuns() || overdue || !now.isAfter(deadline)) {
			return false;
		}
		overdue = true;
		dueSoon = true;
		supervised = true;
		supervisionCount++;
		timeline.add(new TimelineEntry(now, null, null, SYSTEM, status, status, CaseAction.MARK_OVERDUE, null,
				List.of(), false));
		events.add(new CaseOverdue(id, gridCode, categoryCode, now, assignee, deadline, supervisionCount));
		return true;
	}

	/** When the watcher should mark this case due soon: 80 % of the way to its deadline. */
	public Instant dueSoonAt() {
		if (deadline == null) {
			return null;
		}
		return deadlineFrom.plus(Duration.between(deadlineFrom, deadline).multipliedBy(4).dividedBy(5));
	}

	private boolean deadlineRuns() {
		return deadline != null && switch (status) {
			case DISPATCHED, RETURNED, IN_PROGRESS, REWORK -> true;
			default -> false;
		};
	}

	private void setDeadline(Instant from, Instant until) {
		deadlineFrom = from;
		deadline = until;
		dueSoon = false;
		overdue = false;
	}

	/** Refuses a client that acted on another version than the current one. */
	public void requireVersion(long expected) {
		if (expected != version) {
			throw new DomainException(ErrorKind.CONFLICT, "cases.stale-version", expected, version)
				.with("currentStatus", status.name())
				.with("currentVersion", version);
		}
	}

	/** What this actor may do to the case now; empty when the case is outside their scope. */
	public List<CaseAction> allowedActions(CaseActor who) {
		if (!who.actor().canSee(gridCode)) {
			return List.of();
		}
		return TransitionPolicy.actionsFor(status, capacitiesOf(who)).stream().filter(this::preconditionHolds).toList();
	}

	private boolean preconditionHolds(CaseAction action) {
		return switch (action) {
			case SOLVE_ON_THE_SPOT -> source == CaseSource.PATROL;
			case REQUEST_EXTENSION -> pendingExtension == null && deadline != null;
			case APPROVE_EXTENSION -> pendingExtension != null;
			case RATE -> rating == null;
			default -> true;
		};
	}

	private Set<Capacity> capacitiesOf(CaseActor who) {
		Set<Capacity> capacities = EnumSet.noneOf(Capacity.class);
		if (who.actor().hasRole(COMMAND_CENTRE.name())) {
			capacities.add(COMMAND_CENTRE);
		}
		if (who.actsFor(assignee) && who.actor().hasRole(assignee.kind().name())) {
			capacities.add(ASSIGNEE);
		}
		if (who.actor().hasRole("GRID_WORKER") && who.servesGrids().contains(gridCode)) {
			capacities.add(GRID_WORKER_OF_GRID);
		}
		return capacities;
	}

	private Capacity authorize(CaseActor who, CaseAction action) {
		Objects.requireNonNull(who, "who");
		if (!who.actor().canSee(gridCode)) {
			throw RecordNotFoundException.outOfScope(RECORD_TYPE, id);
		}
		Set<Capacity> capacities = capacitiesOf(who);
		TransitionPolicy.Rule rule = TransitionPolicy.rule(status, action).orElse(null);
		if (rule == null || !preconditionHolds(action)) {
			throw new TransitionNotAllowedException(status, action, allowedActions(who));
		}
		return rule.by()
			.stream()
			.filter(capacities::contains)
			.sorted()
			.findFirst()
			.orElseThrow(() -> new TransitionNotAllowedException(status, action, allowedActions(who)));
	}

	private void move(CaseActor who, Capacity as, CaseAction action, String note, List<UUID> attachmentIds) {
		CaseStatus to = TransitionPolicy.rule(status, action).orElseThrow().to();
		String role = switch (as) {
			case ASSIGNEE -> assignee.kind().name();
			case GRID_WORKER_OF_GRID -> "GRID_WORKER";
			default -> as.name();
		};
		timeline.add(new TimelineEntry(clock.instant(), who.actor().userId(), who.displayName(), role, status, to,
				action, note, attachmentIds == null ? List.of() : attachmentIds, PUBLIC_ACTIONS.contains(action)));
		status = to;
	}

	private static String optionalText(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() > TEXT_MAX) {
			throw new DomainException(ErrorKind.INVALID, "cases.text-too-long", TEXT_MAX);
		}
		return text.strip();
	}

	private static String requiredText(String text, String code) {
		String stripped = optionalText(text);
		if (stripped == null) {
			throw new DomainException(ErrorKind.INVALID, code);
		}
		return stripped;
	}

	public UUID id() {
		return id;
	}

	public TrackingCode trackingCode() {
		return trackingCode;
	}

	public CaseSource source() {
		return source;
	}

	public String categoryCode() {
		return categoryCode;
	}

	public RegionCode gridCode() {
		return gridCode;
	}

	public Instant reportedAt() {
		return reportedAt;
	}

	public long version() {
		return version;
	}

	public CaseStatus status() {
		return status;
	}

	public Assignee assignee() {
		return assignee;
	}

	public UUID mergedInto() {
		return mergedInto;
	}

	public Instant deadline() {
		return deadline;
	}

	public Instant pendingExtension() {
		return pendingExtension;
	}

	public Integer rating() {
		return rating;
	}

	public CaseFigures figures() {
		return new CaseFigures(acceptedOnTime, dispatchedCorrectly, handledOnTime, reworkCount, timeToAccept,
				timeToHandle, supervised, supervisionCount, returnCount, extensionCount, deadline, dueSoon, overdue,
				solvedOnTheSpot);
	}

	public List<TimelineEntry> timeline() {
		return List.copyOf(timeline);
	}

	/** The timeline as the tracking page shows it: public-safe entries only, stripped. */
	public List<PublicTimelineEntry> publicTimeline() {
		return timeline.stream().filter(TimelineEntry::publicSafe).map(TimelineEntry::publicView).toList();
	}

	/** The events registered since the case was loaded, to be written to the outbox with it. */
	public List<CaseEvent> domainEvents() {
		return List.copyOf(events);
	}

	public void clearDomainEvents() {
		events.clear();
	}

	public boolean unassigned() {
		return unassigned;
	}

	/** The timeline entries added since the case was loaded (or reported), to be stored. */
	public List<TimelineEntry> newTimelineEntries() {
		return List.copyOf(timeline.subList(loadedHistory, timeline.size()));
	}

	/** How many timeline entries the store already holds; new entries are numbered from here. */
	public int persistedTimelineSize() {
		return persistedTimelineSize;
	}

	/** Everything the store keeps of the case apart from its timeline. */
	public Snapshot snapshot() {
		return new Snapshot(id, trackingCode, source, categoryCode, gridCode, unassigned, reportedAt, version, status,
				assignee, mergedInto, firstDispatchedAt, deadlineFrom, deadline, pendingExtension, acceptedOnTime,
				dispatchedCorrectly, handledOnTime, timeToAccept, timeToHandle, reworkCount, returnCount,
				extensionCount, supervised, supervisionCount, dueSoon, overdue, solvedOnTheSpot, rating,
				persistedTimelineSize + timeline.size() - loadedHistory);
	}

	/**
	 * A case as stored. {@code history} is the part of its timeline the caller loaded: all of it
	 * for a view, none for a transition (the aggregate decides without it); either way new entries
	 * are numbered after {@code snapshot.timelineSize()}.
	 */
	public static CaseFile restore(Clock clock, Snapshot snapshot, List<TimelineEntry> history) {
		CaseFile file = new CaseFile(clock, snapshot.id(), snapshot.trackingCode(), snapshot.source(),
				snapshot.categoryCode(), snapshot.gridCode(), snapshot.reportedAt(), snapshot.version());
		file.unassigned = snapshot.unassigned();
		file.status = snapshot.status();
		file.assignee = snapshot.assignee();
		file.mergedInto = snapshot.mergedInto();
		file.firstDispatchedAt = snapshot.firstDispatchedAt();
		file.deadlineFrom = snapshot.deadlineFrom();
		file.deadline = snapshot.deadline();
		file.pendingExtension = snapshot.pendingExtension();
		file.acceptedOnTime = snapshot.acceptedOnTime();
		file.dispatchedCorrectly = snapshot.dispatchedCorrectly();
		file.handledOnTime = snapshot.handledOnTime();
		file.timeToAccept = snapshot.timeToAccept();
		file.timeToHandle = snapshot.timeToHandle();
		file.reworkCount = snapshot.reworkCount();
		file.returnCount = snapshot.returnCount();
		file.extensionCount = snapshot.extensionCount();
		file.supervised = snapshot.supervised();
		file.supervisionCount = snapshot.supervisionCount();
		file.dueSoon = snapshot.dueSoon();
		file.overdue = snapshot.overdue();
		file.solvedOnTheSpot = snapshot.solvedOnTheSpot();
		file.rating = snapshot.rating();
		file.timeline.addAll(history);
		file.loadedHistory = history.size();
		file.persistedTimelineSize = snapshot.timelineSize();
		return file;
	}

	/** The stored state of a case; {@code timelineSize} counts its stored timeline entries. */
	public record Snapshot(UUID id, TrackingCode trackingCode, CaseSource source, String categoryCode,
			RegionCode gridCode, boolean unassigned, Instant reportedAt, long version, CaseStatus status,
			Assignee assignee, UUID mergedInto, Instant firstDispatchedAt, Instant deadlineFrom, Instant deadline,
			Instant pendingExtension, Boolean acceptedOnTime, boolean dispatchedCorrectly, Boolean handledOnTime,
			Duration timeToAccept, Duration timeToHandle, int reworkCount, int returnCount, int extensionCount,
			boolean supervised, int supervisionCount, boolean dueSoon, boolean overdue, boolean solvedOnTheSpot,
			Integer rating, int timelineSize) {
	}
}
