package io.gridgov.cases.internal.loop;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.cases.Assignee;
import io.gridgov.cases.TrackingCode;
import io.gridgov.cases.internal.workflow.CaseActor;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;

/**
 * The signed-in user's notifications: those of the assignees they act for (their departments,
 * their own grid worker record) on cases inside their region scope. Anyone else's notification
 * answers 404, like a missing one.
 */
@Service
class NotificationInbox {

	static final String RECORD_TYPE = "case-notification";

	record NotificationView(UUID id, UUID caseId, String trackingCode, CaseNotifications.Kind kind,
			String categoryCode, String gridCode, Assignee.Kind assigneeKind, String assigneeId, Instant createdAt,
			Instant readAt) {
	}

	private final JdbcClient jdbc;
	private final CaseActors actors;
	private final AuditTrail audit;
	private final Clock clock;

	NotificationInbox(JdbcClient jdbc, CaseActors actors, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Page<NotificationView> list(boolean unreadOnly, PageQuery page, Actor actor) {
		Map<String, Object> p = new LinkedHashMap<>();
		String where = mine(actor, p);
		if (where == null) {
			return Page.of(List.of(), page, 0);
		}
		if (unreadOnly) {
			where += " AND n.read_at IS NULL";
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM cases_notification n WHERE " + where)
			.params(p)
			.query(Long.class)
			.single();
		p.put("limit", page.size());
		p.put("offset", page.offset());
		List<NotificationView> items = jdbc.sql("""
				SELECT n.*, c.tracking_code, c.category_code FROM cases_notification n
				JOIN cases_case c ON c.id = n.case_id
				WHERE %s ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset""".formatted(where))
			.params(p)
			.query((rs, i) -> {
				Timestamp read = rs.getTimestamp("read_at");
				return new NotificationView(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
						TrackingCode.parse(rs.getString("tracking_code")).display(),
						CaseNotifications.Kind.valueOf(rs.getString("kind")), rs.getString("category_code"),
						rs.getString("grid_code"), Assignee.Kind.valueOf(rs.getString("assignee_kind")),
						rs.getString("assignee_id"), rs.getTimestamp("created_at").toInstant(),
						read == null ? null : read.toInstant());
			})
			.list();
		return Page.of(items, page, total);
	}

	/** Marks one of the user's notifications read (again: no change). */
	@Transactional
	void markRead(UUID id, Actor actor) {
		Map<String, Object> p = new LinkedHashMap<>();
		String where = mine(actor, p);
		p.put("id", id);
		boolean found = where != null && jdbc.sql("SELECT COUNT(*) FROM cases_notification n WHERE n.id = :id AND " + where)
			.params(p)
			.query(Long.class)
			.single() > 0;
		if (!found) {
			throw RecordNotFoundException.notFound(RECORD_TYPE, id);
		}
		int updated = jdbc.sql("UPDATE cases_notification SET read_at = ? WHERE id = ? AND read_at IS NULL")
			.params(Timestamp.from(clock.instant()), id)
			.update();
		if (updated > 0) {
			audit.record(AuditRecord.success("CASE_NOTIFICATION_READ", RECORD_TYPE, id));
		}
	}

	/** The condition: for an assignee this actor acts for, inside their scope; null when they act for none. */
	private String mine(Actor actor, Map<String, Object> p) {
		CaseActor who = actors.of(actor);
		List<String> departments = new ArrayList<>();
		List<String> workers = new ArrayList<>();
		for (Assignee a : who.actsFor()) {
			(a.kind() == Assignee.Kind.DEPARTMENT ? departments : workers).add(a.targetId());
		}
		List<String> or = new ArrayList<>();
		if (!departments.isEmpty()) {
			or.add("(n.assignee_kind = 'DEPARTMENT' AND n.assignee_id IN (:departments))");
			p.put("departments", departments);
		}
		if (!workers.isEmpty()) {
			or.add("(n.assignee_kind = 'GRID_WORKER' AND n.assignee_id IN (:workers))");
			p.put("workers", workers);
		}
		if (or.isEmpty()) {
			return null;
		}
		p.put("scope", actor.scope().likePattern());
		return "n.grid_code LIKE :scope AND (" + String.join(" OR ", or) + ")";
	}
}
