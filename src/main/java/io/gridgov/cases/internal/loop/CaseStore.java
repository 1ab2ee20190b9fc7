package io.gridgov.cases.internal.loop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.gridgov.cases.Assignee;
import io.gridgov.cases.CaseAction;
import io.gridgov.cases.CaseSource;
import io.gridgov.cases.CaseStatus;
import io.gridgov.cases.TrackingCode;
import io.gridgov.cases.internal.workflow.CaseFile;
import io.gridgov.cases.internal.workflow.TimelineEntry;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.RegionCode;

/**
 * Stores cases and their timelines. A save is {@code UPDATE … WHERE id = ? AND version = ?}: of two
 * handlers who loaded the same version exactly one updates a row, the other gets the 409 of a stale
 * version with the status the winner left.
 */
@Repository
class CaseStore {

	private static final String UPDATE_STATE = """
			UPDATE cases_case SET status = :status, grid_code = :gridCode, community_code = :communityCode,
			  boundary_version = :boundaryVersion, unassigned = :unassigned, assignee_kind = :assigneeKind,
			  assignee_id = :assigneeId, routing_rule_id = :routingRuleId, merged_into = :mergedInto,
			  first_dispatched_at = :firstDispatchedAt, deadline_from = :deadlineFrom, deadline = :deadline,
			  due_soon_at = :dueSoonAt, pending_extension = :pendingExtension, accepted_on_time = :acceptedOnTime,
			  dispatched_correctly = :dispatchedCorrectly, handled_on_time = :handledOnTime,
			  time_to_accept_s = :timeToAccept, time_to_handle_s = :timeToHandle, rework_count = :reworkCount,
			  return_count = :returnCount, extension_count = :extensionCount, supervised = :supervised,
			  supervision_count = :supervisionCount, due_soon = :dueSoon, overdue = :overdue,
			  solved_on_the_spot = :solvedOnTheSpot, rating = :rating, rating_comment = :ratingComment,
			  closed_at = :closedAt, timeline_size = :timelineSize, updated_at = :updatedAt,
			  version = version + 1
			WHERE id = :id AND version = :expectedVersion""";

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;

	CaseStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** What the store keeps beside the aggregate: where, what, who reported, how it was routed. */
	record Details(RegionCode communityCode, Integer boundaryVersion, Double longitude, Double latitude,
			String address, String description, UUID reporterUserId, String reporterName, String reporterPhone,
			String reporterPhoneHash, String reporterPhoneMasked, String hotlineOrderNo, UUID routingRuleId, Instant acceptDeadline,
			String ratingComment, Instant closedAt, Instant updatedAt) {
	}

	/** A stored case: the aggregate's state and the details. */
	record Stored(CaseFile.Snapshot snapshot, Details details) {
	}

	private static final String INSERT = """
				INSERT INTO cases_case (id, tracking_code, source, category_code, status, grid_code, community_code,
				  boundary_version, unassigned, longitude, latitude, address, description, reporter_user_id,
				  reporter_name, reporter_phone, reporter_phone_hash, reporter_phone_masked, hotline_order_no, assignee_kind, assignee_id,
				  routing_rule_id, merged_into, reported_at, accept_deadline, first_dispatched_at, deadline_from,
				  deadline, due_soon_at, pending_extension, accepted_on_time, dispatched_correctly, handled_on_time,
				  time_to_accept_s, time_to_handle_s, rework_count, return_count, extension_count, supervised,
				  supervision_count, due_soon, overdue, solved_on_the_spot, rating, rating_comment, closed_at,
				  timeline_size, updated_at, version)
				VALUES (:id, :trackingCode, :source, :categoryCode, :status, :gridCode, :communityCode,
				  :boundaryVersion, :unassigned, :longitude, :latitude, :address, :description, :reporterUserId,
				  :reporterName, :reporterPhone, :reporterPhoneHash, :reporterPhoneMasked, :hotlineOrderNo, :assigneeKind, :assigneeId,
				  :routingRuleId, :mergedInto, :reportedAt, :acceptDeadline, :firstDispatchedAt, :deadlineFrom,
				  :deadline, :dueSoonAt, :pendingExtension, :acceptedOnTime, :dispatchedCorrectly, :handledOnTime,
				  :timeToAccept, :timeToHandle, :reworkCount, :returnCount, :extensionCount, :supervised,
				  :supervisionCount, :dueSoon, :overdue, :solvedOnTheSpot, :rating, :ratingComment, :closedAt,
				  :timelineSize, :updatedAt, 0)""";

