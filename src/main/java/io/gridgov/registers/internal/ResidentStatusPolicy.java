package io.gridgov.registers.internal;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.registers.ResidentStatus;

/** A resident who moved away may come back; a death is final; a status does not change into itself. */
final class ResidentStatusPolicy {

	private ResidentStatusPolicy() {
	}

	static void check(ResidentStatus from, ResidentStatus to) {
		if (from == ResidentStatus.DECEASED) {
			throw new DomainException(ErrorKind.CONFLICT, "registers.status-final");
		}
		if (from == to) {
			throw new DomainException(ErrorKind.CONFLICT, "registers.status-unchanged", to.name());
		}
	}
}
