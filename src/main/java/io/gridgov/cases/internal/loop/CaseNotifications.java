package io.gridgov.cases.internal.loop;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.gridgov.cases.Assignee;
import io.gridgov.cases.CaseDispatched;
import io.gridgov.cases.CaseDueSoon;
import io.gridgov.cases.CaseEvent;
import io.gridgov.cases.CaseExtensionApproved;
import io.gridgov.cases.CaseOverdue;
import io.gridgov.cases.CaseReworkRequested;
import io.gridgov.cases.CaseSupervised;
import io.gridgov.platform.Ids;

/**
 * Tells a case's assignee what happened to it ("supervision notifies the handler"). A plain
 * listener in the publishing transaction: the notification commits or rolls back with the change
 * that caused it, so it is never lost and never written twice (an outbox listener would need its
 * own idempotency key). The rows of one transaction are written in one JDBC batch just before it
 * commits, so that the deadline watcher's batches stay batches.
 */
@Component
class CaseNotifications {

	enum Kind {
		DISPATCHED, SUPERVISED, DUE_SOON, OVERDUE, REWORK, EXTENSION_APPROVED
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final Clock clock;

	CaseNotifications(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Which notification an event makes, and for whom; empty when it makes none. */
	static Optional<Map.Entry<Kind, Assignee>> of(CaseEvent event) {
		Map.Entry<Kind, Assignee> entry = null;
		if (event instanceof CaseDispatched e) {
			entry = entry(Kind.DISPATCHED, e.assignee());
		}
		else if (event instanceof CaseSupervised e) {
			entry = entry(Kind.SUPERVISED, e.assignee());
		}
		else if (event instanceof CaseDueSoon e) {
			entry = entry(Kind.DUE_SOON, e.assignee());
		}
		else if (event instanceof CaseOverdue e) {
			entry = entry(Kind.OVERDUE, e.assignee());
		}
		else if (event instanceof CaseReworkRequested e) {
			entry = entry(Kind.REWORK, e.assignee());
		}
		else if (event instanceof CaseExtensionApproved e) {
			entry = entry(Kind.EXTENSION_APPROVED, e.assignee());
		}
		return Optional.ofNullable(entry);
	}

	private static Map.Entry<Kind, Assignee> entry(Kind kind, Assignee assignee) {
		return assignee == null ? null : Map.entry(kind, assignee);
	}

	@EventListener
	void on(CaseEvent event) {
		of(event).ifPresent(n -> add(new MapSqlParameterSource().addValue("id", Ids.newId(clock))
			.addValue("caseId", event.caseId())
			.addValue("gridCode", event.gridCode().value())
			.addValue("assigneeKind", n.getValue().kind().name())
			.addValue("assigneeId", n.getValue().targetId())
			.addValue("kind", n.getKey().name())
			.addValue("createdAt", Timestamp.from(at(event)))));
	}

	private Instant at(CaseEvent event) {
		return event.occurredAt() != null ? event.occurredAt() : clock.instant();
	}

	private void add(MapSqlParameterSource row) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			write(List.of(row));
			return;
		}
		@SuppressWarnings("unchecked")
		List<MapSqlParameterSource> pending = (List<MapSqlParameterSource>) TransactionSynchronizationManager
			.getResource(this);
		if (pending == null) {
			List<MapSqlParameterSource> rows = new ArrayList<>();
			TransactionSynchronizationManager.bindResource(this, rows);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					write(rows);
					rows.clear();
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(CaseNotifications.this);
				}
			});
			pending = rows;
		}
		pending.add(row);
	}

	private void write(List<MapSqlParameterSource> rows) {
		if (rows.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("""
				INSERT INTO cases_notification (id, case_id, grid_code, assignee_kind, assignee_id, kind, created_at)
				VALUES (:id, :caseId, :gridCode, :assigneeKind, :assigneeId, :kind, :createdAt)""",
				rows.toArray(MapSqlParameterSource[]::new));
	}
}
