package io.gridgov.registers.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.gridgov.platform.personaldata.ProtectedValue;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.tabular.Normalise;
import io.gridgov.registers.EnterpriseFlag;

/** Rows of registers_enterprise, and the scoped list query. */
@Component
class EnterpriseStore {

	static final String COLUMNS = "e.id, e.name, e.credit_code, e.address, e.longitude, e.latitude, e.grid_code, e.industry,"
			+ " e.employee_count, e.contact_name, e.contact_phone_cipher, e.above_designated_size, e.high_tech, e.srdi,"
			+ " e.little_giant, e.listed, e.content_hash, e.version, e.updated_at";

	record Row(UUID id, String name, String creditCode, String address, Double longitude, Double latitude,
			String gridCode, String industry, Integer employeeCount, String contactName, String contactPhoneCipher,
			boolean aboveDesignatedSize, boolean highTech, boolean srdi, boolean littleGiant, boolean listed,
			String contentHash, long version, Instant updatedAt) {

		Set<EnterpriseFlag> flags() {
			EnumSet<EnterpriseFlag> flags = EnumSet.noneOf(EnterpriseFlag.class);
			if (aboveDesignatedSize) flags.add(EnterpriseFlag.ABOVE_DESIGNATED_SIZE);
			if (highTech) flags.add(EnterpriseFlag.HIGH_TECH);
			if (srdi) flags.add(EnterpriseFlag.SRDI);
			if (littleGiant) flags.add(EnterpriseFlag.LITTLE_GIANT);
			if (listed) flags.add(EnterpriseFlag.LISTED);
			return flags;
		}
	}

	record Filter(String gridCode, String q, EnterpriseFlag flag, String industry) {
	}

	private final JdbcClient jdbc;

	EnterpriseStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> byId(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM registers_enterprise e WHERE e.id = ?").param(id).query(Row.class).optional();
	}

	Optional<Row> byCreditCode(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM registers_enterprise e WHERE e.credit_code = ?")
			.param(code)
			.query(Row.class)
			.optional();
	}

	void insert(UUID id, EnterpriseFields f, ProtectedValue phone, String contentHash, Instant now) {
		jdbc.sql("""
				INSERT INTO registers_enterprise (id, name, credit_code, address, longitude, latitude, grid_code, industry,
				 employee_count, contact_name, contact_phone_cipher, contact_phone_hash, above_designated_size, high_tech, srdi,
				 little_giant, listed, content_hash, created_at, updated_at, version)
				VALUES (:id, :name, :code, :address, :lon, :lat, :grid, :industry, :employees, :contact, :phoneCipher, :phoneHash,
				 :above, :highTech, :srdi, :giant, :listed, :content, :now, :now, 0)""")
			.params(params(id, f, phone, contentHash, now))
			.update();
	}

	boolean update(UUID id, long version, EnterpriseFields f, ProtectedValue phone, String contentHash, Instant now) {
		Map<String, Object> params = params(id, f, phone, contentHash, now);
		params.put("version", version);
		return jdbc.sql("""
				UPDATE registers_enterprise SET name = :name, credit_code = :code, address = :address, longitude = :lon,
				 latitude = :lat, grid_code = :grid, industry = :industry, employee_count = :employees, contact_name = :contact,
				 contact_phone_cipher = :phoneCipher, contact_phone_hash = :phoneHash, above_designated_size = :above,
				 high_tech = :highTech, srdi = :srdi, little_giant = :giant, listed = :listed, content_hash = :content,
				 updated_at = :now, version = version + 1
				WHERE id = :id AND version = :version""")
			.params(params)
			.update() == 1;
	}

	private static Map<String, Object> params(UUID id, EnterpriseFields f, ProtectedValue phone, String contentHash,
			Instant now) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("id", id);
		p.put("name", f.name());
		p.put("code", f.creditCode().value());
		p.put("address", f.address());
		p.put("lon", f.longitude());
		p.put("lat", f.latitude());
		p.put("grid", f.grid().value());
		p.put("industry", f.industry());
		p.put("employees", f.employeeCount());
		p.put("contact", f.contactName());
		p.put("phoneCipher", phone == null ? null : phone.ciphertext());
		p.put("phoneHash", phone == null ? null : phone.hash());
		p.put("above", f.flags().contains(EnterpriseFlag.ABOVE_DESIGNATED_SIZE));
		p.put("highTech", f.flags().contains(EnterpriseFlag.HIGH_TECH));
		p.put("srdi", f.flags().contains(EnterpriseFlag.SRDI));
		p.put("giant", f.flags().contains(EnterpriseFlag.LITTLE_GIANT));
		p.put("listed", f.flags().contains(EnterpriseFlag.LISTED));
		p.put("content", contentHash);
		p.put("now", Timestamp.from(now));
		return p;
	}

	static String flagColumn(EnterpriseFlag flag) {
		return switch (flag) {
			case ABOVE_DESIGNATED_SIZE -> "above_designated_size";
			case HIGH_TECH -> "high_tech";
			case SRDI -> "srdi";
			case LITTLE_GIANT -> "little_giant";
			case LISTED -> "listed";
		};
	}

	String where(RegionCode scope, Filter filter, Map<String, Object> params, java.util.function.Function<String, String> phoneHash) {
		StringBuilder where = new StringBuilder(" WHERE e.grid_code LIKE :scope");
		params.put("scope", scope.likePattern());
		if (filter.gridCode() != null && !filter.gridCode().isBlank()) {
			String code = filter.gridCode().strip();
			where.append(" AND e.grid_code LIKE :grid");
			params.put("grid", RegionCode.isValid(code) ? RegionCode.of(code).likePattern() : code);
		}
		if (filter.flag() != null) {
			where.append(" AND e.").append(flagColumn(filter.flag())).append(" = TRUE");
		}
		if (filter.industry() != null && !filter.industry().isBlank()) {
			where.append(" AND e.industry = :industry");
			params.put("industry", filter.industry().strip());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			String q = filter.q().strip();
			String code = Normalise.code(q);
			if (code.length() == 18 && code.chars().allMatch(c -> CreditCode.ALPHABET.indexOf(c) >= 0)) {
				where.append(" AND e.credit_code = :code");
				params.put("code", code);
			}
			else if (MobilePhone.looksLikeOne(q)) {
				where.append(" AND e.contact_phone_hash = :phoneHash");
				params.put("phoneHash", phoneHash.apply(MobilePhone.parse(q).value()));
			}
			else {
				where.append(" AND LOWER(e.name) LIKE :name");
				params.put("name", "%" + q.toLowerCase().replace("%", "").replace("_", "") + "%");
			}
		}
		return where.toString();
	}

	long count(String where, Map<String, Object> params) {
		return jdbc.sql("SELECT COUNT(*) FROM registers_enterprise e" + where).params(params).query(Long.class).single();
	}

	List<Row> page(String where, Map<String, Object> params, int limit, long offset) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM registers_enterprise e" + where
				+ " ORDER BY e.grid_code, e.name, e.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", limit)
			.param("offset", offset)
			.query(Row.class)
			.list();
	}
}
