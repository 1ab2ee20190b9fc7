package io.gridgov.identity.internal;

import java.util.Set;

import io.gridgov.identity.Role;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * 三员分立: the system administrator and the auditor are separate people, so no account holds
 * both roles; and an administrator cannot take the administrator role away from themselves.
 */
final class SeparationOfDutiesPolicy {

	private SeparationOfDutiesPolicy() {
	}

	static void check(Set<Role> roles) {
		if (roles.contains(Role.ADMIN) && roles.contains(Role.AUDITOR)) {
			throw new DomainException(ErrorKind.INVALID, "identity.separation-of-duties");
		}
	}
}
