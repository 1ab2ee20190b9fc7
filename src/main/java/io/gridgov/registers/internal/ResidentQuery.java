package io.gridgov.registers.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.personaldata.Masking;
import io.gridgov.platform.personaldata.PersonalDataCipher;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.tabular.Normalise;
import io.gridgov.registers.Residency;
import io.gridgov.registers.ResidentStatus;
import io.gridgov.registers.internal.ResidentViews.ResidentView;

/**
 * Reads residents cut to the actor's scope. {@code q} is an ID number or a phone (exact, by the
 * keyed hash) or part of a name. Values leave masked.
 */
@Component
class ResidentQuery {

	record Filter(String gridCode, String q, String tag, Residency residency, ResidentStatus status, UUID householdId) {
	}

	private final JdbcClient jdbc;
	private final ResidentStore store;
	private final PersonalDataCipher cipher;
	private final GridNames gridNames;

	ResidentQuery(JdbcClient jdbc, ResidentStore store, PersonalDataCipher cipher, GridNames gridNames) {
		this.jdbc = jdbc;
		this.store = store;
		this.cipher = cipher;
		this.gridNames = gridNames;
	}

	Page<ResidentView> list(Actor actor, Filter filter, PageQuery page) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(actor.scope(), filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM registers_resident r" + where).params(params).query(Long.class).single();
		List<ResidentStore.Row> rows = jdbc.sql("SELECT " + ResidentStore.COLUMNS + " FROM registers_resident r" + where
				+ " ORDER BY r.grid_code, r.name, r.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(ResidentStore.Row.class)
			.list();
		return Page.of(views(rows), page, total);
	}

	/** Every resident matching the filter in scope, in pages of 1,000, for an export. */
	void each(Actor actor, Filter filter, int max, Consumer<List<ResidentView>> sink) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(actor.scope(), filter, params);
		int offset = 0;
		while (offset < max) {
			List<ResidentStore.Row> rows = jdbc.sql("SELECT " + ResidentStore.COLUMNS + " FROM registers_resident r" + where
					+ " ORDER BY r.grid_code, r.name, r.id LIMIT :limit OFFSET :offset")
				.params(params)
				.param("limit", Math.min(1000, max - offset))
				.param("offset", offset)
				.query(ResidentStore.Row.class)
				.list();
			if (rows.isEmpty()) {
				return;
			}
			sink.accept(views(rows));
			offset += rows.size();
		}
	}

	long count(Actor actor, Filter filter) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(actor.scope(), filter, params);
		return jdbc.sql("SELECT COUNT(*) FROM registers_resident r" + where).params(params).query(Long.class).single();
	}

	List<ResidentStore.Row> rows(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + ResidentStore.COLUMNS + " FROM registers_resident r WHERE r.id IN (:ids)")
			.param("ids", ids)
			.query(ResidentStore.Row.class)
			.list();
	}

	ResidentView view(ResidentStore.Row row) {
		return views(List.of(row)).get(0);
	}

	private String where(RegionCode scope, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE r.grid_code LIKE :scope");
		params.put("scope", scope.likePattern());
		if (filter.gridCode() != null && !filter.gridCode().isBlank()) {
			where.append(" AND r.grid_code LIKE :grid");
			String code = filter.gridCode().strip();
			params.put("grid", RegionCode.isValid(code) ? RegionCode.of(code).likePattern() : code);
		}
		if (filter.tag() != null && !filter.tag().isBlank()) {
			where.append(" AND EXISTS (SELECT 1 FROM registers_resident_tag t WHERE t.resident_id = r.id AND t.tag_code = :tag)");
			params.put("tag", filter.tag().strip());
		}
		if (filter.residency() != null) {
			where.append(" AND r.residency = :residency");
			params.put("residency", filter.residency().name());
		}
		if (filter.status() != null) {
			where.append(" AND r.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.householdId() != null) {
			where.append(" AND r.household_id = :household");
			params.put("household", filter.householdId());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			String q = filter.q().strip();
			if (IdNumber.looksLikeOne(q)) {
				where.append(" AND r.id_hash = :idHash");
				params.put("idHash", cipher.hash(Normalise.code(q)));
			}
			else if (MobilePhone.looksLikeOne(q)) {
				where.append(" AND r.phone_hash = :phoneHash");
				params.put("phoneHash", cipher.hash(MobilePhone.parse(q).value()));
			}
			else {
				where.append(" AND LOWER(r.name) LIKE :name");
				params.put("name", "%" + q.toLowerCase().replace("%", "").replace("_", "") + "%");
			}
		}
		return where.toString();
	}

	private List<ResidentView> views(List<ResidentStore.Row> rows) {
		Map<UUID, List<String>> tags = store.tags(rows.stream().map(ResidentStore.Row::id).toList());
		return rows.stream()
			.map(r -> new ResidentView(r.id(), r.name(),
					r.idCipher() == null ? null : Masking.idNumber(cipher.decrypt(r.idCipher(), IdNumber.FIELD)), r.gender(),
					r.birthDate(),
					r.phoneCipher() == null ? null : Masking.phone(cipher.decrypt(r.phoneCipher(), MobilePhone.RESIDENT_FIELD)),
					r.householdId(), r.address(), r.building(), r.unit(), r.room(), r.longitude(), r.latitude(),
					r.gridCode(), gridNames.name(r.gridCode()), r.residency(), r.status(), tags.getOrDefault(r.id(), List.of()),
					r.version(), r.updatedAt()))
			.toList();
	}
}
