package io.gridgov.workforce.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.gridgov.platform.scope.RegionCode;
import io.gridgov.workforce.GridStaff;
import io.gridgov.workforce.StaffMember;

@Component
class JdbcGridStaff implements GridStaff {

	private final JdbcClient jdbc;

	JdbcGridStaff(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<StaffMember> leadOf(RegionCode grid) {
		return jdbc.sql("SELECT w.id, w.name, w.user_id, a.is_lead FROM workforce_assignment a"
				+ " JOIN workforce_worker w ON w.id = a.worker_id WHERE a.grid_code = ? AND w.status = 'ACTIVE'"
				+ " ORDER BY a.is_lead DESC, w.name, w.id LIMIT 1")
			.param(grid.value())
			.query((rs, n) -> new StaffMember(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getObject("user_id", UUID.class), rs.getBoolean("is_lead")))
			.optional();
	}

	@Override
	public List<RegionCode> gridsOfUser(UUID userId) {
		return jdbc.sql("SELECT a.grid_code FROM workforce_assignment a JOIN workforce_worker w ON w.id = a.worker_id"
				+ " WHERE w.user_id = ? AND w.status = 'ACTIVE' ORDER BY a.grid_code")
			.param(userId)
			.query(String.class)
			.list()
			.stream()
			.map(RegionCode::of)
			.toList();
	}
}
