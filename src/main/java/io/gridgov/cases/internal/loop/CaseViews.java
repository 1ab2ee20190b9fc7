package io.gridgov.cases.internal.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.gridgov.cases.Assignee;
import io.gridgov.cases.CaseAction;
import io.gridgov.cases.CaseSource;
import io.gridgov.cases.CaseStatus;
import io.gridgov.cases.Catalogue;
import io.gridgov.cases.CategoryInfo;
import io.gridgov.cases.DepartmentInfo;
import io.gridgov.cases.internal.cache.ShortLivedCache;
import io.gridgov.cases.internal.workflow.CaseFigures;
import io.gridgov.cases.internal.workflow.CaseFile;
import io.gridgov.cases.internal.workflow.PublicTimelineEntry;
import io.gridgov.cases.internal.workflow.TimelineEntry;
import io.gridgov.geo.GridInfo;
import io.gridgov.geo.Grids;
import io.gridgov.geo.Region;
import io.gridgov.geo.Regions;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.workforce.GridStaff;
import io.gridgov.workforce.StaffMember;

/** The JSON shapes of the case API and how they are filled in. */
@Component
class CaseViews {

	record AssigneeView(Assignee.Kind kind, String targetId, String name) {
	}

	record CaseSummary(UUID id, String trackingCode, CaseStatus status, CaseSource source, String categoryCode,
			String categoryName, String categoryNameEn, String gridCode, String gridName, String communityCode,
			String communityName, boolean unassigned, String description, Instant reportedAt, Instant acceptDeadline,
			Instant deadline, boolean dueSoon, boolean overdue, boolean supervised, AssigneeView assignee,
			long version) {
	}

	record Reporter(String name, String phoneMasked) {
	}

	record Routing(UUID ruleId, boolean byDefault) {
	}

	record Figures(Boolean acceptedOnTime, boolean dispatchedCorrectly, Boolean handledOnTime, int reworkCount,
			Long timeToAcceptSeconds, Long timeToHandleSeconds, int supervisionCount, int returnCount,
			int extensionCount, boolean solvedOnTheSpot) {
	}

	record TimelineView(Instant at, String actorName, String role, CaseStatus from, CaseStatus to, CaseAction action,
			String note, List<UUID> attachmentIds) {
	}

	record AttachmentRef(UUID id, String contentType, boolean publicSafe) {
	}

	record CaseDetail(UUID id, String trackingCode, CaseStatus status, CaseSource source, String categoryCode,
			String categoryName, String categoryNameEn, String closureCondition, String gridCode, String gridName,
			String communityCode, String communityName, boolean unassigned, Integer boundaryVersion, String description,
			String address, Double longitude, Double latitude, Instant reportedAt, Instant acceptDeadline,
			Instant deadline, boolean dueSoon, boolean overdue, boolean supervised, AssigneeView assignee,
			Reporter reporter, String hotlineOrderNo, UUID mergedInto, Routing routing, Instant pendingExtension,
			Integer rating, String ratingComment, String result, Figures figures, List<CaseAction> allowedActions,
			List<AttachmentRef> attachments, List<TimelineView> timeline, long version) {
	}

	record PublicStep(Instant at, CaseAction action, CaseStatus to) {
	}

	record PublicPhoto(UUID id) {
	}

	record TrackingView(String trackingCode, CaseStatus status, String categoryName, String categoryNameEn,
			String gridName, Instant reportedAt, boolean canRate, Integer rating, String ratingComment,
			List<PublicPhoto> photos, List<PublicStep> timeline) {
	}

	record Receipt(String trackingCode, CaseStatus status) {
	}

	private static final int SUMMARY_TEXT = 120;

	private final Catalogue catalogue;
	private final Grids grids;
	private final Regions regions;
	private final GridStaff staff;

	/** Grid and region names change rarely; a few seconds' staleness spares a query per view. */
	private final ShortLivedCache<String, String[]> placeNames;

	CaseViews(Catalogue catalogue, Grids grids, Regions regions, GridStaff staff,
			@Value("${gridgov.cases.place-cache-ttl:5s}") Duration ttl) {
		this.catalogue = catalogue;
		this.grids = grids;
		this.regions = regions;
		this.staff = staff;
		this.placeNames = new ShortLivedCache<>(ttl, 10_000);
	}

	/** Looks names up once per request, however many rows need them. */
	Names names() {
		return new Names();
	}

	final class Names {

		private final Map<String, Optional<CategoryInfo>> categories = new HashMap<>();
		private final Map<RegionCode, String[]> places = new HashMap<>();
		private final Map<Assignee, String> assignees = new HashMap<>();

		Optional<CategoryInfo> category(String code) {
			return categories.computeIfAbsent(code, catalogue::findLeaf);
		}

		/** grid name, community code, community name; for an unassigned case the region's name. */
		String[] place(RegionCode code, boolean unassigned) {
			return places.computeIfAbsent(code, c -> placeNames.get(c.value() + (unassigned ? "?" : ""), k -> {
				if (!unassigned) {
					Optional<GridInfo> grid = grids.find(c);
					if (grid.isPresent()) {
						GridInfo g = grid.get();
						return new String[] { g.name(), g.communityCode().value(), g.communityName() };
					}
				}
				String name = regions.find(c).map(Region::name).orElse(c.value());
				return new String[] { name, null, null };
			}));
		}

