package io.gridgov.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.gridgov.platform.Ids;
import io.gridgov.platform.audit.AuditOutcome;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.persistence.BulkInsert;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.CurrentActor;
import io.gridgov.platform.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Appends to the audit log. The only statement it has is an INSERT: nothing in the application
 * updates or deletes an audit row.
 */
@Component
class JdbcAuditTrail implements AuditTrail {

	static final String RECORDED = JdbcAuditTrail.class.getName() + ".recorded";
	static final String REFUSAL_RECORDED = JdbcAuditTrail.class.getName() + ".refusal";

	private static final String INSERT = """
			INSERT INTO identity_audit_log (id, occurred_at, user_id, username, roles, scope_code, action,
			    record_type, record_id, outcome, client_address, request_id, detail)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcClient jdbc;
	private final BulkInsert bulk;
	private final Clock clock;
	private final TransactionTemplate separateTransaction;

	JdbcAuditTrail(JdbcClient jdbc, BulkInsert bulk, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.bulk = bulk;
		this.clock = clock;
		this.separateTransaction = new TransactionTemplate(transactions);
		this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void record(AuditRecord record) {
		Actor actor = CurrentActor.find().orElse(null);
		write(actor, actor == null ? null : actor.username(), record);
	}

	/** Successful entries in one JDBC batch (they join the caller's transaction); any other one by one. */
	@Override
	public void recordAll(List<AuditRecord> records) {
		Actor actor = CurrentActor.find().orElse(null);
		HttpServletRequest request = currentRequest();
		List<Object[]> rows = new ArrayList<>(records.size());
		for (AuditRecord record : records) {
			if (record.outcome() != AuditOutcome.SUCCESS) {
				write(actor, actor == null ? null : actor.username(), record);
			}
			else {
				rows.add(row(actor, actor == null ? null : actor.username(), record, request));
			}
		}
		if (!rows.isEmpty()) {
			bulk.insert("identity_audit_log", List.of("id", "occurred_at", "user_id", "username", "roles", "scope_code", "action",
					"record_type", "record_id", "outcome", "client_address", "request_id", "detail"), rows);
			if (request != null) {
				request.setAttribute(RECORDED, Boolean.TRUE);
			}
		}
	}

	@Override
	public void recordFor(String attemptedUsername, AuditRecord record) {
		write(null, attemptedUsername, record);
	}

	void recordAs(Actor actor, AuditRecord record) {
		write(actor, actor.username(), record);
	}

	/** Records a refusal on behalf of a known account (e.g. a failed login of an existing user). */
	void recordForAccount(User user, AuditRecord record) {
		Actor actor = GridGovPrincipal.of(user).actor();
		write(actor, user.username(), record);
	}

	private void write(Actor actor, String username, AuditRecord record) {
		HttpServletRequest request = currentRequest();
		Object[] row = row(actor, username, record, request);
		if (record.outcome() == AuditOutcome.SUCCESS) {
			insert(row);
		}
		else {
			separateTransaction.executeWithoutResult(status -> insert(row));
		}
		if (request != null) {
			request.setAttribute(RECORDED, Boolean.TRUE);
			if (record.outcome() != AuditOutcome.SUCCESS) {
				request.setAttribute(REFUSAL_RECORDED, Boolean.TRUE);
			}
		}
	}

	private Object[] row(Actor actor, String username, AuditRecord record, HttpServletRequest request) {
		return new Object[] { Ids.newId(clock), Timestamp.from(clock.instant()), actor == null ? null : actor.userId(),
				truncate(username, 64), actor == null ? null : String.join(",", new TreeSet<>(actor.roles())),
				actor == null ? null : actor.scope().value(), truncate(record.action(), 200),
				truncate(record.recordType(), 64), truncate(record.recordId(), 64), record.outcome().name(),
				request == null ? null : truncate(request.getRemoteAddr(), 64),
				request == null ? null : RequestIdFilter.of(request), truncate(record.detail(), 1000) };
	}

	private void insert(Object[] row) {
		jdbc.sql(INSERT).params(row).update();
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
