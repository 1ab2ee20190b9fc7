package io.gridgov.cases.internal.catalogue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gridgov.cases.DeadlineStage;
import io.gridgov.cases.RoutingTarget;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/** The JSON of the catalogue API. Deadlines travel as hours ({@code 0.5} = 30 minutes). */
final class CatalogueViews {

	private CatalogueViews() {
	}

	record DepartmentView(UUID id, String code, String name, String regionCode, boolean active, long version) {

		static DepartmentView of(Department department) {
			return new DepartmentView(department.id(), department.code(), department.name(),
					department.region().value(), department.active(), department.version() == null ? 0 : department.version());
		}
	}

	record DepartmentBody(String code, String name, String regionCode, Boolean active, Long version) {
	}

	record ClassView(String code, String name, String nameEn, List<LeafView> leaves) {
	}

	record LeafView(String code, String classCode, String name, String nameEn, String defaultDepartment,
			Map<DeadlineStage, Double> deadlineHours, boolean emergency, String closureCondition, long version) {

		static LeafView of(Category leaf) {
			Map<DeadlineStage, Double> hours = new EnumMap<>(DeadlineStage.class);
			leaf.deadlines().forEach((stage, duration) -> hours.put(stage, duration.toMinutes() / 60.0));
			return new LeafView(leaf.code(), leaf.parentCode(), leaf.name(), leaf.nameEn(), leaf.defaultDepartment(),
					hours, leaf.emergency(), leaf.closureCondition(), leaf.version() == null ? 0 : leaf.version());
		}
	}

	record LeafBody(String classCode, String code, String name, String nameEn, String defaultDepartment,
			Map<DeadlineStage, Double> deadlineHours, Boolean emergency, String closureCondition, Long version) {

		Category.LeafTerms terms() {
			return new Category.LeafTerms(name, nameEn, defaultDepartment, durations(deadlineHours),
					Boolean.TRUE.equals(emergency), closureCondition);
		}
	}

	static Map<DeadlineStage, Duration> durations(Map<DeadlineStage, Double> hours) {
		Map<DeadlineStage, Duration> result = new EnumMap<>(DeadlineStage.class);
		if (hours == null) {
			return result;
		}
		hours.forEach((stage, value) -> {
			if (stage == null || value == null || value.isNaN() || value.isInfinite()) {
				return;
			}
			double minutes = value * 60;
			if (Math.abs(minutes - Math.rint(minutes)) > 1e-6 || minutes > Integer.MAX_VALUE || minutes < 0) {
				throw new DomainException(ErrorKind.INVALID, "cases.deadline-invalid", stage.name(),
						Category.LONGEST_DEADLINE.toHours());
			}
			result.put(stage, Duration.ofMinutes(Math.round(minutes)));
		});
		return result;
	}

	record TargetBody(RoutingTarget.Kind kind, String departmentCode) {

		RoutingTarget target() {
			return kind == null ? null : new RoutingTarget(kind, departmentCode == null || departmentCode.isBlank() ? null : departmentCode);
		}
	}

	record RuleView(UUID id, String categoryCode, String regionCode, RoutingTarget target, int priority, String note,
			long version) {

		static RuleView of(RoutingRule rule) {
			return new RuleView(rule.id(), rule.categoryCode(), rule.region().value(), rule.target(), rule.priority(),
					rule.note(), rule.version() == null ? 0 : rule.version());
		}
	}

	record RuleBody(String categoryCode, String regionCode, TargetBody target, Integer priority, String note,
			Long version) {
	}

	record ProposalView(String category, String regionCode, RoutingTarget target, String departmentName,
			boolean byDefault, RuleView rule) {
	}
}
