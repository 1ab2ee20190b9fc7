package io.gridgov.cases.internal.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.cases.Assignee;
import io.gridgov.cases.CaseAction;
import io.gridgov.cases.CaseEvent;
import io.gridgov.cases.CaseSource;
import io.gridgov.cases.CaseStatus;
import io.gridgov.cases.Catalogue;
import io.gridgov.cases.CategoryInfo;
import io.gridgov.cases.DeadlineStage;
import io.gridgov.cases.Deadlines;
import io.gridgov.cases.DepartmentInfo;
import io.gridgov.cases.Routing;
import io.gridgov.cases.RoutingProposal;
import io.gridgov.cases.RoutingTarget;
import io.gridgov.cases.TrackingCode;
import io.gridgov.cases.internal.loop.CaseCommands.ActOnCase;
import io.gridgov.cases.internal.loop.CaseCommands.PublicReport;
import io.gridgov.cases.internal.loop.CaseCommands.ReportCase;
import io.gridgov.cases.internal.loop.CaseViews.AssigneeView;
import io.gridgov.cases.internal.loop.CaseViews.AttachmentRef;
import io.gridgov.cases.internal.loop.CaseViews.CaseDetail;
import io.gridgov.cases.internal.loop.CaseViews.CaseSummary;
import io.gridgov.cases.internal.loop.CaseViews.Receipt;
import io.gridgov.cases.internal.loop.CaseViews.TrackingView;
import io.gridgov.cases.internal.workflow.CaseActor;
import io.gridgov.cases.internal.workflow.CaseFile;
import io.gridgov.cases.internal.workflow.TimelineEntry;
import io.gridgov.geo.GridHit;
import io.gridgov.geo.GridInfo;
import io.gridgov.geo.GridLocator;
import io.gridgov.geo.Grids;
import io.gridgov.geo.Regions;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.personaldata.Masking;
import io.gridgov.platform.personaldata.PersonalDataCipher;
import io.gridgov.platform.personaldata.PersonalDataReveals;
import io.gridgov.platform.personaldata.ProtectedValue;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.workforce.GridStaff;
import io.gridgov.workforce.StaffMember;

/**
 * The use cases of the case loop: intake from every source, each transition, the views. Every
 * change is one transaction that saves the case (optimistic version), appends its timeline,
 * writes an audit row and publishes the aggregate's events to the outbox.
 */
@Service
class CaseService {

	static final String RECORD_TYPE = "case";
	static final String PHONE_FIELD = "cases_case.reporter_phone";
	static final int DESCRIPTION_MAX = 4000;
	private static final int NAME_MAX = 50;
	private static final int ADDRESS_MAX = 200;
	private static final int ORDER_NO_MAX = 64;
	private static final Pattern PHONE = Pattern.compile("(1[3-9]\\d{9})|(0\\d{2,3}-?\\d{7,8})|(\\d{7,8})");
	private static final double METRES_PER_DEGREE = 111_320;

	private final CaseStore store;
	private final CaseActors actors;
	private final CaseViews views;
	private final Catalogue catalogue;
	private final Deadlines deadlines;
	private final Routing routing;
	private final GridLocator locator;
	private final Grids grids;
	private final Regions regions;
	private final GridStaff staff;
	private final PersonalDataCipher cipher;
	private final PersonalDataReveals reveals;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final CaseAttachmentLinks attachments;
	private final Clock clock;
	private final double duplicateRadiusMetres;
	private final Duration duplicatePeriod;

