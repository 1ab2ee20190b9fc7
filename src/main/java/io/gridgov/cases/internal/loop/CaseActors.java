package io.gridgov.cases.internal.loop;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.gridgov.cases.Assignee;
import io.gridgov.cases.internal.workflow.CaseActor;
import io.gridgov.identity.Users;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.workforce.GridStaff;

/**
 * Turns the signed-in actor into the workflow's {@link CaseActor}: the name shown on the internal
 * timeline, the departments they act for (cases_department_member), their own grid worker record
 * and the grids it serves.
 */
@Component
class CaseActors {

	private final JdbcClient jdbc;
	private final Users users;
	private final GridStaff staff;

	CaseActors(JdbcClient jdbc, Users users, GridStaff staff) {
		this.jdbc = jdbc;
		this.users = users;
		this.staff = staff;
	}

	CaseActor of(Actor actor) {
		Set<Assignee> actsFor = new HashSet<>();
		departmentsOf(actor.userId()).forEach(code -> actsFor.add(Assignee.department(code)));
		Set<RegionCode> grids = new HashSet<>();
		staff.workerOfUser(actor.userId()).ifPresent(worker -> {
			actsFor.add(Assignee.gridWorker(worker.workerId().toString()));
			grids.addAll(worker.grids());
		});
		String name = users.displayNameOf(actor.userId()).orElse(actor.username());
		return new CaseActor(actor, name, actsFor, grids);
	}

	List<String> departmentsOf(UUID userId) {
		return jdbc.sql("SELECT department_code FROM cases_department_member WHERE user_id = ? ORDER BY department_code")
			.param(userId)
			.query(String.class)
			.list();
	}

	void addMember(String departmentCode, UUID userId) {
		jdbc.sql("""
				INSERT INTO cases_department_member (department_code, user_id)
				SELECT ?, ? WHERE NOT EXISTS
				  (SELECT 1 FROM cases_department_member WHERE department_code = ? AND user_id = ?)""")
			.params(departmentCode, userId, departmentCode, userId)
			.update();
	}
}
