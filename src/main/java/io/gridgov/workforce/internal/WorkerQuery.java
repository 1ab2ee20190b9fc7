package io.gridgov.workforce.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.gridgov.geo.Grids;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.personaldata.Masking;
import io.gridgov.platform.personaldata.PersonalDataCipher;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.workforce.internal.WorkerViews.GridView;
import io.gridgov.workforce.internal.WorkerViews.WorkerView;

/**
 * Reads workers for the API, cut to the actor's scope: a worker is visible when any of their grids
 * lies inside it, and only those grids are listed. Phones leave masked.
 */
@Component
class WorkerQuery {

	private static final String COLUMNS = "w.id, w.name, w.employment, w.source, w.status, w.phone_cipher, w.username, w.version";

	private final JdbcClient jdbc;
	private final Grids grids;
	private final PersonalDataCipher cipher;

	WorkerQuery(JdbcClient jdbc, Grids grids, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.grids = grids;
		this.cipher = cipher;
	}

	record Filter(String gridCode, String q, Employment employment, WorkerSource source, WorkerStatus status) {
	}

	Page<WorkerView> list(Actor actor, Filter filter, PageQuery page) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(actor, filter, params);
		long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
		return Page.of(views(rows(where, params, page.size(), page.offset()), actor.scope()), page, total);
	}

	/** How many workers the filter finds within the actor's scope. */
	long count(Actor actor, Filter filter) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(actor, filter, params);
		return jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
	}

	/** The filtered list for an export, at most {@code limit} workers, each with the work phone in full. */
	List<Exported> export(Actor actor, Filter filter, int limit) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<Row> rows = rows(where(actor, filter, params), params, limit, 0);
		List<WorkerView> views = views(rows, actor.scope());
		List<Exported> exported = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			exported.add(new Exported(views.get(i), cipher.decrypt(rows.get(i).phoneCipher(), WorkPhone.FIELD)));
		}
		return exported;
	}

	record Exported(WorkerView view, String phone) {

		@Override
		public String toString() {
			return "Exported[" + view.id() + "]";
		}
	}

	private List<Row> rows(String where, Map<String, Object> params, int limit, long offset) {
		return jdbc.sql("SELECT " + COLUMNS + where + " ORDER BY w.name, w.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", limit)
			.param("offset", offset)
			.query(Row.class)
			.list();
	}

	private String where(Actor actor, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(
				" FROM workforce_worker w WHERE EXISTS (SELECT 1 FROM workforce_assignment a WHERE a.worker_id = w.id"
						+ " AND a.grid_code LIKE :scope");
		params.put("scope", actor.scope().likePattern());
		if (filter.gridCode() != null && !filter.gridCode().isBlank()) {
			where.append(" AND a.grid_code = :grid");
			params.put("grid", filter.gridCode().strip());
		}
		where.append(')');
		if (filter.employment() != null) {
			where.append(" AND w.employment = :employment");
			params.put("employment", filter.employment().name());
		}
		if (filter.source() != null) {
			where.append(" AND w.source = :source");
			params.put("source", filter.source().name());
		}
		if (filter.status() != null) {
			where.append(" AND w.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			String q = filter.q().strip();
			if (WorkPhone.looksLikeOne(q)) {
				where.append(" AND w.phone_hash = :phoneHash");
				params.put("phoneHash", cipher.hash(WorkPhone.of(q).value()));
			}
			else {
				where.append(" AND LOWER(w.name) LIKE :name");
				params.put("name", "%" + q.toLowerCase().replace("%", "").replace("_", "") + "%");
			}
		}
		return where.toString();
	}

	/** A worker the actor may see (one of the worker's grids lies in the actor's scope); otherwise a 404. */
	WorkerView get(UUID id, Actor actor) {
		WorkerView view = findWhere("w.id", id, actor.scope())
			.orElseThrow(() -> RecordNotFoundException.notFound("worker", id));
		if (view.grids().isEmpty()) {
			throw RecordNotFoundException.outOfScope("worker", id);
		}
		return view;
	}

	Optional<WorkerView> findByUser(UUID userId, RegionCode scope) {
		return findWhere("w.user_id", userId, scope);
	}

	private Optional<WorkerView> findWhere(String column, UUID value, RegionCode scope) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM workforce_worker w WHERE " + column + " = ?")
			.param(value)
			.query(Row.class)
			.optional()
			.map(row -> views(List.of(row), scope).get(0));
	}

	/** The workers serving a grid inside the actor's scope who have not left, the lead first; otherwise a 404. */
	List<WorkerView> ofGrid(RegionCode grid, Actor actor) {
		if (grids.find(grid).isEmpty()) {
			throw RecordNotFoundException.notFound("grid", grid);
		}
		if (!actor.canSee(grid)) {
			throw RecordNotFoundException.outOfScope("grid", grid);
		}
		return ofGrid(grid, actor.scope());
	}

	private List<WorkerView> ofGrid(RegionCode grid, RegionCode scope) {
		List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM workforce_worker w JOIN workforce_assignment a ON a.worker_id = w.id"
				+ " WHERE a.grid_code = ? AND w.status <> 'LEFT' ORDER BY a.is_lead DESC, w.name, w.id")
			.param(grid.value())
			.query(Row.class)
			.list();
		return views(rows, scope);
	}

	/** The active workers of each grid, lead first, with their phone in full: what a notice board publishes. */
	Map<String, List<PublishedWorker>> published(Collection<String> gridCodes) {
		Map<String, List<PublishedWorker>> byGrid = new LinkedHashMap<>();
		if (gridCodes.isEmpty()) {
			return byGrid;
		}
		jdbc.sql("SELECT a.grid_code, a.is_lead, w.name, w.phone_cipher FROM workforce_assignment a"
				+ " JOIN workforce_worker w ON w.id = a.worker_id WHERE a.grid_code IN (:grids) AND w.status = 'ACTIVE'"
				+ " ORDER BY a.grid_code, a.is_lead DESC, w.name, w.id")
			.param("grids", List.copyOf(gridCodes))
			.query((rs, n) -> {
				byGrid.computeIfAbsent(rs.getString("grid_code"), k -> new ArrayList<>())
					.add(new PublishedWorker(rs.getString("name"),
							cipher.decrypt(rs.getString("phone_cipher"), WorkPhone.FIELD), rs.getBoolean("is_lead")));
				return null;
			})
			.list();
		return byGrid;
	}

	record PublishedWorker(String name, String workPhone, boolean lead) {
	}

	private List<WorkerView> views(List<Row> rows, RegionCode scope) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<GridRole>> roles = new LinkedHashMap<>();
		jdbc.sql("SELECT worker_id, grid_code, is_lead FROM workforce_assignment WHERE worker_id IN (:ids)")
			.param("ids", rows.stream().map(Row::id).distinct().toList())
			.query((rs, n) -> roles.computeIfAbsent(rs.getObject("worker_id", UUID.class), k -> new ArrayList<>())
				.add(new GridRole(rs.getString("grid_code"), rs.getBoolean("is_lead"))))
			.list();
		GridDirectory directory = new GridDirectory(grids);
		return rows.stream().map(row -> {
			List<GridView> gridViews = roles.getOrDefault(row.id(), List.of())
				.stream()
				.filter(role -> scope.contains(RegionCode.of(role.gridCode())))
				.sorted(Comparator.comparing(GridRole::lead).reversed().thenComparing(GridRole::gridCode))
				.map(role -> new GridView(role.gridCode(), directory.name(role.gridCode()), role.lead()))
				.toList();
			return new WorkerView(row.id(), row.name(), Employment.valueOf(row.employment()),
					WorkerSource.valueOf(row.source()), WorkerStatus.valueOf(row.status()),
					Masking.phone(cipher.decrypt(row.phoneCipher(), WorkPhone.FIELD)), gridViews, row.username(),
					row.version());
		}).toList();
	}

	record Row(UUID id, String name, String employment, String source, String status, String phoneCipher,
			String username, long version) {
	}
}