	CaseService(CaseStore store, CaseActors actors, CaseViews views, Catalogue catalogue, Deadlines deadlines,
			Routing routing, GridLocator locator, Grids grids, Regions regions, GridStaff staff,
			PersonalDataCipher cipher, PersonalDataReveals reveals, AuditTrail audit,
			ApplicationEventPublisher events, CaseAttachmentLinks attachments, Clock clock,
			@Value("${gridgov.cases.duplicates.radius-metres:50}") double duplicateRadiusMetres,
			@Value("${gridgov.cases.duplicates.period:P7D}") Duration duplicatePeriod) {
		this.store = store;
		this.actors = actors;
		this.views = views;
		this.catalogue = catalogue;
		this.deadlines = deadlines;
		this.routing = routing;
		this.locator = locator;
		this.grids = grids;
		this.regions = regions;
		this.staff = staff;
		this.cipher = cipher;
		this.reveals = reveals;
		this.audit = audit;
		this.events = events;
		this.attachments = attachments;
		// the database keeps microseconds: so does every time the case loop writes, so that a response built
		// from what was written equals a later read
		this.clock = new MicrosecondClock(clock);
		this.duplicateRadiusMetres = duplicateRadiusMetres;
		this.duplicatePeriod = duplicatePeriod;
	}

	// ---------------------------------------------------------------- intake

	/** Where a report lands: a grid with its community and boundary version, or a wider region. */
	record Placement(RegionCode region, RegionCode community, Integer boundaryVersion, boolean unassigned) {
	}

	@Transactional
	CaseDetail report(ReportCase command, Actor actor) {
		CaseSource source = command.source();
		if (source == null || source == CaseSource.RESIDENT || source == CaseSource.IMPORT) {
			throw invalid("source", "cases.source-invalid", String.valueOf(source));
		}
		Intaken done = intake(command, actor);
		CaseFile file = done.file();
		// the 201 body is built from what was just written, not read back
		List<AttachmentRef> photos = command.attachmentIds().isEmpty() ? List.of() : attachments.ofCase(file.id());
		return views.detail(new CaseStore.Stored(file.snapshot(), done.details()), file, file.timeline(), photos,
				file.allowedActions(done.who()), views.names());
	}

	/** A case just taken in: the aggregate, what was stored beside it, and who reported it. */
	record Intaken(CaseFile file, CaseStore.Details details, CaseActor who) {
	}

	/**
	 * The intake that typed-in and imported reports share: validates the command, places it, stores
	 * the case with its REPORT timeline entry, the CASE_REPORT audit row and the outbox event. Runs
	 * in the caller's transaction; the caller has checked the source.
	 */
	Intaken intake(ReportCase command, Actor actor) {
		CaseSource source = command.source();
		CaseActor who = actors.of(actor);
		CategoryInfo category = category(command.categoryCode());
		String description = description(command.description());
		Placement placement = place(command.longitude(), command.latitude(), command.gridCode(), actor.scope());
		if (!actor.canSee(placement.region())) {
			throw invalid("longitude", "cases.position-outside-scope");
		}
		ProtectedValue phone = phone(command.reporterPhone());
		String orderNo = optional(command.hotlineOrderNo(), ORDER_NO_MAX, "hotlineOrderNo");
		if (orderNo != null && store.findByHotlineOrder(orderNo).isPresent()) {
			throw new DomainException(ErrorKind.CONFLICT, "cases.hotline-order-exists", orderNo);
		}
		String reporterName = optional(command.reporterName(), NAME_MAX, "reporterName");
		String address = optional(command.address(), ADDRESS_MAX, "address");
		CaseFile file = CaseFile.report(clock, source, category.code(), placement.region(), placement.unassigned(),
				TrackingCode.generate(), who);
		if (Boolean.TRUE.equals(command.solvedOnTheSpot())) {
			if (source != CaseSource.PATROL) {
				throw invalid("solvedOnTheSpot", "cases.on-the-spot-patrol-only");
			}
			file.solveOnTheSpot(who, command.result(), command.attachmentIds());
		}
		CaseStore.Details details = new CaseStore.Details(placement.community(), placement.boundaryVersion(),
				command.longitude(), command.latitude(), address, description, actor.userId(), reporterName,
				phone == null ? null : phone.ciphertext(), phone == null ? null : phone.hash(),
				phone == null ? null : Masking.phone(command.reporterPhone().strip()), orderNo, null,
				deadlines.deadline(category.code(), DeadlineStage.ACCEPT, file.reportedAt()), null, null,
				clock.instant());
		store.insert(file, details);
		attachments.link(file.id(), command.attachmentIds(), false, actor.userId());
		audit.record(AuditRecord.success("CASE_REPORT", RECORD_TYPE, file.id())
			.withDetail(source + " " + category.code()));
		publish(file);
		return new Intaken(file, details, who);
	}

