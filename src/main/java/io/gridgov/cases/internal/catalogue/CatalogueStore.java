package io.gridgov.cases.internal.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.gridgov.cases.DeadlineStage;
import io.gridgov.cases.RoutingTarget;
import io.gridgov.cases.internal.cache.ShortLivedCache;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.RegionCode;

/**
 * Departments, categories and routing rules in the database; updates check the version they read.
 * A category read by code (every intake asks for one) is kept for a few seconds
 * ({@code gridgov.cases.catalogue-cache-ttl}, 5 s); a category written here clears that at once.
 */
@Component
class CatalogueStore {

	private static final String DEPARTMENT = "SELECT id, code, name, region_code, active, version FROM cases_department";
	private static final String CATEGORY = "SELECT code, parent_code, sort_order, name, name_en, default_department,"
			+ " accept_minutes, dispatch_minutes, handle_minutes, verify_minutes, emergency, closure_condition, version"
			+ " FROM cases_category";
	private static final String RULE = "SELECT id, category_code, region_code, target_kind, department_code, priority,"
			+ " note, version FROM cases_routing_rule";

	private final JdbcClient jdbc;
	private final ShortLivedCache<String, Optional<Category>> categoryByCode;

	CatalogueStore(JdbcClient jdbc, @Value("${gridgov.cases.catalogue-cache-ttl:5s}") Duration ttl) {
		this.jdbc = jdbc;
		this.categoryByCode = new ShortLivedCache<>(ttl, 1_000);
	}

	List<Department> departments() {
		return jdbc.sql(DEPARTMENT + " ORDER BY code").query(CatalogueStore::department).list();
	}

	Optional<Department> department(UUID id) {
		return jdbc.sql(DEPARTMENT + " WHERE id = ?").param(id).query(CatalogueStore::department).optional();
	}

	Optional<Department> departmentByCode(String code) {
		return jdbc.sql(DEPARTMENT + " WHERE code = ?").param(code).query(CatalogueStore::department).optional();
	}

