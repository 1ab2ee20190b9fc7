package io.gridgov.workforce.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.platform.scope.RegionCode;
import io.gridgov.workforce.GridStaff;
import io.gridgov.workforce.StaffMember;

/** {@link GridStaff} read straight from the worker and assignment tables; active workers only. */
@Component
@Transactional(readOnly = true)
class JdbcGridStaff implements GridStaff {

	private static final String SELECT = """
			SELECT w.id, w.name, w.user_id, a.grid_code, a.is_lead
			FROM workforce_worker w JOIN workforce_assignment a ON a.worker_id = w.id
			WHERE w.status = 'ACTIVE'
			""";

	private final JdbcClient jdbc;

	JdbcGridStaff(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<StaffMember> leadOf(RegionCode grid) {
		return workersOf(grid).stream().findFirst();
	}

	@Override
	public List<RegionCode> gridsOfUser(UUID userId) {
		return workerOfUser(userId).map(m -> m.grids().stream().sorted(java.util.Comparator.comparing(RegionCode::value)).toList())
			.orElse(List.of());
	}

	@Override
	public List<StaffMember> workersOf(RegionCode grid) {
		List<UUID> ids = jdbc.sql("""
				SELECT w.id FROM workforce_worker w JOIN workforce_assignment a ON a.worker_id = w.id
				WHERE w.status = 'ACTIVE' AND a.grid_code = :grid ORDER BY a.is_lead DESC, w.name, w.id""")
			.param("grid", grid.value())
			.query(UUID.class)
			.list();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, StaffMember> members = load(" AND w.id IN (:ids)", Map.of("ids", ids));
		return ids.stream().map(members::get).toList();
	}

	@Override
	public Optional<StaffMember> workerOfUser(UUID userId) {
		return load(" AND w.user_id = :user", Map.of("user", userId)).values().stream().findFirst();
	}

	@Override
	public Optional<StaffMember> find(UUID workerId) {
		return Optional.ofNullable(load(" AND w.id = :id", Map.of("id", workerId)).get(workerId));
	}

	private Map<UUID, StaffMember> load(String condition, Map<String, ?> params) {
		record Row(UUID id, String name, UUID userId, String gridCode, boolean isLead) {
		}
		Map<UUID, List<Row>> rows = new LinkedHashMap<>();
		jdbc.sql(SELECT + condition + " ORDER BY w.id, a.grid_code")
			.params(params)
			.query(Row.class)
			.list()
			.forEach(r -> rows.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
		Map<UUID, StaffMember> members = new LinkedHashMap<>();
		rows.forEach((id, list) -> {
			Row first = list.get(0);
			members.put(id, new StaffMember(id, first.name(), first.userId(),
					list.stream().map(r -> RegionCode.of(r.gridCode())).toList(),
					list.stream().filter(Row::isLead).map(r -> RegionCode.of(r.gridCode())).toList()));
		});
		return members;
	}
}