	@Transactional
	Receipt reportPublic(PublicReport command) {
		CategoryInfo category = category(command.categoryCode());
		String description = description(command.description());
		Placement placement = place(command.longitude(), command.latitude(), command.gridCode(), null);
		ProtectedValue phone = phone(command.phone());
		String address = optional(command.address(), ADDRESS_MAX, "address");
		CaseFile file = CaseFile.report(clock, CaseSource.RESIDENT, category.code(), placement.region(),
				placement.unassigned(), TrackingCode.generate(), null);
		CaseStore.Details details = new CaseStore.Details(placement.community(), placement.boundaryVersion(),
				command.longitude(), command.latitude(), address, description, null, null,
				phone == null ? null : phone.ciphertext(), phone == null ? null : phone.hash(),
				phone == null ? null : Masking.phone(command.phone().strip()), null, null,
				deadlines.deadline(category.code(), DeadlineStage.ACCEPT, file.reportedAt()), null, null,
				clock.instant());
		store.insert(file, details);
		attachments.link(file.id(), command.attachmentIds(), true, null);
		audit.record(AuditRecord.success("CASE_REPORT", RECORD_TYPE, file.id()).withDetail("RESIDENT " + category.code()));
		publish(file);
		return new Receipt(file.trackingCode().display(), file.status());
	}

	private CategoryInfo category(String code) {
		if (code == null || code.isBlank()) {
			throw invalid("categoryCode", "cases.category-unknown", String.valueOf(code));
		}
		return catalogue.findLeaf(code)
			.orElseThrow(() -> invalid("categoryCode", "cases.category-unknown", code));
	}

	private static String description(String text) {
		if (text == null || text.isBlank()) {
			throw invalid("description", "cases.description-required");
		}
		String stripped = text.strip();
		if (stripped.length() > DESCRIPTION_MAX) {
			throw invalid("description", "cases.description-too-long", DESCRIPTION_MAX);
		}
		return stripped;
	}

	private static String optional(String text, int max, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		if (stripped.length() > max) {
			throw invalid(field, "cases.field-too-long", max);
		}
		return stripped;
	}

	private ProtectedValue phone(String phone) {
		if (phone == null || phone.isBlank()) {
			return null;
		}
		String value = phone.strip();
		if (!PHONE.matcher(value).matches()) {
			throw invalid("phone", "cases.phone-invalid");
		}
		return cipher.protect(value, PHONE_FIELD);
	}

	/**
	 * Resolves a report to its grid through the locator; a point outside every grid stays in the
	 * wider region (the unassigned queue), never an error. Without a position a grid code is needed.
	 */
	Placement place(Double longitude, Double latitude, String gridCode, RegionCode fallbackScope) {
		if (longitude != null || latitude != null) {
			if (longitude == null || latitude == null || !Double.isFinite(longitude) || !Double.isFinite(latitude)
					|| longitude < -180 || longitude > 180 || latitude < -90 || latitude > 90) {
				throw invalid("longitude", "cases.position-invalid");
			}
			Optional<GridHit> hit = locator.locate(longitude, latitude);
			if (hit.isPresent()) {
				GridHit h = hit.get();
				return new Placement(h.grid(), h.community(), h.boundaryVersion(), false);
			}
			if (gridCode == null) {
				return new Placement(unassignedRegion(fallbackScope), null, null, true);
			}
		}
		if (gridCode == null || gridCode.isBlank()) {
			throw invalid("longitude", "cases.position-required");
		}
		if (!RegionCode.isValid(gridCode)) {
			throw invalid("gridCode", "cases.grid-unknown", gridCode);
		}
		GridInfo grid = grids.find(RegionCode.of(gridCode))
			.orElseThrow(() -> invalid("gridCode", "cases.grid-unknown", gridCode));
		return new Placement(grid.code(), grid.communityCode(), grid.boundaryVersion(), false);
	}

