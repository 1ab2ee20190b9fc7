package io.gridgov.workforce.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.gridgov.platform.personaldata.ProtectedValue;

/** Workers in named states, built through the aggregate's own methods. */
final class WorkerFixtures {

	static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
	static final String GRID = "440704003001001";
	static final String OTHER_GRID = "440704003001002";
	static final ProtectedValue PHONE = new ProtectedValue("k1:sealed", "hash");

	private WorkerFixtures() {
	}

	static Worker activeLeadOf(String grid) {
		return Worker.hire(UUID.randomUUID(), "陈晓敏", Employment.FULL_TIME, WorkerSource.COMMUNITY_STAFF, PHONE,
				List.of(new GridRole(grid, true)), null, NOW);
	}

	static Worker activeMemberOf(String grid) {
		return Worker.hire(UUID.randomUUID(), "李伟", Employment.PART_TIME, WorkerSource.COURIER, PHONE,
				List.of(new GridRole(grid, false)), null, NOW);
	}

	static Worker suspendedMemberOf(String grid) {
		Worker worker = activeMemberOf(grid);
		worker.suspend(NOW);
		return worker;
	}

	static Worker leftLeadOf(String grid) {
		Worker worker = activeLeadOf(grid);
		worker.leave(NOW);
		return worker;
	}
}
