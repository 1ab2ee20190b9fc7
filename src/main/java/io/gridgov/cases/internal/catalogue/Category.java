package io.gridgov.cases.internal.catalogue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.gridgov.cases.CategoryInfo;
import io.gridgov.cases.DeadlineStage;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * A category of the two-level tree: a class (大类, no parent) or a leaf (小类) with its default
 * department, the deadline of each stage, the emergency flag and the closure condition.
 */
final class Category {

	static final int NAME_MAX = 50;
	static final int NAME_EN_MAX = 100;
	static final int CLOSURE_MAX = 500;
	static final Duration LONGEST_DEADLINE = Duration.ofHours(720);

	private final String code;
	private final String parentCode;
	private final int sortOrder;
	private String name;
	private String nameEn;
	private String defaultDepartment;
	private Map<DeadlineStage, Duration> deadlines;
	private boolean emergency;
	private String closureCondition;
	private final Long version;

	Category(String code, String parentCode, int sortOrder, String name, String nameEn, String defaultDepartment,
			Map<DeadlineStage, Duration> deadlines, boolean emergency, String closureCondition, Long version) {
		this.code = code;
		this.parentCode = parentCode;
		this.sortOrder = sortOrder;
		this.name = name;
		this.nameEn = nameEn;
		this.defaultDepartment = defaultDepartment;
		this.deadlines = deadlines;
		this.emergency = emergency;
		this.closureCondition = closureCondition;
		this.version = version;
	}

	static Category newClass(String code, int sortOrder, String name, String nameEn) {
		checkCode(code);
		return new Category(code, null, sortOrder, Texts.required(name, NAME_MAX), Texts.required(nameEn, NAME_EN_MAX),
				null, Map.of(), false, null, null);
	}

	static Category newLeaf(String code, Category parent, int sortOrder, LeafTerms terms) {
		checkCode(code);
		if (parent == null || !parent.isClass()) {
			throw new DomainException(ErrorKind.INVALID, "cases.category-parent-invalid");
		}
		Category leaf = new Category(code, parent.code(), sortOrder, null, null, null, Map.of(), false, null, null);
		leaf.revise(terms);
		return leaf;
	}

	/** What an administrator sets on a leaf. */
	record LeafTerms(String name, String nameEn, String defaultDepartment, Map<DeadlineStage, Duration> deadlines,
			boolean emergency, String closureCondition) {
	}

	void revise(LeafTerms terms) {
		if (isClass()) {
			throw new DomainException(ErrorKind.CONFLICT, "cases.category-not-leaf", code);
		}
		this.name = Texts.required(terms.name(), NAME_MAX);
		this.nameEn = Texts.required(terms.nameEn(), NAME_EN_MAX);
		if (terms.defaultDepartment() == null || !Department.CODE.matcher(terms.defaultDepartment()).matches()) {
			throw new DomainException(ErrorKind.INVALID, "cases.department-unknown", String.valueOf(terms.defaultDepartment()));
		}
		this.defaultDepartment = terms.defaultDepartment();
		this.deadlines = checked(terms.deadlines());
		this.emergency = terms.emergency();
		this.closureCondition = Texts.required(terms.closureCondition(), CLOSURE_MAX);
	}

	private static Map<DeadlineStage, Duration> checked(Map<DeadlineStage, Duration> deadlines) {
		Map<DeadlineStage, Duration> result = new EnumMap<>(DeadlineStage.class);
		for (DeadlineStage stage : DeadlineStage.values()) {
			Duration duration = deadlines == null ? null : deadlines.get(stage);
			if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST_DEADLINE) > 0
					|| duration.toSecondsPart() != 0 || duration.toNanosPart() != 0) {
				throw new DomainException(ErrorKind.INVALID, "cases.deadline-invalid", stage.name(),
						LONGEST_DEADLINE.toHours());
			}
			result.put(stage, duration);
		}
		return Map.copyOf(result);
	}

	private static void checkCode(String code) {
		if (code == null || !Department.CODE.matcher(code).matches()) {
			throw new DomainException(ErrorKind.INVALID, "cases.code-invalid", String.valueOf(code));
		}
	}

	void requireVersion(Long expected) {
		if (expected == null) {
			throw new DomainException(ErrorKind.INVALID, "cases.version-required");
		}
		if (!expected.equals(version)) {
			throw new DomainException(ErrorKind.CONFLICT, "conflict.stale-version").with("currentVersion", version);
		}
	}

	boolean isClass() {
		return parentCode == null;
	}

	CategoryInfo info() {
		return new CategoryInfo(code, parentCode, name, nameEn, defaultDepartment, deadlines, emergency, closureCondition);
	}

	String code() {
		return code;
	}

	String parentCode() {
		return parentCode;
	}

	int sortOrder() {
		return sortOrder;
	}

	String name() {
		return name;
	}

	String nameEn() {
		return nameEn;
	}

	String defaultDepartment() {
		return defaultDepartment;
	}

	Map<DeadlineStage, Duration> deadlines() {
		return deadlines;
	}

	boolean emergency() {
		return emergency;
	}

	String closureCondition() {
		return closureCondition;
	}

	Long version() {
		return version;
	}
}