	private RegionCode unassignedRegion(RegionCode scope) {
		if (scope != null) {
			return scope;
		}
		return regions.roots()
			.stream()
			.findFirst()
			.map(io.gridgov.geo.Region::code)
			.orElseThrow(() -> new IllegalStateException("no region configured"));
	}

	// ---------------------------------------------------------------- transitions

	@Transactional
	CaseDetail act(UUID id, String actionName, ActOnCase command, Actor actor) {
		CaseAction action = actionOf(actionName);
		CaseActor who = actors.of(actor);
		CaseStore.Stored stored = store.find(id).orElseThrow(() -> RecordNotFoundException.notFound(RECORD_TYPE, id));
		CaseFile file = CaseFile.restore(clock, stored.snapshot(), List.of());
		if (!actor.canSee(file.gridCode())) {
			throw RecordNotFoundException.outOfScope(RECORD_TYPE, id);
		}
		if (command.version() == null) {
			throw invalid("version", "cases.version-required");
		}
		file.requireVersion(command.version());
		CaseStore.Details details = stored.details();
		Instant now = clock.instant();
		boolean publicPhotos = false;
		switch (action) {
			case ACCEPT -> file.accept(who, details.acceptDeadline(), command.note());
			case REJECT -> file.reject(who, command.reason());
			case MERGE -> {
				UUID target = command.mergeInto();
				if (target == null) {
					throw invalid("mergeInto", "cases.merge-target-required");
				}
				CaseStore.Stored other = store.find(target)
					.filter(o -> actor.canSee(o.snapshot().gridCode()))
					.orElseThrow(() -> invalid("mergeInto", "cases.merge-target-unknown", target));
				if (other.snapshot().status().isFinal() && !target.equals(id)) {
					throw invalid("mergeInto", "cases.merge-target-final", target);
				}
				file.mergeInto(who, target, command.note());
			}
			case DISPATCH, REDISPATCH -> {
				Assignee to = assignee(command, file);
				Instant due = deadlines.deadline(file.categoryCode(), DeadlineStage.HANDLE, now);
				if (action == CaseAction.DISPATCH) {
					file.dispatch(who, to, due, command.note());
				}
				else {
					file.redispatch(who, to, due, command.note());
				}
				details = withRouting(details, proposedRule(file, to));
			}
			case START -> file.start(who, command.note());
			case RETURN -> file.returnToCommandCentre(who, command.reason());
			case HANDLE -> {
				file.handle(who, command.result(), command.attachmentIds());
				publicPhotos = true;
			}
			case VERIFY_PASS -> file.verifyPass(who, command.note(), command.attachmentIds());
			case VERIFY_FAIL -> file.verifyFail(who, command.reason(), command.attachmentIds());
			case RESUME -> file.resume(who, command.note());
			case CLOSE -> file.close(who, command.note());
			case REQUEST_EXTENSION -> {
				if (command.newDeadline() == null) {
					throw invalid("newDeadline", "cases.new-deadline-required");
				}
				file.requestExtension(who, command.newDeadline(), command.reason());
			}
			case APPROVE_EXTENSION -> file.approveExtension(who, command.note());
			case SUPERVISE -> file.supervise(who, command.note());
			case ASSIGN_GRID -> {
				if (command.gridCode() == null || !RegionCode.isValid(command.gridCode())) {
					throw invalid("gridCode", "cases.grid-unknown", String.valueOf(command.gridCode()));
				}
				GridInfo grid = grids.find(RegionCode.of(command.gridCode()))
					.orElseThrow(() -> invalid("gridCode", "cases.grid-unknown", command.gridCode()));
				file.assignGrid(who, grid.code(), command.note());
				details = new CaseStore.Details(grid.communityCode(), grid.boundaryVersion(), details.longitude(),
						details.latitude(), details.address(), details.description(), details.reporterUserId(),
						details.reporterName(), details.reporterPhone(), details.reporterPhoneHash(),
						details.reporterPhoneMasked(), details.hotlineOrderNo(), details.routingRuleId(),
						details.acceptDeadline(), details.ratingComment(), details.closedAt(), details.updatedAt());
			}
			default -> throw new DomainException(ErrorKind.INVALID, "cases.action-unknown", actionName);
		}
		if (file.status() == CaseStatus.CLOSED) {
			details = withClosedAt(details, now);
		}
		store.update(file, touched(details, now));
		attachments.link(id, command.attachmentIds(), publicPhotos, actor.userId());
		audit.record(AuditRecord.success("CASE_" + action.name(), RECORD_TYPE, id)
			.withDetail(stored.snapshot().status() + " → " + file.status()));
		publish(file);
		return detail(id, actor);
	}