		AssigneeView assignee(Assignee assignee) {
			if (assignee == null) {
				return null;
			}
			String name = assignees.computeIfAbsent(assignee, a -> switch (a.kind()) {
				case DEPARTMENT -> catalogue.findDepartment(a.targetId()).map(DepartmentInfo::name).orElse(a.targetId());
				case GRID_WORKER -> parse(a.targetId()).flatMap(staff::find)
					.map(StaffMember::name)
					.orElse(a.targetId());
			});
			return new AssigneeView(assignee.kind(), assignee.targetId(), name);
		}
	}

	private static Optional<UUID> parse(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	CaseSummary summary(CaseStore.Stored stored, Names names) {
		CaseFile.Snapshot s = stored.snapshot();
		Optional<CategoryInfo> category = names.category(s.categoryCode());
		String[] place = names.place(s.gridCode(), s.unassigned());
		String text = stored.details().description();
		return new CaseSummary(s.id(), s.trackingCode().display(), s.status(), s.source(), s.categoryCode(),
				category.map(CategoryInfo::name).orElse(s.categoryCode()),
				category.map(CategoryInfo::nameEn).orElse(s.categoryCode()), s.gridCode().value(), place[0],
				communityCode(stored, place), place[2], s.unassigned(),
				text.length() > SUMMARY_TEXT ? text.substring(0, SUMMARY_TEXT) + "…" : text, s.reportedAt(),
				stored.details().acceptDeadline(), s.deadline(), s.dueSoon(), s.overdue(), s.supervised(), names.assignee(s.assignee()), s.version());
	}

	private static String communityCode(CaseStore.Stored stored, String[] place) {
		RegionCode community = stored.details().communityCode();
		return community != null ? community.value() : place[1];
	}

	CaseDetail detail(CaseStore.Stored stored, CaseFile file, List<TimelineEntry> timeline,
			List<AttachmentRef> attachments, List<CaseAction> allowed, Names names) {
		CaseFile.Snapshot s = stored.snapshot();
		CaseStore.Details d = stored.details();
		Optional<CategoryInfo> category = names.category(s.categoryCode());
		String[] place = names.place(s.gridCode(), s.unassigned());
		CaseFigures f = file.figures();
		Reporter reporter = d.reporterName() == null && d.reporterPhone() == null ? null
				: new Reporter(d.reporterName(), d.reporterPhone() == null ? null : d.reporterPhoneMasked());
		return new CaseDetail(s.id(), s.trackingCode().display(), s.status(), s.source(), s.categoryCode(),
				category.map(CategoryInfo::name).orElse(s.categoryCode()),
				category.map(CategoryInfo::nameEn).orElse(s.categoryCode()),
				category.map(CategoryInfo::closureCondition).orElse(null), s.gridCode().value(), place[0],
				communityCode(stored, place), place[2], s.unassigned(), d.boundaryVersion(), d.description(),
				d.address(), d.longitude(), d.latitude(), s.reportedAt(), d.acceptDeadline(), s.deadline(), s.dueSoon(),
				s.overdue(), s.supervised(), names.assignee(s.assignee()), reporter, d.hotlineOrderNo(), s.mergedInto(),
				s.assignee() == null ? null : new Routing(d.routingRuleId(), d.routingRuleId() == null),
				s.pendingExtension(), s.rating(), d.ratingComment(), latestResult(timeline),
				new Figures(f.acceptedOnTime(), f.dispatchedCorrectly(), f.handledOnTime(), f.reworkCount(),
						f.timeToAccept() == null ? null : f.timeToAccept().toSeconds(),
						f.timeToHandle() == null ? null : f.timeToHandle().toSeconds(), f.supervisionCount(),
						f.returnCount(), f.extensionCount(), f.solvedOnTheSpot()),
				allowed, attachments,
				timeline.stream()
					.map(e -> new TimelineView(e.at(), e.actorName(), e.role(), e.from(), e.to(), e.action(), e.note(),
							e.attachmentIds()))
					.toList(),
				s.version());
	}

	/** The handling result: the note of the latest HANDLE or SOLVE_ON_THE_SPOT entry. */
	private static String latestResult(List<TimelineEntry> timeline) {
		for (int i = timeline.size() - 1; i >= 0; i--) {
			TimelineEntry e = timeline.get(i);
			if (e.action() == CaseAction.HANDLE || e.action() == CaseAction.SOLVE_ON_THE_SPOT) {
				return e.note();
			}
		}
		return null;
	}

	TrackingView tracking(CaseStore.Stored stored, CaseFile file, List<UUID> publicPhotos, Names names) {
		CaseFile.Snapshot s = stored.snapshot();
		Optional<CategoryInfo> category = names.category(s.categoryCode());
		String[] place = names.place(s.gridCode(), s.unassigned());
		List<PublicTimelineEntry> steps = file.publicTimeline();
		return new TrackingView(s.trackingCode().display(), s.status(),
				category.map(CategoryInfo::name).orElse(s.categoryCode()),
				category.map(CategoryInfo::nameEn).orElse(s.categoryCode()), place[0], s.reportedAt(),
				s.status() == CaseStatus.CLOSED && s.rating() == null, s.rating(), stored.details().ratingComment(),
				publicPhotos.stream().map(PublicPhoto::new).toList(),
				steps.stream().map(e -> new PublicStep(e.at(), e.action(), e.status())).toList());
	}

}