	void insert(Department department, Instant now) {
		jdbc.sql("INSERT INTO cases_department (id, code, name, region_code, active, created_at, updated_at, version)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, 0)")
			.params(department.id(), department.code(), department.name(), department.region().value(),
					department.active(), Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	void update(Department department, Instant now) {
		checked(jdbc.sql("UPDATE cases_department SET name = ?, region_code = ?, active = ?, updated_at = ?,"
				+ " version = version + 1 WHERE id = ? AND version = ?")
			.params(department.name(), department.region().value(), department.active(), Timestamp.from(now),
					department.id(), department.version())
			.update());
	}

	void delete(Department department) {
		checked(jdbc.sql("DELETE FROM cases_department WHERE id = ? AND version = ?")
			.params(department.id(), department.version())
			.update());
	}

	boolean departmentInUse(String code) {
		return jdbc.sql("SELECT COUNT(*) FROM cases_category WHERE default_department = ?").param(code).query(Long.class).single()
				+ jdbc.sql("SELECT COUNT(*) FROM cases_routing_rule WHERE department_code = ?").param(code).query(Long.class).single() > 0;
	}

	List<Category> categories() {
		return jdbc.sql(CATEGORY + " ORDER BY sort_order, code").query(CatalogueStore::category).list();
	}

	Optional<Category> category(String code) {
		return categoryByCode.get(code,
				c -> jdbc.sql(CATEGORY + " WHERE code = ?").param(c).query(CatalogueStore::category).optional());
	}

	int nextSortOrder(String parentCode) {
		return jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM cases_category WHERE parent_code = ?")
			.param(parentCode)
			.query(Integer.class)
			.single();
	}

	void insert(Category category, Instant now) {
		categoryByCode.invalidate();
		Map<DeadlineStage, Duration> d = category.deadlines();
		jdbc.sql("INSERT INTO cases_category (code, parent_code, sort_order, name, name_en, default_department,"
				+ " accept_minutes, dispatch_minutes, handle_minutes, verify_minutes, emergency, closure_condition,"
				+ " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
			.params(category.code(), category.parentCode(), category.sortOrder(), category.name(), category.nameEn(),
					category.defaultDepartment(), minutes(d, DeadlineStage.ACCEPT), minutes(d, DeadlineStage.DISPATCH),
					minutes(d, DeadlineStage.HANDLE), minutes(d, DeadlineStage.VERIFY), category.emergency(),
					category.closureCondition(), Timestamp.from(now))
			.update();
	}

	void update(Category category, Instant now) {
		categoryByCode.invalidate();
		Map<DeadlineStage, Duration> d = category.deadlines();
		checked(jdbc.sql("UPDATE cases_category SET name = ?, name_en = ?, default_department = ?, accept_minutes = ?,"
				+ " dispatch_minutes = ?, handle_minutes = ?, verify_minutes = ?, emergency = ?, closure_condition = ?,"
				+ " updated_at = ?, version = version + 1 WHERE code = ? AND version = ?")
			.params(category.name(), category.nameEn(), category.defaultDepartment(), minutes(d, DeadlineStage.ACCEPT),
					minutes(d, DeadlineStage.DISPATCH), minutes(d, DeadlineStage.HANDLE), minutes(d, DeadlineStage.VERIFY),
					category.emergency(), category.closureCondition(), Timestamp.from(now), category.code(),
					category.version())
			.update());
	}

	long countCategories() {
		return jdbc.sql("SELECT COUNT(*) FROM cases_category").query(Long.class).single();
	}

	List<RoutingRule> rules() {
		return jdbc.sql(RULE + " ORDER BY category_code, region_code, priority DESC, id").query(CatalogueStore::rule).list();
	}

	Optional<RoutingRule> rule(UUID id) {
		return jdbc.sql(RULE + " WHERE id = ?").param(id).query(CatalogueStore::rule).optional();
	}

	void insert(RoutingRule rule, Instant now) {
		jdbc.sql("INSERT INTO cases_routing_rule (id, category_code, region_code, target_kind, department_code, priority,"
				+ " note, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
			.params(rule.id(), rule.categoryCode(), rule.region().value(), rule.target().kind().name(),
					rule.target().departmentCode(), rule.priority(), rule.note(), Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	void update(RoutingRule rule, Instant now) {
		checked(jdbc.sql("UPDATE cases_routing_rule SET category_code = ?, region_code = ?, target_kind = ?,"
				+ " department_code = ?, priority = ?, note = ?, updated_at = ?, version = version + 1"
				+ " WHERE id = ? AND version = ?")
			.params(rule.categoryCode(), rule.region().value(), rule.target().kind().name(),
					rule.target().departmentCode(), rule.priority(), rule.note(), Timestamp.from(now), rule.id(),
					rule.version())
			.update());
	}

	void delete(RoutingRule rule) {
		checked(jdbc.sql("DELETE FROM cases_routing_rule WHERE id = ? AND version = ?")
			.params(rule.id(), rule.version())
			.update());
	}

	long countRules() {
		return jdbc.sql("SELECT COUNT(*) FROM cases_routing_rule").query(Long.class).single();
	}

	private static void checked(int updated) {
		if (updated != 1) {
			throw new DomainException(ErrorKind.CONFLICT, "conflict.stale-version");
		}
	}

	private static Integer minutes(Map<DeadlineStage, Duration> deadlines, DeadlineStage stage) {
		Duration duration = deadlines.get(stage);
		return duration == null ? null : (int) duration.toMinutes();
	}

	private static Department department(ResultSet rs, int row) throws SQLException {
		return new Department(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				RegionCode.of(rs.getString("region_code")), rs.getBoolean("active"), rs.getLong("version"));
	}

	private static Category category(ResultSet rs, int row) throws SQLException {
		Map<DeadlineStage, Duration> deadlines = new EnumMap<>(DeadlineStage.class);
		String[] columns = { "accept_minutes", "dispatch_minutes", "handle_minutes", "verify_minutes" };
		for (DeadlineStage stage : DeadlineStage.values()) {
			int minutes = rs.getInt(columns[stage.ordinal()]);
			if (!rs.wasNull()) {
				deadlines.put(stage, Duration.ofMinutes(minutes));
			}
		}
		return new Category(rs.getString("code"), rs.getString("parent_code"), rs.getInt("sort_order"),
				rs.getString("name"), rs.getString("name_en"), rs.getString("default_department"), Map.copyOf(deadlines),
				rs.getBoolean("emergency"), rs.getString("closure_condition"), rs.getLong("version"));
	}

	private static RoutingRule rule(ResultSet rs, int row) throws SQLException {
		RoutingTarget.Kind kind = RoutingTarget.Kind.valueOf(rs.getString("target_kind"));
		RoutingTarget target = new RoutingTarget(kind, rs.getString("department_code"));
		return new RoutingRule(rs.getObject("id", UUID.class), rs.getString("category_code"),
				RegionCode.of(rs.getString("region_code")), target, rs.getInt("priority"), rs.getString("note"),
				rs.getLong("version"));
	}
}