	private static CaseAction actionOf(String name) {
		if (name == null || !name.matches("[a-z-]{2,40}")) {
			throw new DomainException(ErrorKind.INVALID, "cases.action-unknown", String.valueOf(name));
		}
		String constant = name.replace('-', '_').toUpperCase(Locale.ROOT);
		CaseAction action;
		try {
			action = CaseAction.valueOf(constant);
		}
		catch (IllegalArgumentException e) {
			throw new DomainException(ErrorKind.INVALID, "cases.action-unknown", name);
		}
		return switch (action) {
			case REPORT, RATE, MARK_DUE_SOON, MARK_OVERDUE, SOLVE_ON_THE_SPOT ->
				throw new DomainException(ErrorKind.INVALID, "cases.action-unknown", name);
			default -> action;
		};
	}

	private Assignee assignee(ActOnCase command, CaseFile file) {
		if (command.assignee() == null || command.assignee().kind() == null || command.assignee().targetId() == null) {
			throw invalid("assignee", "cases.assignee-required");
		}
		String target = command.assignee().targetId().strip();
		return switch (command.assignee().kind()) {
			case DEPARTMENT -> {
				DepartmentInfo department = catalogue.findDepartment(target)
					.filter(DepartmentInfo::active)
					.orElseThrow(() -> invalid("assignee", "cases.assignee-unknown", target));
				yield Assignee.department(department.code());
			}
			case GRID_WORKER -> {
				UUID workerId;
				try {
					workerId = UUID.fromString(target);
				}
				catch (IllegalArgumentException e) {
					throw invalid("assignee", "cases.assignee-unknown", target);
				}
				StaffMember member = staff.find(workerId)
					.filter(m -> m.grids().stream().anyMatch(g -> file.gridCode().contains(g) || g.equals(file.gridCode())))
					.orElseThrow(() -> invalid("assignee", "cases.assignee-unknown", target));
				yield Assignee.gridWorker(member.workerId().toString());
			}
		};
	}

	/** The rule that proposed this assignee, or null when the operator chose someone else. */
	private UUID proposedRule(CaseFile file, Assignee to) {
		RoutingProposal proposal = routing.propose(file.categoryCode(), file.gridCode());
		Optional<Assignee> proposed = resolve(proposal, file.gridCode());
		return proposed.filter(to::equals).map(p -> proposal.ruleId()).orElse(null);
	}

	Optional<Assignee> resolve(RoutingProposal proposal, RegionCode grid) {
		RoutingTarget target = proposal.target();
		if (target.kind() == RoutingTarget.Kind.DEPARTMENT) {
			return Optional.of(Assignee.department(target.departmentCode()));
		}
		return staff.leadOf(grid).map(lead -> Assignee.gridWorker(lead.workerId().toString()));
	}

	private static CaseStore.Details withRouting(CaseStore.Details d, UUID rule) {
		return new CaseStore.Details(d.communityCode(), d.boundaryVersion(), d.longitude(), d.latitude(), d.address(),
				d.description(), d.reporterUserId(), d.reporterName(), d.reporterPhone(), d.reporterPhoneHash(),
				d.reporterPhoneMasked(), d.hotlineOrderNo(), rule, d.acceptDeadline(), d.ratingComment(), d.closedAt(),
				d.updatedAt());
	}

