package io.gridgov.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.geo.Regions;
import io.gridgov.platform.audit.AuditOutcome;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;

/**
 * Searches the audit log within the auditor's scope: entries of actors inside it; entries
 * without an actor scope (a failed login of an unknown name) only for an auditor of a top region.
 */
@Component
@Transactional(readOnly = true)
class AuditLogQuery {

	private static final RowMapper<Entry> MAPPER = (rs, row) -> new Entry(rs.getObject("id", UUID.class),
			rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"), roles(rs.getString("roles")),
			rs.getString("action"), rs.getString("record_type"), rs.getString("record_id"),
			AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("client_address"), rs.getString("request_id"),
			rs.getString("detail"));

	private final JdbcClient jdbc;
	private final Regions regions;

	AuditLogQuery(JdbcClient jdbc, Regions regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	Page<Entry> search(Actor auditor, Filter filter, PageQuery page) {
		List<Object> params = new ArrayList<>();
		String where = where(auditor, filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM identity_audit_log WHERE " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(page.size());
		pageParams.add(page.offset());
		List<Entry> items = jdbc
			.sql("SELECT * FROM identity_audit_log WHERE " + where + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(MAPPER)
			.list();
		return Page.of(items, page, total);
	}

	Entry get(Actor auditor, UUID id) {
		List<Object> params = new ArrayList<>();
		String where = scope(auditor, params);
		params.add(id);
		return jdbc.sql("SELECT * FROM identity_audit_log WHERE " + where + " AND id = ?")
			.params(params)
			.query(MAPPER)
			.optional()
			.orElseThrow(() -> RecordNotFoundException.notFound("audit-log", id));
	}

	private String scope(Actor auditor, List<Object> params) {
		boolean topRegion = regions.find(auditor.scope()).map(region -> region.parentCode() == null).orElse(false);
		params.add(auditor.scope().likePattern());
		return topRegion ? "(scope_code LIKE ? OR scope_code IS NULL)" : "scope_code LIKE ?";
	}

	private String where(Actor auditor, Filter filter, List<Object> params) {
		StringBuilder where = new StringBuilder(scope(auditor, params));
		if (filter.from() != null) {
			where.append(" AND occurred_at >= ?");
			params.add(Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" AND occurred_at < ?");
			params.add(Timestamp.from(filter.to()));
		}
		if (filter.username() != null && !filter.username().isBlank()) {
			where.append(" AND username = ?");
			params.add(filter.username().trim());
		}
		if (filter.action() != null && !filter.action().isBlank()) {
			where.append(" AND LOWER(action) LIKE ?");
			params.add("%" + filter.action().trim().toLowerCase(Locale.ROOT) + "%");
		}
		if (filter.outcome() != null) {
			where.append(" AND outcome = ?");
			params.add(filter.outcome().name());
		}
		if (filter.recordType() != null && !filter.recordType().isBlank()) {
			where.append(" AND record_type = ?");
			params.add(filter.recordType().trim());
		}
		if (filter.recordId() != null && !filter.recordId().isBlank()) {
			where.append(" AND record_id = ?");
			params.add(filter.recordId().trim());
		}
		return where.toString();
	}

	private static List<String> roles(String joined) {
		return joined == null || joined.isBlank() ? List.of() : List.of(joined.split(","));
	}

	record Filter(Instant from, Instant to, String username, String action, AuditOutcome outcome, String recordType,
			String recordId) {
	}

	record Entry(UUID id, Instant occurredAt, String username, List<String> roles, String action, String recordType,
			String recordId, AuditOutcome outcome, String clientAddress, String requestId, String detail) {
	}
}
