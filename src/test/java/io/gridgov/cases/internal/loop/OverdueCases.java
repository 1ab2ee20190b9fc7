package io.gridgov.cases.internal.loop;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.gridgov.cases.TrackingCode;

/**
 * Fixture: cases dispatched to URBAN_MGMT two days ago whose deadline passed an hour ago, written
 * straight into the tables (with their REPORT, ACCEPT and DISPATCH timeline rows) so that a test
 * can have hundreds of them at once.
 */
final class OverdueCases {

	static final String GRID = "440704003001001";

	private OverdueCases() {
	}

	static List<UUID> insert(JdbcClient jdbc, int count, Instant now) {
		Instant from = now.minus(Duration.ofDays(2));
		Instant deadline = now.minus(Duration.ofHours(1));
		Instant watch = from.plus(Duration.between(from, deadline).multipliedBy(4).dividedBy(5));
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			jdbc.sql("""
					INSERT INTO cases_case (id, tracking_code, source, category_code, status, grid_code, community_code,
					  unassigned, description, reported_at, accept_deadline, first_dispatched_at, deadline_from, deadline,
					  due_soon_at, assignee_kind, assignee_id, accepted_on_time, dispatched_correctly, rework_count,
					  return_count, extension_count, supervised, supervision_count, due_soon, overdue,
					  solved_on_the_spot, timeline_size, updated_at, version)
					VALUES (?, ?, 'HOTLINE', 'EXPOSED_GARBAGE', 'DISPATCHED', ?, '440704003001', FALSE, ?, ?, ?, ?, ?, ?,
					  ?, 'DEPARTMENT', 'URBAN_MGMT', TRUE, TRUE, 0, 0, 0, FALSE, 0, FALSE, FALSE, FALSE, 3, ?, 2)""")
				.params(id, TrackingCode.generate().value(), GRID, "逾期测试 " + i, ts(from), ts(from.plusSeconds(3600)),
						ts(from), ts(from), ts(deadline), ts(watch), ts(from))
				.update();
			String[][] steps = { { null, "REPORTED", "REPORT" }, { "REPORTED", "ACCEPTED", "ACCEPT" },
					{ "ACCEPTED", "DISPATCHED", "DISPATCH" } };
			for (int seq = 0; seq < steps.length; seq++) {
				jdbc.sql("""
						INSERT INTO cases_timeline (case_id, seq, at, role, from_status, to_status, action, public_safe)
						VALUES (?, ?, ?, 'COMMAND_CENTRE', ?, ?, ?, TRUE)""")
					.params(id, seq, ts(from), steps[seq][0], steps[seq][1], steps[seq][2])
					.update();
			}
		}
		return ids;
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}
}