	private static CaseStore.Details withClosedAt(CaseStore.Details d, Instant at) {
		return new CaseStore.Details(d.communityCode(), d.boundaryVersion(), d.longitude(), d.latitude(), d.address(),
				d.description(), d.reporterUserId(), d.reporterName(), d.reporterPhone(), d.reporterPhoneHash(),
				d.reporterPhoneMasked(), d.hotlineOrderNo(), d.routingRuleId(), d.acceptDeadline(), d.ratingComment(),
				at, d.updatedAt());
	}

	private static CaseStore.Details touched(CaseStore.Details d, Instant at) {
		return new CaseStore.Details(d.communityCode(), d.boundaryVersion(), d.longitude(), d.latitude(), d.address(),
				d.description(), d.reporterUserId(), d.reporterName(), d.reporterPhone(), d.reporterPhoneHash(),
				d.reporterPhoneMasked(), d.hotlineOrderNo(), d.routingRuleId(), d.acceptDeadline(), d.ratingComment(),
				d.closedAt(), at);
	}

	private static CaseStore.Details withComment(CaseStore.Details d, String comment) {
		return new CaseStore.Details(d.communityCode(), d.boundaryVersion(), d.longitude(), d.latitude(), d.address(),
				d.description(), d.reporterUserId(), d.reporterName(), d.reporterPhone(), d.reporterPhoneHash(),
				d.reporterPhoneMasked(), d.hotlineOrderNo(), d.routingRuleId(), d.acceptDeadline(), comment,
				d.closedAt(), d.updatedAt());
	}

	private void publish(CaseFile file) {
		for (CaseEvent event : file.domainEvents()) {
			events.publishEvent(event);
		}
		file.clearDomainEvents();
	}

	// ---------------------------------------------------------------- deadline watcher

	/**
	 * Marks one case due soon or overdue if its moment has come. The row is locked, so a handler's
	 * concurrent save waits and then meets a new version; a second watcher finds nothing to do.
	 */
	@Transactional
	boolean escalate(UUID id) {
		Optional<CaseStore.Stored> found = store.findForUpdate(id);
		if (found.isEmpty()) {
			return false;
		}
		CaseStore.Stored stored = found.get();
		CaseFile file = CaseFile.restore(clock, stored.snapshot(), List.of());
		Instant now = clock.instant();
		boolean changed = file.markDueSoon(now) | file.markOverdue(now);
		CaseStore.Details details = touched(stored.details(), now);
		if (!changed) {
			// nothing due after all (e.g. a deadline moved): store the recomputed watch time
			store.update(file, details);
			return false;
		}
		store.update(file, details);
		for (CaseEvent event : file.domainEvents()) {
			audit.record(AuditRecord.success("CASE_" + (event instanceof io.gridgov.cases.CaseOverdue ? "OVERDUE"
					: "DUE_SOON"), RECORD_TYPE, id));
		}
		publish(file);
		return true;
	}

	List<UUID> due(int limit) {
		return store.due(clock.instant(), limit);
	}

	// ---------------------------------------------------------------- rating, tracking

	@Transactional
	TrackingView rate(String code, CaseCommands.Rate command) {
		TrackingCode tracking = TrackingCode.parse(code);
		CaseStore.Stored stored = store.findByTrackingCode(tracking)
			.orElseThrow(() -> RecordNotFoundException.notFound(RECORD_TYPE, tracking));
		CaseFile file = CaseFile.restore(clock, stored.snapshot(), List.of());
		if (command.stars() == null) {
			throw invalid("stars", "cases.rating-invalid", "null");
		}
		String comment = optional(command.comment(), 500, "comment");
		file.rate(tracking, command.stars());
		store.update(file, touched(withComment(stored.details(), comment), clock.instant()));
		audit.record(AuditRecord.success("CASE_RATE", RECORD_TYPE, file.id()));
		publish(file);
		return track(code);
	}

