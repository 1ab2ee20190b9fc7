package io.gridgov.cases.internal.catalogue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.cases.Catalogue;
import io.gridgov.cases.CategoryClass;
import io.gridgov.cases.CategoryInfo;
import io.gridgov.cases.DepartmentInfo;
import io.gridgov.cases.Routing;
import io.gridgov.cases.RoutingProposal;
import io.gridgov.cases.RoutingTarget;
import io.gridgov.platform.Ids;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;

/**
 * The catalogue's use cases. Categories are the same for everyone; a department or routing rule
 * is visible to an actor when its region and the actor's scope overlap (a district department
 * also serves the subdistricts below it), and changeable only when its region lies in the scope.
 */
@Service
class CatalogueService implements Catalogue, Routing {

	static final String DEPARTMENT = "case-department";
	static final String CATEGORY = "case-category";
	static final String RULE = "case-routing-rule";

	private final CatalogueStore store;
	private final AuditTrail audit;
	private final Clock clock;

	CatalogueService(CatalogueStore store, AuditTrail audit, Clock clock) {
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Optional<CategoryInfo> findLeaf(String code) {
		return code == null ? Optional.empty()
				: store.category(code).filter(category -> !category.isClass()).map(Category::info);
	}

	@Override
	public List<CategoryInfo> leaves() {
		List<Category> all = store.categories();
		return all.stream()
			.filter(Category::isClass)
			.flatMap(parent -> all.stream().filter(leaf -> parent.code().equals(leaf.parentCode())))
			.map(Category::info)
			.toList();
	}

	@Override
	public List<CategoryClass> classes() {
		return store.categories()
			.stream()
			.filter(Category::isClass)
			.map(c -> new CategoryClass(c.code(), c.name(), c.nameEn()))
			.toList();
	}

	@Override
	public Optional<DepartmentInfo> findDepartment(String code) {
		return departmentByCode(code).map(CatalogueService::info);
	}

	@Override
	public List<DepartmentInfo> departments() {
		return store.departments()
			.stream()
			.map(CatalogueService::info)
			.sorted(java.util.Comparator.comparing(DepartmentInfo::code))
			.toList();
	}

	private static DepartmentInfo info(Department department) {
		return new DepartmentInfo(department.code(), department.name(), department.region(), department.active());
	}

	@Override
	public RoutingProposal propose(String categoryCode, RegionCode region) {
		CategoryInfo leaf = leaf(categoryCode);
		return RoutingPolicy.propose(leaf, region, store.rules());
	}

	CategoryInfo leaf(String categoryCode) {
		return findLeaf(categoryCode)
			.orElseThrow(() -> new DomainException(ErrorKind.INVALID, "cases.category-unknown", String.valueOf(categoryCode)));
	}

	List<Category> categories() {
		return store.categories();
	}

	Category category(String code) {
		return store.category(code).orElseThrow(() -> RecordNotFoundException.notFound(CATEGORY, code));
	}

	List<Department> departments(Actor actor) {
		return store.departments().stream().filter(department -> overlaps(actor, department.region())).toList();
	}

	Department department(UUID id, Actor actor) {
		Department department = store.department(id).orElseThrow(() -> RecordNotFoundException.notFound(DEPARTMENT, id));
		if (!overlaps(actor, department.region())) {
			throw RecordNotFoundException.outOfScope(DEPARTMENT, id);
		}
		return department;
	}

	Optional<Department> departmentByCode(String code) {
		return code == null ? Optional.empty() : store.departmentByCode(code);
	}

	@Transactional
	Department createDepartment(String code, String name, RegionCode region, boolean active, Actor actor) {
		Department department = Department.create(Ids.newId(clock), code, name, region, active);
		requireInScope(actor, region);
		if (store.departmentByCode(code).isPresent()) {
			throw new DomainException(ErrorKind.CONFLICT, "cases.code-taken", code);
		}
		store.insert(department, clock.instant());
		audit.record(AuditRecord.success("CASE_DEPARTMENT_CREATE", DEPARTMENT, department.id()).withDetail(code));
		return department;
	}

	@Transactional
	void reviseDepartment(UUID id, String name, RegionCode region, boolean active, Long version, Actor actor) {
		Department department = department(id, actor);
		department.requireVersion(version);
		requireInScope(actor, department.region());
		department.revise(name, region, active);
		requireInScope(actor, department.region());
		store.update(department, clock.instant());
		audit.record(AuditRecord.success("CASE_DEPARTMENT_UPDATE", DEPARTMENT, id).withDetail(department.code()));
	}

	@Transactional
	void deleteDepartment(UUID id, Long version, Actor actor) {
		Department department = department(id, actor);
		department.requireVersion(version);
		requireInScope(actor, department.region());
		if (store.departmentInUse(department.code())) {
			throw new DomainException(ErrorKind.CONFLICT, "cases.department-in-use", department.code());
		}
		store.delete(department);
		audit.record(AuditRecord.success("CASE_DEPARTMENT_DELETE", DEPARTMENT, id).withDetail(department.code()));
	}

	@Transactional
	Category createLeaf(String parentCode, String code, Category.LeafTerms terms) {
		Category parent = store.category(parentCode == null ? "" : parentCode)
			.filter(Category::isClass)
			.orElseThrow(() -> new DomainException(ErrorKind.INVALID, "cases.category-parent-invalid"));
		Category leaf = Category.newLeaf(code, parent, store.nextSortOrder(parent.code()), terms);
		if (store.category(code).isPresent()) {
			throw new DomainException(ErrorKind.CONFLICT, "cases.code-taken", code);
		}
		requireDepartment(terms.defaultDepartment());
		store.insert(leaf, clock.instant());
		audit.record(AuditRecord.success("CASE_CATEGORY_CREATE", CATEGORY, code));
		return leaf;
	}

	@Transactional
	void reviseLeaf(String code, Category.LeafTerms terms, Long version) {
		Category leaf = category(code);
		if (leaf.isClass()) {
			throw new DomainException(ErrorKind.CONFLICT, "cases.category-not-leaf", code);
		}
		leaf.requireVersion(version);
		String before = leaf.defaultDepartment();
		leaf.revise(terms);
		if (!leaf.defaultDepartment().equals(before)) {
			requireDepartment(leaf.defaultDepartment());
		}
		store.update(leaf, clock.instant());
		audit.record(AuditRecord.success("CASE_CATEGORY_UPDATE", CATEGORY, code)
			.withDetail("deadlines " + leaf.deadlines() + ", emergency " + leaf.emergency()));
	}

	List<RoutingRule> rules(Actor actor) {
		return store.rules().stream().filter(rule -> overlaps(actor, rule.region())).toList();
	}

	RoutingRule rule(UUID id, Actor actor) {
		RoutingRule rule = store.rule(id).orElseThrow(() -> RecordNotFoundException.notFound(RULE, id));
		if (!overlaps(actor, rule.region())) {
			throw RecordNotFoundException.outOfScope(RULE, id);
		}
		return rule;
	}

	@Transactional
	RoutingRule createRule(String categoryCode, RegionCode region, RoutingTarget target, Integer priority, String note,
			Actor actor) {
		RoutingRule rule = RoutingRule.checked(Ids.newId(clock), categoryCode, region, target, priority, note, null);
		checkRule(rule, actor);
		store.insert(rule, clock.instant());
		audit.record(AuditRecord.success("CASE_ROUTING_RULE_CREATE", RULE, rule.id()));
		return rule;
	}

	@Transactional
	void reviseRule(UUID id, String categoryCode, RegionCode region, RoutingTarget target, Integer priority, String note,
			Long version, Actor actor) {
		RoutingRule stored = rule(id, actor);
		stored.requireVersion(version);
		requireInScope(actor, stored.region());
		RoutingRule rule = RoutingRule.checked(id, categoryCode, region, target, priority, note, stored.version());
		checkRule(rule, actor);
		store.update(rule, clock.instant());
		audit.record(AuditRecord.success("CASE_ROUTING_RULE_UPDATE", RULE, id));
	}

	@Transactional
	void deleteRule(UUID id, Long version, Actor actor) {
		RoutingRule rule = rule(id, actor);
		rule.requireVersion(version);
		requireInScope(actor, rule.region());
		store.delete(rule);
		audit.record(AuditRecord.success("CASE_ROUTING_RULE_DELETE", RULE, id));
	}

	private void checkRule(RoutingRule rule, Actor actor) {
		if (rule.categoryCode() == null || store.category(rule.categoryCode()).isEmpty()) {
			throw new DomainException(ErrorKind.INVALID, "cases.category-unknown", String.valueOf(rule.categoryCode()));
		}
		requireInScope(actor, rule.region());
		if (rule.target().kind() == RoutingTarget.Kind.DEPARTMENT) {
			requireDepartment(rule.target().departmentCode());
		}
	}

	private void requireDepartment(String code) {
		if (store.departmentByCode(code).isEmpty()) {
			throw new DomainException(ErrorKind.INVALID, "cases.department-unknown", code);
		}
	}

	private static void requireInScope(Actor actor, RegionCode region) {
		if (!actor.canSee(region)) {
			throw new DomainException(ErrorKind.FORBIDDEN, "cases.region-outside-scope", region.value());
		}
	}

	private static boolean overlaps(Actor actor, RegionCode region) {
		return actor.scope().contains(region) || region.contains(actor.scope());
	}
}
