package io.gridgov.cases.internal.loop;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.gridgov.cases.Assignee;
import io.gridgov.cases.internal.cache.ShortLivedCache;
import io.gridgov.cases.internal.workflow.CaseActor;
import io.gridgov.identity.Users;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.workforce.GridStaff;

/**
 * Turns the signed-in actor into the workflow's {@link CaseActor}: the name shown on the internal
 * timeline, the departments they act for (cases_department_member), their own grid worker record
 * and the grids it serves. The lookups are kept for a few seconds per user
 * ({@code gridgov.cases.actor-cache-ttl}, 5 s; 0 turns it off): intake and every transition ask for
 * them, while memberships, worker records and display names change rarely.
 */
@Component
class CaseActors {

	private final JdbcClient jdbc;
	private final Users users;
	private final GridStaff staff;
	private final ShortLivedCache<UUID, Resolved> resolved;

	/** What the actor's user id resolves to; the name is null when the user has none. */
	private record Resolved(String displayName, Set<Assignee> actsFor, Set<RegionCode> grids) {
	}

	CaseActors(JdbcClient jdbc, Users users, GridStaff staff,
			@Value("${gridgov.cases.actor-cache-ttl:5s}") Duration ttl) {
		this.jdbc = jdbc;
		this.users = users;
		this.staff = staff;
		this.resolved = new ShortLivedCache<>(ttl, 10_000);
	}

	CaseActor of(Actor actor) {
		Resolved r = actor.userId() == null ? resolve(null) : resolved.get(actor.userId(), this::resolve);
		return new CaseActor(actor, r.displayName() == null ? actor.username() : r.displayName(), r.actsFor(),
				r.grids());
	}

	private Resolved resolve(UUID userId) {
		Set<Assignee> actsFor = new HashSet<>();
		departmentsOf(userId).forEach(code -> actsFor.add(Assignee.department(code)));
		Set<RegionCode> grids = new HashSet<>();
		staff.workerOfUser(userId).ifPresent(worker -> {
			actsFor.add(Assignee.gridWorker(worker.workerId().toString()));
			grids.addAll(worker.grids());
		});
		return new Resolved(users.displayNameOf(userId).orElse(null), Set.copyOf(actsFor), Set.copyOf(grids));
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
		resolved.invalidate();
	}
}