	@Transactional(readOnly = true)
	TrackingView track(String code) {
		TrackingCode tracking = TrackingCode.parse(code);
		CaseStore.Stored stored = store.findByTrackingCode(tracking)
			.orElseThrow(() -> RecordNotFoundException.notFound(RECORD_TYPE, tracking));
		CaseFile file = CaseFile.restore(clock, stored.snapshot(), store.timeline(stored.snapshot().id()));
		return views.tracking(stored, file, attachments.publicPhotos(file.id()), views.names());
	}

	// ---------------------------------------------------------------- reading

	@Transactional(readOnly = true)
	CaseDetail detail(UUID id, Actor actor) {
		CaseStore.Stored stored = visible(id, actor);
		List<TimelineEntry> timeline = store.timeline(id);
		CaseFile file = CaseFile.restore(clock, stored.snapshot(), timeline);
		return views.detail(stored, file, timeline, attachments.ofCase(id), file.allowedActions(actors.of(actor)),
				views.names());
	}

	CaseStore.Stored visible(UUID id, Actor actor) {
		CaseStore.Stored stored = store.find(id).orElseThrow(() -> RecordNotFoundException.notFound(RECORD_TYPE, id));
		if (!actor.canSee(stored.snapshot().gridCode())) {
			throw RecordNotFoundException.outOfScope(RECORD_TYPE, id);
		}
		return stored;
	}

	/** Whether the actor may see the case (attachments are served on this condition). */
	@Transactional(readOnly = true)
	boolean visibleTo(UUID id, Actor actor) {
		return store.find(id).map(s -> actor.canSee(s.snapshot().gridCode())).orElse(false);
	}

	@Transactional(readOnly = true)
	Optional<UUID> caseOfTrackingCode(String code) {
		TrackingCode tracking;
		try {
			tracking = TrackingCode.parse(code);
		}
		catch (DomainException e) {
			return Optional.empty();
		}
		return store.findByTrackingCode(tracking).map(s -> s.snapshot().id());
	}

	/** The queue's filters as the API receives them. */
	record Query(List<CaseStatus> statuses, String categoryCode, String grid, String community, CaseSource source,
			Boolean dueSoon, Boolean overdue, Boolean unassigned, Boolean supervised, boolean mine,
			boolean reportedByMe, String text) {
	}

	@Transactional(readOnly = true)
	Page<CaseSummary> search(Query q, PageQuery page, Actor actor) {
		RegionCode region = null;
		String regionValue = q.grid() != null ? q.grid() : q.community();
		if (regionValue != null && !regionValue.isBlank()) {
			if (!RegionCode.isValid(regionValue)) {
				throw invalid(q.grid() != null ? "grid" : "community", "cases.grid-unknown", regionValue);
			}
			region = RegionCode.of(regionValue);
		}
		List<String> assigneeIds = null;
		List<String> verifyGrids = null;
		if (q.mine()) {
			CaseActor who = actors.of(actor);
			assigneeIds = who.actsFor().stream().map(Assignee::targetId).toList();
			verifyGrids = who.servesGrids().stream().map(RegionCode::value).toList();
		}
		CaseStore.Filter filter = new CaseStore.Filter(q.statuses(), q.categoryCode(), region, q.source(), q.dueSoon(),
				q.overdue(), q.unassigned(), q.supervised(), assigneeIds, null, verifyGrids,
				q.reportedByMe() ? actor.userId() : null, q.text());
		CaseViews.Names names = views.names();
		return store.search(filter, actor.scope(), page).map(s -> views.summary(s, names));
	}

	record Duplicate(CaseSummary summary, long distanceMetres) {
	}