	void insert(CaseFile file, Details d) {
		jdbc.sql(INSERT).params(insertParams(file, d)).update();
		appendTimeline(file);
	}

	/**
	 * Inserts many cases and their timelines in JDBC batches (the demo's history); publishes nothing.
	 */
	void insertAll(List<CaseFile> files, List<Details> details) {
		@SuppressWarnings("unchecked")
		Map<String, Object>[] rows = new Map[files.size()];
		List<Object[]> timeline = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			CaseFile file = files.get(i);
			rows[i] = insertParams(file, details.get(i));
			int seq = file.persistedTimelineSize();
			for (TimelineEntry e : file.newTimelineEntries()) {
				timeline.add(timelineParams(file.id(), seq++, e));
			}
		}
		batch.batchUpdate(INSERT, rows);
		batch.getJdbcTemplate().batchUpdate(TIMELINE_INSERT, timeline);
	}

	private static Map<String, Object> insertParams(CaseFile file, Details d) {
		CaseFile.Snapshot s = file.snapshot();
		Map<String, Object> p = stateParams(s, d);
		p.put("trackingCode", s.trackingCode().value());
		p.put("source", s.source().name());
		p.put("categoryCode", s.categoryCode());
		p.put("reportedAt", ts(s.reportedAt()));
		p.put("description", d.description());
		p.put("longitude", d.longitude());
		p.put("latitude", d.latitude());
		p.put("address", d.address());
		p.put("reporterUserId", d.reporterUserId());
		p.put("reporterName", d.reporterName());
		p.put("reporterPhone", d.reporterPhone());
		p.put("reporterPhoneHash", d.reporterPhoneHash());
		p.put("reporterPhoneMasked", d.reporterPhoneMasked());
		p.put("hotlineOrderNo", d.hotlineOrderNo());
		p.put("acceptDeadline", ts(d.acceptDeadline()));
		return p;
	}

	/**
	 * Saves the aggregate's new state and timeline entries; zero rows updated means somebody else
	 * saved first: a 409 with the state they left.
	 */
	void update(CaseFile file, Details d) {
		CaseFile.Snapshot s = file.snapshot();
		Map<String, Object> p = stateParams(s, d);
		p.put("expectedVersion", s.version());
		int updated = jdbc.sql(UPDATE_STATE).params(p).update();
		if (updated == 0) {
			String current = jdbc.sql("SELECT status FROM cases_case WHERE id = ?")
				.param(s.id())
				.query(String.class)
				.optional()
				.orElse(null);
			Long currentVersion = jdbc.sql("SELECT version FROM cases_case WHERE id = ?")
				.param(s.id())
				.query(Long.class)
				.optional()
				.orElse(null);
			throw new DomainException(ErrorKind.CONFLICT, "cases.stale-version", s.version(), currentVersion)
				.with("currentStatus", current)
				.with("currentVersion", currentVersion);
		}
		appendTimeline(file);
	}

	private static Map<String, Object> stateParams(CaseFile.Snapshot s, Details d) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("id", s.id());
		p.put("status", s.status().name());
		p.put("gridCode", s.gridCode().value());
		p.put("communityCode", d.communityCode() == null ? null : d.communityCode().value());
		p.put("boundaryVersion", d.boundaryVersion());
		p.put("unassigned", s.unassigned());
		p.put("assigneeKind", s.assignee() == null ? null : s.assignee().kind().name());
		p.put("assigneeId", s.assignee() == null ? null : s.assignee().targetId());
		p.put("routingRuleId", d.routingRuleId());
		p.put("mergedInto", s.mergedInto());
		p.put("firstDispatchedAt", ts(s.firstDispatchedAt()));
		p.put("deadlineFrom", ts(s.deadlineFrom()));
		p.put("deadline", ts(s.deadline()));
		p.put("dueSoonAt", ts(dueSoonAt(s)));
		p.put("pendingExtension", ts(s.pendingExtension()));
		p.put("acceptedOnTime", s.acceptedOnTime());
		p.put("dispatchedCorrectly", s.dispatchedCorrectly());
		p.put("handledOnTime", s.handledOnTime());
		p.put("timeToAccept", s.timeToAccept() == null ? null : s.timeToAccept().toSeconds());
		p.put("timeToHandle", s.timeToHandle() == null ? null : s.timeToHandle().toSeconds());
		p.put("reworkCount", s.reworkCount());
		p.put("returnCount", s.returnCount());
		p.put("extensionCount", s.extensionCount());
		p.put("supervised", s.supervised());
		p.put("supervisionCount", s.supervisionCount());
		p.put("dueSoon", s.dueSoon());
		p.put("overdue", s.overdue());
		p.put("solvedOnTheSpot", s.solvedOnTheSpot());
		p.put("rating", s.rating());
		p.put("ratingComment", d.ratingComment());
		p.put("closedAt", ts(d.closedAt()));
		p.put("timelineSize", s.timelineSize());
		p.put("updatedAt", ts(d.updatedAt()));
		return p;
	}

	/**
	 * When the deadline watcher should next look at the case: 80 % of the way to its deadline until
	 * it is marked due soon, then the deadline itself until it is marked overdue; never once a
	 * running deadline no longer applies.
	 */
	static Instant dueSoonAt(CaseFile.Snapshot s) {
		if (s.deadline() == null || s.deadlineFrom() == null) {
			return null;
		}
		boolean running = switch (s.status()) {
			case DISPATCHED, RETURNED, IN_PROGRESS, REWORK -> true;
			default -> false;
		};
		if (!running || s.overdue()) {
			return null;
		}
		if (s.dueSoon()) {
			return s.deadline().plusNanos(1000);
		}
		return s.deadlineFrom().plus(Duration.between(s.deadlineFrom(), s.deadline()).multipliedBy(4).dividedBy(5));
	}

	private static final String TIMELINE_INSERT = """
			INSERT INTO cases_timeline (case_id, seq, at, actor_id, actor_name, role, from_status, to_status,
			  action, note, attachment_ids, public_safe)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private void appendTimeline(CaseFile file) {
		List<TimelineEntry> entries = file.newTimelineEntries();
		int seq = file.persistedTimelineSize();
		for (TimelineEntry e : entries) {
			jdbc.sql(TIMELINE_INSERT).params(timelineParams(file.id(), seq++, e)).update();
		}
	}

	private static Object[] timelineParams(UUID caseId, int seq, TimelineEntry e) {
		return new Object[] { caseId, seq, ts(e.at()), e.actorId(), e.actorName(), e.role(),
				e.from() == null ? null : e.from().name(), e.to().name(), e.action().name(), e.note(),
				e.attachmentIds().isEmpty() ? null
						: String.join(",", e.attachmentIds().stream().map(UUID::toString).toList()),
				e.publicSafe() };
	}

	Optional<Stored> find(UUID id) {
		return jdbc.sql("SELECT * FROM cases_case WHERE id = ?").param(id).query(CaseStore::mapStored).optional();
	}

	/** Locks the row (SELECT … FOR UPDATE) so that the watcher and a handler do not race on it. */
	Optional<Stored> findForUpdate(UUID id) {
		return jdbc.sql("SELECT * FROM cases_case WHERE id = ? FOR UPDATE")
			.param(id)
			.query(CaseStore::mapStored)
			.optional();
	}

	Optional<Stored> findByTrackingCode(TrackingCode code) {
		return jdbc.sql("SELECT * FROM cases_case WHERE tracking_code = ?")
			.param(code.value())
			.query(CaseStore::mapStored)
			.optional();
	}

	Optional<UUID> findByHotlineOrder(String orderNo) {
		return jdbc.sql("SELECT id FROM cases_case WHERE hotline_order_no = ?").param(orderNo).query(UUID.class).optional();
	}

	List<TimelineEntry> timeline(UUID caseId) {
		return jdbc.sql("SELECT * FROM cases_timeline WHERE case_id = ? ORDER BY seq")
			.param(caseId)
			.query((rs, n) -> timelineEntry(rs))
			.list();
	}

	private static TimelineEntry timelineEntry(ResultSet rs) throws SQLException {
		return new TimelineEntry(instant(rs, "at"), rs.getObject("actor_id", UUID.class), rs.getString("actor_name"),
				rs.getString("role"),
				rs.getString("from_status") == null ? null : CaseStatus.valueOf(rs.getString("from_status")),
				CaseStatus.valueOf(rs.getString("to_status")), CaseAction.valueOf(rs.getString("action")),
				rs.getString("note"), ids(rs.getString("attachment_ids")), rs.getBoolean("public_safe"));
	}

	/** Up to {@code limit} stored cases with an id after {@code after} (null: from the first), by id. */
	List<Stored> pageAfter(UUID after, int limit) {
		if (after == null) {
			return jdbc.sql("SELECT * FROM cases_case ORDER BY id LIMIT ?")
				.param(limit)
				.query(CaseStore::mapStored)
				.list();
		}
		return jdbc.sql("SELECT * FROM cases_case WHERE id > ? ORDER BY id LIMIT ?")
			.params(after, limit)
			.query(CaseStore::mapStored)
			.list();
	}

	/** The timelines of these cases, each in order. */
	Map<UUID, List<TimelineEntry>> timelines(List<UUID> caseIds) {
		Map<UUID, List<TimelineEntry>> result = new LinkedHashMap<>();
		if (caseIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT * FROM cases_timeline WHERE case_id IN (:ids) ORDER BY case_id, seq")
			.param("ids", caseIds)
			.query((rs, n) -> {
				result.computeIfAbsent(rs.getObject("case_id", UUID.class), k -> new ArrayList<>())
					.add(timelineEntry(rs));
				return null;
			})
			.list();
		return result;
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single();
	}

	/** The filters of the queue; null means "any". */
	record Filter(List<CaseStatus> statuses, String categoryCode, RegionCode region, CaseSource source, Boolean dueSoon,
			Boolean overdue, Boolean unassigned, Boolean supervised, List<String> assigneeIds, RegionCode verifyGrids,
			List<String> verifyGridCodes, UUID reportedBy, String text) {
	}

	Page<Stored> search(Filter f, RegionCode scope, PageQuery page) {
		StringBuilder where = new StringBuilder(" FROM cases_case WHERE grid_code LIKE :scope");
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("scope", scope.likePattern());
		if (f.statuses() != null && !f.statuses().isEmpty()) {
			where.append(" AND status IN (:statuses)");
			p.put("statuses", f.statuses().stream().map(Enum::name).toList());
		}
		if (f.categoryCode() != null) {
			where.append(" AND (category_code = :category OR category_code LIKE :categoryPrefix)");
			p.put("category", f.categoryCode());
			p.put("categoryPrefix", f.categoryCode() + ".%");
		}
		if (f.region() != null) {
			where.append(" AND grid_code LIKE :region");
			p.put("region", f.region().likePattern());
		}
		if (f.source() != null) {
			where.append(" AND source = :source");
			p.put("source", f.source().name());
		}
		flag(where, "due_soon", f.dueSoon());
		flag(where, "overdue", f.overdue());
		flag(where, "unassigned", f.unassigned());
		flag(where, "supervised", f.supervised());
		List<String> mine = new ArrayList<>();
		if (f.assigneeIds() != null) {
			if (f.assigneeIds().isEmpty()) {
				mine.add("1 = 0");
			}
			else {
				mine.add("(assignee_id IN (:assignees) AND status IN ('DISPATCHED', 'IN_PROGRESS', 'REWORK', 'HANDLED'))");
				p.put("assignees", f.assigneeIds());
			}
		}
		if (f.verifyGridCodes() != null && !f.verifyGridCodes().isEmpty()) {
			mine.add("(status = 'HANDLED' AND grid_code IN (:verifyGrids))");
			p.put("verifyGrids", f.verifyGridCodes());
		}
		if (f.reportedBy() != null) {
			mine.add("reporter_user_id = :reportedBy");
			p.put("reportedBy", f.reportedBy());
		}
		if (!mine.isEmpty()) {
			where.append(" AND (").append(String.join(" OR ", mine)).append(")");
		}
		if (f.text() != null && !f.text().isBlank()) {
			String t = f.text().strip();
			where.append(" AND (description LIKE :text OR tracking_code = :code OR hotline_order_no = :text2)");
			p.put("text", "%" + t.replace("%", "").replace("_", "") + "%");
			p.put("text2", t);
			p.put("code", t.toUpperCase().replace("-", ""));
		}
		long total = jdbc.sql("SELECT COUNT(*)" + where).params(p).query(Long.class).single();
		p.put("limit", page.size());
		p.put("offset", page.offset());
		List<Stored> items = jdbc
			.sql("SELECT *" + where + " ORDER BY reported_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.params(p)
			.query(CaseStore::mapStored)
			.list();
		return Page.of(items, page, total);
	}

	private static void flag(StringBuilder where, String column, Boolean value) {
		if (value != null) {
			where.append(" AND ").append(column).append(value ? " = TRUE" : " = FALSE");
		}
	}

	/**
	 * Open cases of a category reported since {@code since} inside a box around a point; the caller
	 * measures the real distance.
	 */
	List<Stored> openNear(String categoryCode, double minLon, double minLat, double maxLon, double maxLat,
			Instant since, RegionCode scope) {
		return jdbc.sql("""
				SELECT * FROM cases_case
				WHERE category_code = :category AND reported_at >= :since AND grid_code LIKE :scope
				  AND status NOT IN ('REJECTED', 'MERGED', 'CLOSED')
				  AND longitude BETWEEN :minLon AND :maxLon AND latitude BETWEEN :minLat AND :maxLat
				ORDER BY reported_at DESC LIMIT 50""")
			.param("category", categoryCode)
			.param("since", ts(since))
			.param("scope", scope.likePattern())
			.param("minLon", minLon)
			.param("maxLon", maxLon)
			.param("minLat", minLat)
			.param("maxLat", maxLat)
			.query(CaseStore::mapStored)
			.list();
	}

	/** Ids of cases whose due-soon or overdue moment has come, oldest first. */
	List<UUID> due(Instant now, int limit) {
		return jdbc.sql("SELECT id FROM cases_case WHERE due_soon_at <= ? ORDER BY due_soon_at LIMIT ?")
			.params(ts(now), limit)
			.query(UUID.class)
			.list();
	}

	private static Stored mapStored(ResultSet rs, int n) throws SQLException {
		String assigneeKind = rs.getString("assignee_kind");
		Long tta = (Long) rs.getObject("time_to_accept_s", Long.class);
		Long tth = (Long) rs.getObject("time_to_handle_s", Long.class);
		CaseFile.Snapshot s = new CaseFile.Snapshot(rs.getObject("id", UUID.class),
				TrackingCode.parse(rs.getString("tracking_code")), CaseSource.valueOf(rs.getString("source")),
				rs.getString("category_code"), RegionCode.of(rs.getString("grid_code")), rs.getBoolean("unassigned"),
				instant(rs, "reported_at"), rs.getLong("version"), CaseStatus.valueOf(rs.getString("status")),
				assigneeKind == null ? null
						: new Assignee(Assignee.Kind.valueOf(assigneeKind), rs.getString("assignee_id")),
				rs.getObject("merged_into", UUID.class), instant(rs, "first_dispatched_at"),
				instant(rs, "deadline_from"), instant(rs, "deadline"), instant(rs, "pending_extension"),
				bool(rs, "accepted_on_time"), rs.getBoolean("dispatched_correctly"), bool(rs, "handled_on_time"),
				tta == null ? null : Duration.ofSeconds(tta), tth == null ? null : Duration.ofSeconds(tth),
				rs.getInt("rework_count"), rs.getInt("return_count"), rs.getInt("extension_count"),
				rs.getBoolean("supervised"), rs.getInt("supervision_count"), rs.getBoolean("due_soon"),
				rs.getBoolean("overdue"), rs.getBoolean("solved_on_the_spot"), (Integer) rs.getObject("rating", Integer.class),
				rs.getInt("timeline_size"));
		String community = rs.getString("community_code");
		Details d = new Details(community == null ? null : RegionCode.of(community),
				rs.getObject("boundary_version", Integer.class), rs.getObject("longitude", Double.class),
				rs.getObject("latitude", Double.class), rs.getString("address"), rs.getString("description"),
				rs.getObject("reporter_user_id", UUID.class), rs.getString("reporter_name"),
				rs.getString("reporter_phone"), rs.getString("reporter_phone_hash"), rs.getString("reporter_phone_masked"),
				rs.getString("hotline_order_no"),
				rs.getObject("routing_rule_id", UUID.class), instant(rs, "accept_deadline"),
				rs.getString("rating_comment"), instant(rs, "closed_at"), instant(rs, "updated_at"));
		return new Stored(s, d);
	}

	private static Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static List<UUID> ids(String joined) {
		if (joined == null || joined.isBlank()) {
			return List.of();
		}
		return Arrays.stream(joined.split(",")).map(UUID::fromString).toList();
	}

	// ---------------------------------------------------------------- batches (deadline watcher)

	/**
	 * Loads and locks those of the given cases that are still due, in id order: two instances locking
	 * overlapping batches take the row locks in the same order, so they wait for each other instead
	 * of deadlocking, and the one that waited no longer finds the rows the other escalated.
	 */
	List<Stored> findDueForUpdate(List<UUID> ids, Instant now) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM cases_case WHERE id IN (:ids) AND due_soon_at <= :now ORDER BY id FOR UPDATE")
			.param("ids", ids)
			.param("now", ts(now))
			.query(CaseStore::mapStored)
			.list();
	}

	/**
	 * Saves many aggregates in one JDBC batch, each {@code WHERE id = ? AND version = ?}, and their
	 * new timeline entries in a second batch. A row that did not update means its version moved: the
	 * whole batch fails (and its transaction rolls back) with the stale-version conflict.
	 */
	void updateAll(List<CaseFile> files, List<Details> details) {
		if (files.isEmpty()) {
			return;
		}
		MapSqlParameterSource[] rows = new MapSqlParameterSource[files.size()];
		for (int i = 0; i < files.size(); i++) {
			CaseFile.Snapshot s = files.get(i).snapshot();
			Map<String, Object> p = stateParams(s, details.get(i));
			p.put("expectedVersion", s.version());
			rows[i] = new MapSqlParameterSource(p);
		}
		int[] counts = batch.batchUpdate(UPDATE_STATE, rows);
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == 0) {
				CaseFile.Snapshot s = files.get(i).snapshot();
				throw new DomainException(ErrorKind.CONFLICT, "cases.stale-version", s.version(), null);
			}
		}
		List<MapSqlParameterSource> entries = new ArrayList<>();
		for (CaseFile file : files) {
			int seq = file.persistedTimelineSize();
			for (TimelineEntry e : file.newTimelineEntries()) {
				entries.add(new MapSqlParameterSource().addValue("caseId", file.id())
					.addValue("seq", seq++)
					.addValue("at", ts(e.at()))
					.addValue("actorId", e.actorId())
					.addValue("actorName", e.actorName())
					.addValue("role", e.role())
					.addValue("fromStatus", e.from() == null ? null : e.from().name())
					.addValue("toStatus", e.to().name())
					.addValue("action", e.action().name())
					.addValue("note", e.note())
					.addValue("attachmentIds", e.attachmentIds().isEmpty() ? null
							: String.join(",", e.attachmentIds().stream().map(UUID::toString).toList()))
					.addValue("publicSafe", e.publicSafe()));
			}
		}
		if (!entries.isEmpty()) {
			batch.batchUpdate("""
					INSERT INTO cases_timeline (case_id, seq, at, actor_id, actor_name, role, from_status, to_status,
					  action, note, attachment_ids, public_safe)
					VALUES (:caseId, :seq, :at, :actorId, :actorName, :role, :fromStatus, :toStatus, :action, :note,
					  :attachmentIds, :publicSafe)""", entries.toArray(MapSqlParameterSource[]::new));
		}
	}
}
