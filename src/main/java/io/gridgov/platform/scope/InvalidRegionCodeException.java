package io.gridgov.platform.scope;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/** A region code that is not 12 or 15 digits. */
public class InvalidRegionCodeException extends DomainException {

	public InvalidRegionCodeException(String value) {
		super(ErrorKind.INVALID, "region.code-invalid", String.valueOf(value));
	}
}
