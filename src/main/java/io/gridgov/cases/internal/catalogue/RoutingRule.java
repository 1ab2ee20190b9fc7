package io.gridgov.cases.internal.catalogue;

import java.util.UUID;

import io.gridgov.cases.RoutingTarget;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.RegionCode;

/**
 * A routing rule: cases of a category (a leaf, or every leaf of a class) reported inside a region
 * go to a target, with a priority among rules of the same specificity.
 */
record RoutingRule(UUID id, String categoryCode, RegionCode region, RoutingTarget target, int priority, String note,
		Long version) {

	static final int MAX_PRIORITY = 1000;
	static final int NOTE_MAX = 200;

	static RoutingRule checked(UUID id, String categoryCode, RegionCode region, RoutingTarget target, Integer priority,
			String note, Long version) {
		if (region == null) {
			throw new DomainException(ErrorKind.INVALID, "cases.region-required");
		}
		if (target == null || target.kind() == null
				|| (target.kind() == RoutingTarget.Kind.DEPARTMENT) == (target.departmentCode() == null)) {
			throw new DomainException(ErrorKind.INVALID, "cases.routing-target-invalid");
		}
		if (priority == null || priority < 0 || priority > MAX_PRIORITY) {
			throw new DomainException(ErrorKind.INVALID, "cases.routing-priority-invalid", String.valueOf(priority),
					MAX_PRIORITY);
		}
		String cleanNote = note == null || note.isBlank() ? null : Texts.required(note, NOTE_MAX);
		return new RoutingRule(id, categoryCode, region, target, priority, cleanNote, version);
	}

	void requireVersion(Long expected) {
		if (expected == null) {
			throw new DomainException(ErrorKind.INVALID, "cases.version-required");
		}
		if (!expected.equals(version)) {
			throw new DomainException(ErrorKind.CONFLICT, "conflict.stale-version").with("currentVersion", version);
		}
	}
}
