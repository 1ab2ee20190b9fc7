package io.gridgov.identity.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import io.gridgov.identity.Role;
import io.gridgov.platform.problem.DomainException;

class SeparationOfDutiesPolicyTest {

	@Test
	void administratorAndAuditorAreNeverTheSameAccount() {
		assertThatThrownBy(() -> SeparationOfDutiesPolicy.check(EnumSet.of(Role.ADMIN, Role.AUDITOR)))
			.isInstanceOf(DomainException.class)
			.hasMessage("identity.separation-of-duties");
	}

	@Test
	void otherCombinationsAreAllowed() {
		assertThatCode(() -> SeparationOfDutiesPolicy.check(EnumSet.of(Role.ADMIN, Role.LEADER))).doesNotThrowAnyException();
		assertThatCode(() -> SeparationOfDutiesPolicy.check(EnumSet.of(Role.AUDITOR, Role.LEADER))).doesNotThrowAnyException();
	}

	@Test
	void onlyTheAuditorRoleMayReadTheAuditLog() {
		for (Role role : Role.values()) {
			org.assertj.core.api.Assertions.assertThat(role.permissions().contains(io.gridgov.identity.Permission.AUDIT_READ))
				.as(role.name())
				.isEqualTo(role == Role.AUDITOR);
		}
	}
}