	/** Open cases of the category near the point, reported within the period, nearest first. */
	@Transactional(readOnly = true)
	List<Duplicate> duplicates(String categoryCode, Double longitude, Double latitude, UUID excludeId, Actor actor) {
		category(categoryCode);
		if (longitude == null || latitude == null || longitude < -180 || longitude > 180 || latitude < -90
				|| latitude > 90) {
			throw invalid("longitude", "cases.position-invalid");
		}
		double dLat = duplicateRadiusMetres / METRES_PER_DEGREE;
		double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(latitude)));
		Instant since = clock.instant().minus(duplicatePeriod);
		CaseViews.Names names = views.names();
		List<Duplicate> found = new ArrayList<>();
		for (CaseStore.Stored s : store.openNear(categoryCode, longitude - dLon, latitude - dLat, longitude + dLon,
				latitude + dLat, since, actor.scope())) {
			if (s.snapshot().id().equals(excludeId) || s.details().longitude() == null) {
				continue;
			}
			double metres = distanceMetres(longitude, latitude, s.details().longitude(), s.details().latitude());
			if (metres <= duplicateRadiusMetres) {
				found.add(new Duplicate(views.summary(s, names), Math.round(metres)));
			}
		}
		found.sort(Comparator.comparingLong(Duplicate::distanceMetres));
		return found;
	}

	/** Distance on the sphere (haversine), in metres. */
	static double distanceMetres(double lon1, double lat1, double lon2, double lat2) {
		double r = 6_371_008.8;
		double p1 = Math.toRadians(lat1);
		double p2 = Math.toRadians(lat2);
		double dp = p2 - p1;
		double dl = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
		return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	record Proposal(AssigneeView assignee, UUID ruleId, boolean byDefault) {
	}

	@Transactional(readOnly = true)
	Proposal proposal(UUID id, Actor actor) {
		CaseStore.Stored stored = visible(id, actor);
		CaseFile.Snapshot s = stored.snapshot();
		RoutingProposal proposal = routing.propose(s.categoryCode(), s.gridCode());
		AssigneeView view = resolve(proposal, s.gridCode()).map(a -> views.names().assignee(a)).orElse(null);
		return new Proposal(view, proposal.ruleId(), proposal.byDefault());
	}

	record AssigneeOptions(List<DepartmentInfo> departments, List<GridWorkerOption> gridWorkers) {
	}

	record GridWorkerOption(UUID id, String name, List<String> grids, boolean lead) {
	}

	/** Whom a case of this grid may be dispatched to: active departments, the grid's workers. */
	@Transactional(readOnly = true)
	AssigneeOptions assignees(String gridCode, Actor actor) {
		List<DepartmentInfo> departments = catalogue.departments().stream().filter(DepartmentInfo::active).toList();
		List<GridWorkerOption> workers = List.of();
		if (gridCode != null && RegionCode.isValid(gridCode) && actor.canSee(RegionCode.of(gridCode))) {
			RegionCode grid = RegionCode.of(gridCode);
			workers = staff.workersOf(grid)
				.stream()
				.map(m -> new GridWorkerOption(m.workerId(), m.name(),
						m.grids().stream().map(RegionCode::value).toList(), m.leads().contains(grid)))
				.toList();
		}
		return new AssigneeOptions(departments, workers);
	}

	@Transactional
	String revealPhone(UUID id, String reason, Actor actor) {
		CaseStore.Stored stored = visible(id, actor);
		if (stored.details().reporterPhone() == null) {
			throw RecordNotFoundException.notFound("reporter-phone", id);
		}
		return reveals.reveal(stored.details().reporterPhone(), PHONE_FIELD, RECORD_TYPE, id, reason);
	}

	static DomainException invalid(String field, String code, Object... args) {
		return new DomainException(ErrorKind.INVALID, code, args).with("field", field);
	}

	/** A clock at microsecond precision (Clock.tick below a millisecond divides by zero in JDK 17's millis()). */
	static final class MicrosecondClock extends Clock {

		private final Clock delegate;

		MicrosecondClock(Clock delegate) {
			this.delegate = delegate;
		}

		@Override
		public Instant instant() {
			return delegate.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		}

		@Override
		public long millis() {
			return delegate.millis();
		}

		@Override
		public java.time.ZoneId getZone() {
			return delegate.getZone();
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return new MicrosecondClock(delegate.withZone(zone));
		}
	}
}
