package io.gridgov.registers.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.gridgov.platform.personaldata.PersonalDataCipher;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.tabular.Normalise;
import io.gridgov.registers.Registers;
import io.gridgov.registers.Subject;
import io.gridgov.registers.SubjectKind;
import io.gridgov.registers.TargetCriteria;

/** The registers as other modules query them: subjects by criteria within a scope, by id, by identifier. */
@Component
class RegistersDirectory implements Registers {

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;

	RegistersDirectory(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@Override
	public List<Subject> select(TargetCriteria criteria, RegionCode scope) {
		Map<String, Object> params = new LinkedHashMap<>();
		String sql = query(criteria, scope, params);
		return jdbc.sql("SELECT s.id, s.name, s.grid_code FROM (" + sql + ") s ORDER BY s.grid_code, s.name, s.id")
			.params(params)
			.query((rs, n) -> new Subject(criteria.kind(), rs.getObject(1, UUID.class), rs.getString(2),
					RegionCode.of(rs.getString(3))))
			.list();
	}

	@Override
	public long count(TargetCriteria criteria, RegionCode scope) {
		Map<String, Object> params = new LinkedHashMap<>();
		return jdbc.sql("SELECT COUNT(*) FROM (" + query(criteria, scope, params) + ") s")
			.params(params)
			.query(Long.class)
			.single();
	}

	@Override
	public Optional<Subject> find(SubjectKind kind, UUID id) {
		String sql = switch (kind) {
			case RESIDENT -> "SELECT id, name, grid_code FROM registers_resident WHERE id = ?";
			case ENTERPRISE -> "SELECT id, name, grid_code FROM registers_enterprise WHERE id = ?";
			case HOUSEHOLD -> "SELECT id, " + HOUSEHOLD_NAME + " AS name, grid_code FROM registers_household h WHERE id = ?";
		};
		return jdbc.sql(sql)
			.param(id)
			.query((rs, n) -> new Subject(kind, rs.getObject(1, UUID.class), rs.getString(2), RegionCode.of(rs.getString(3))))
			.optional();
	}

	@Override
	public Optional<Subject> findByIdentifier(SubjectKind kind, String idNumberOrCreditCode) {
		if (idNumberOrCreditCode == null || idNumberOrCreditCode.isBlank()) {
			return Optional.empty();
		}
		String value = Normalise.code(idNumberOrCreditCode);
		return switch (kind) {
			case RESIDENT -> jdbc.sql("SELECT id, name, grid_code FROM registers_resident WHERE id_hash = ?")
				.param(cipher.hash(value))
				.query((rs, n) -> new Subject(kind, rs.getObject(1, UUID.class), rs.getString(2), RegionCode.of(rs.getString(3))))
				.optional();
			case ENTERPRISE -> jdbc.sql("SELECT id, name, grid_code FROM registers_enterprise WHERE credit_code = ?")
				.param(value)
				.query((rs, n) -> new Subject(kind, rs.getObject(1, UUID.class), rs.getString(2), RegionCode.of(rs.getString(3))))
				.optional();
			case HOUSEHOLD -> Optional.empty();
		};
	}

	/** 地址 + 楼栋/单元/室, each part only when present ({@code ||} with NULL is NULL on H2 and PostgreSQL alike). */
	static final String HOUSEHOLD_NAME = "(h.address || COALESCE(' ' || h.building || '栋', '')"
			+ " || COALESCE(h.unit || '单元', '') || COALESCE(h.room || '室', ''))";

	private static String query(TargetCriteria c, RegionCode scope, Map<String, Object> params) {
		params.put("scope", scope.likePattern());
		List<String> regionPatterns = c.regions().stream().map(RegionCode::likePattern).toList();
		String alias = switch (c.kind()) {
			case RESIDENT -> "r";
			case ENTERPRISE -> "e";
			case HOUSEHOLD -> "h";
		};
		StringBuilder where = new StringBuilder(" WHERE " + alias + ".grid_code LIKE :scope");
		if (!regionPatterns.isEmpty()) {
			List<String> ors = new ArrayList<>();
			for (int i = 0; i < regionPatterns.size(); i++) {
				ors.add(alias + ".grid_code LIKE :region" + i);
				params.put("region" + i, regionPatterns.get(i));
			}
			where.append(" AND (").append(String.join(" OR ", ors)).append(')');
		}
		switch (c.kind()) {
			case RESIDENT -> {
				where.append(" AND r.status = 'PRESENT'");
				if (!c.tagCodes().isEmpty()) {
					where.append(" AND EXISTS (SELECT 1 FROM registers_resident_tag t WHERE t.resident_id = r.id AND t.tag_code IN (:tags))");
					params.put("tags", List.copyOf(c.tagCodes()));
				}
				if (c.residency() != null) {
					where.append(" AND r.residency = :residency");
					params.put("residency", c.residency().name());
				}
				return "SELECT r.id, r.name, r.grid_code FROM registers_resident r" + where;
			}
			case ENTERPRISE -> {
				if (!c.enterpriseFlags().isEmpty()) {
					where.append(" AND (")
						.append(String.join(" OR ", c.enterpriseFlags().stream().sorted()
							.map(f -> "e." + EnterpriseStore.flagColumn(f) + " = TRUE").toList()))
						.append(')');
				}
				return "SELECT e.id, e.name, e.grid_code FROM registers_enterprise e" + where;
			}
			case HOUSEHOLD -> {
				if (!c.tagCodes().isEmpty() || c.residency() != null) {
					where.append(" AND EXISTS (SELECT 1 FROM registers_resident m WHERE m.household_id = h.id AND m.status = 'PRESENT'");
					if (!c.tagCodes().isEmpty()) {
						where.append(" AND EXISTS (SELECT 1 FROM registers_resident_tag t WHERE t.resident_id = m.id AND t.tag_code IN (:tags))");
						params.put("tags", List.copyOf(c.tagCodes()));
					}
					if (c.residency() != null) {
						where.append(" AND m.residency = :residency");
						params.put("residency", c.residency().name());
					}
					where.append(')');
				}
				return "SELECT h.id, " + HOUSEHOLD_NAME + " AS name, h.grid_code FROM registers_household h" + where;
			}
			default -> throw new IllegalStateException();
		}
	}

}
