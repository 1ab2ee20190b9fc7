package io.gridgov.cases.internal.catalogue;

import java.util.UUID;
import java.util.regex.Pattern;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.RegionCode;

/** A functional department (职能部门) that handles cases in the region it serves. */
final class Department {

	static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
	static final int NAME_MAX = 100;

	private final UUID id;
	private final String code;
	private String name;
	private RegionCode region;
	private boolean active;
	private final Long version;

	Department(UUID id, String code, String name, RegionCode region, boolean active, Long version) {
		this.id = id;
		this.code = code;
		this.name = name;
		this.region = region;
		this.active = active;
		this.version = version;
	}

	static Department create(UUID id, String code, String name, RegionCode region, boolean active) {
		if (code == null || !CODE.matcher(code).matches()) {
			throw new DomainException(ErrorKind.INVALID, "cases.code-invalid", String.valueOf(code));
		}
		Department department = new Department(id, code, null, null, active, null);
		department.revise(name, region, active);
		return department;
	}

	void revise(String newName, RegionCode newRegion, boolean nowActive) {
		this.name = Texts.required(newName, NAME_MAX);
		if (newRegion == null) {
			throw new DomainException(ErrorKind.INVALID, "cases.region-required");
		}
		this.region = newRegion;
		this.active = nowActive;
	}

	void requireVersion(Long expected) {
		if (expected == null) {
			throw new DomainException(ErrorKind.INVALID, "cases.version-required");
		}
		if (!expected.equals(version)) {
			throw new DomainException(ErrorKind.CONFLICT, "conflict.stale-version").with("currentVersion", version);
		}
	}

	UUID id() {
		return id;
	}

	String code() {
		return code;
	}

	String name() {
		return name;
	}

	RegionCode region() {
		return region;
	}

	boolean active() {
		return active;
	}

	Long version() {
		return version;
	}
}
