package io.gridgov.geo.internal;

import java.time.Instant;

import org.locationtech.jts.geom.Geometry;

import io.gridgov.geo.GridType;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.RegionCode;

/**
 * A grid and its current boundary. A new boundary never overwrites the old one: it becomes the
 * next version, valid from now, and the previous version is closed at the same instant.
 */
final class Grid {

	private final RegionCode code;
	private GridType type;
	private int version;
	private Geometry boundary;
	private Instant validFrom;

	Grid(RegionCode code, GridType type, int version, Geometry boundary, Instant validFrom) {
		this.code = code;
		this.type = type;
		this.version = version;
		this.boundary = boundary;
		this.validFrom = validFrom;
	}

	static Grid of(GridStore.GridRow row) {
		return new Grid(row.code(), row.type(), row.version(), row.boundary(), row.validFrom());
	}

	/** The version that was current before the change. */
	int redraw(Geometry newBoundary, int expectedVersion, Instant now) {
		if (expectedVersion != version) {
			throw new DomainException(ErrorKind.CONFLICT, "geo.boundary-stale-version", code.value(), expectedVersion, version);
		}
		int previous = version;
		version = previous + 1;
		boundary = newBoundary;
		validFrom = now;
		return previous;
	}

	boolean sameBoundary(Geometry other) {
		return boundary.equalsExact(other);
	}

	void retype(GridType newType) {
		this.type = newType;
	}

	RegionCode code() {
		return code;
	}

	GridType type() {
		return type;
	}

	int version() {
		return version;
	}

	Geometry boundary() {
		return boundary;
	}

	Instant validFrom() {
		return validFrom;
	}
}
