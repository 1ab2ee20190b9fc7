package io.gridgov.workforce.internal;

import static io.gridgov.workforce.internal.WorkerFixtures.GRID;
import static io.gridgov.workforce.internal.WorkerFixtures.NOW;
import static io.gridgov.workforce.internal.WorkerFixtures.OTHER_GRID;
import static io.gridgov.workforce.internal.WorkerFixtures.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.gridgov.platform.problem.DomainException;

class WorkerTest {

	private static DomainException refusal(Runnable action) {
		try {
			action.run();
		}
		catch (DomainException e) {
			return e;
		}
		throw new AssertionError("expected a DomainException");
	}

	@Test
	void gridWithALeadRefusesASecondLead() {
		Worker lead = WorkerFixtures.activeLeadOf(GRID);
		Worker second = WorkerFixtures.activeLeadOf(GRID);
		assertThat(refusal(() -> OneLeadPerGrid.check(second, grid -> Optional.of(lead.id()))).code())
			.isEqualTo("workforce.grid-has-lead");
	}

	@Test
	void leadMayBeSavedAgainAndAGridWithoutLeadAcceptsOne() {
		Worker lead = WorkerFixtures.activeLeadOf(GRID);
		OneLeadPerGrid.check(lead, grid -> Optional.of(lead.id()));
		OneLeadPerGrid.check(WorkerFixtures.activeLeadOf(OTHER_GRID), grid -> Optional.empty());
	}

	@Test
	void onlyAnActiveWorkerLeadsAGrid() {
		Worker suspended = WorkerFixtures.suspendedMemberOf(GRID);
		assertThat(refusal(() -> suspended.revise("李伟", Employment.PART_TIME, WorkerSource.COURIER, null,
				List.of(new GridRole(GRID, true)), null, NOW)).code()).isEqualTo("workforce.lead-must-be-active");
	}

	@Test
	void leavingDropsTheLeadAndTheAccountAndIsFinal() {
		Worker left = WorkerFixtures.leftLeadOf(GRID);
		assertThat(left.status()).isEqualTo(WorkerStatus.LEFT);
		assertThat(left.ledGrids()).isEmpty();
		assertThat(left.userId()).isNull();
		assertThat(refusal(() -> left.reinstate(NOW)).code()).isEqualTo("workforce.worker-left");
		assertThat(refusal(() -> left.changeStatus(WorkerStatus.ACTIVE, NOW)).code()).isEqualTo("workforce.worker-left");
	}

	@Test
	void suspendedWorkerIsReinstated() {
		Worker worker = WorkerFixtures.suspendedMemberOf(GRID);
		worker.changeStatus(WorkerStatus.ACTIVE, NOW);
		assertThat(worker.status()).isEqualTo(WorkerStatus.ACTIVE);
	}

	@Test
	void workPhoneMustBeAMainlandMobileNumber() {
		assertThat(WorkPhone.of("138 1234-5678").value()).isEqualTo("13812345678");
		for (String bad : new String[] { "12812345678", "1381234567", "138123456789", "0750-1234567", "", null }) {
			assertThat(refusal(() -> WorkPhone.of(bad)).code()).as(String.valueOf(bad)).isEqualTo("workforce.phone-invalid");
		}
		assertThat(WorkPhone.of("13812345678").toString()).doesNotContain("5678");
	}

	@Test
	void nameHasOneToFiftyCharacters() {
		assertThat(refusal(() -> Worker.hire(UUID.randomUUID(), "名".repeat(51), Employment.FULL_TIME,
				WorkerSource.COMMUNITY_STAFF, PHONE, List.of(new GridRole(GRID, false)), null, NOW)).code())
			.isEqualTo("workforce.name-invalid");
		assertThat(refusal(() -> Worker.hire(UUID.randomUUID(), "  ", Employment.FULL_TIME, WorkerSource.COMMUNITY_STAFF,
				PHONE, List.of(new GridRole(GRID, false)), null, NOW)).code()).isEqualTo("workforce.name-invalid");
	}

	@Test
	void workerServesAtLeastOneGridEachOnce() {
		assertThat(refusal(() -> Worker.hire(UUID.randomUUID(), "李伟", Employment.FULL_TIME,
				WorkerSource.COMMUNITY_STAFF, PHONE, List.of(), null, NOW)).code()).isEqualTo("workforce.grids-required");
		assertThat(refusal(() -> Worker.hire(UUID.randomUUID(), "李伟", Employment.FULL_TIME,
				WorkerSource.COMMUNITY_STAFF, PHONE, List.of(new GridRole(GRID, false), new GridRole(GRID, true)), null,
				NOW)).code()).isEqualTo("workforce.grid-duplicate");
	}

	@Test
	void gridsListTheLedGridFirst() {
		Worker worker = Worker.hire(UUID.randomUUID(), "李伟", Employment.FULL_TIME, WorkerSource.COMMUNITY_STAFF, PHONE,
				List.of(new GridRole(GRID, false), new GridRole(OTHER_GRID, true)), null, NOW);
		assertThat(worker.grids()).containsExactly(new GridRole(OTHER_GRID, true), new GridRole(GRID, false));
	}

	@Test
	void trainingCannotBeInTheFutureOrWithoutHours() {
		Worker worker = WorkerFixtures.activeLeadOf(GRID);
		LocalDate today = LocalDate.of(2026, 11, 29);
		assertThat(refusal(() -> worker.train(UUID.randomUUID(), "安全生产", today.plusDays(1), 2, "街道", today, NOW)).code())
			.isEqualTo("workforce.training-date-invalid");
		assertThat(refusal(() -> worker.train(UUID.randomUUID(), "安全生产", today, 0, "街道", today, NOW)).code())
			.isEqualTo("workforce.training-hours-invalid");
		assertThat(worker.train(UUID.randomUUID(), "安全生产", today, 2.5, "街道", today, NOW).hours()).isEqualTo(2.5);
	}

	@Test
	void assessmentScoreIsZeroToHundredForAQuarter() {
		Worker worker = WorkerFixtures.activeLeadOf(GRID);
		assertThat(refusal(() -> worker.assess(UUID.randomUUID(), "2026-Q3", 101, "综治中心", null, NOW)).code())
			.isEqualTo("workforce.score-invalid");
		assertThat(refusal(() -> worker.assess(UUID.randomUUID(), "2026-07", 90, "综治中心", null, NOW)).code())
			.isEqualTo("workforce.period-invalid");
		assertThat(worker.assess(UUID.randomUUID(), "2026-Q3", 100, "综治中心", " ", NOW).note()).isNull();
	}

	@Test
	void demoAssessesTheQuartersBeforeTheCurrentOne() {
		assertThat(WorkforceDemo.lastQuarters(LocalDate.of(2026, 11, 29), 2)).containsExactly("2026-Q2", "2026-Q3");
		assertThat(WorkforceDemo.lastQuarters(LocalDate.of(2026, 2, 1), 2)).containsExactly("2025-Q3", "2025-Q4");
	}
}
