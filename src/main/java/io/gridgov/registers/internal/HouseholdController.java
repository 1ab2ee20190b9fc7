package io.gridgov.registers.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.CurrentActor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.registers.internal.ResidentViews.ResidentView;

/**
 * Households: the residents at one address. A household comes into being with its first resident
 * (or an import row); its head must be one of its members.
 */
@RestController
@RequestMapping("/api/registers/households")
class HouseholdController {

	record HouseholdView(UUID id, String gridCode, String gridName, String address, String building, String unit,
			String room, UUID headId, String headName, int memberCount, long version) {
	}

	record HouseholdDetail(HouseholdView household, List<ResidentView> members) {
	}

	record HeadBody(UUID headId, Long version) {
	}

	private final JdbcClient jdbc;
	private final HouseholdStore store;
	private final ResidentQuery residents;
	private final GridNames gridNames;
	private final AuditTrail audit;
	private final Clock clock;

	HouseholdController(JdbcClient jdbc, HouseholdStore store, ResidentQuery residents, GridNames gridNames,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.residents = residents;
		this.gridNames = gridNames;
		this.audit = audit;
		this.clock = clock;
	}

	private static final String SELECT = "SELECT h.id, h.grid_code, h.address, h.building, h.unit, h.room, h.head_id,"
			+ " (SELECT r.name FROM registers_resident r WHERE r.id = h.head_id) AS head_name,"
			+ " (SELECT COUNT(*) FROM registers_resident m WHERE m.household_id = h.id) AS member_count, h.version"
			+ " FROM registers_household h";

	@GetMapping
	Page<HouseholdView> list(@RequestParam(required = false) String gridCode, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		Actor actor = CurrentActor.require();
		PageQuery paging = PageQuery.of(page, size);
		String where = " WHERE h.grid_code LIKE :scope AND h.grid_code LIKE :grid AND LOWER(h.address) LIKE :q";
		String grid = gridCode != null && RegionCode.isValid(gridCode.strip()) ? RegionCode.of(gridCode.strip()).likePattern()
				: "%";
		String text = q == null ? "%" : "%" + q.strip().toLowerCase().replace("%", "").replace("_", "") + "%";
		long total = jdbc.sql("SELECT COUNT(*) FROM registers_household h" + where)
			.param("scope", actor.scope().likePattern())
			.param("grid", grid)
			.param("q", text)
			.query(Long.class)
			.single();
		List<HouseholdView> items = jdbc.sql(SELECT + where + " ORDER BY h.grid_code, h.address, h.building, h.unit, h.room, h.id"
				+ " LIMIT :limit OFFSET :offset")
			.param("scope", actor.scope().likePattern())
			.param("grid", grid)
			.param("q", text)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(this::view)
			.list();
		return Page.of(items, paging, total);
	}

	@GetMapping("/{id}")
	HouseholdDetail one(@PathVariable UUID id) {
		Actor actor = CurrentActor.require();
		HouseholdView household = load(id, actor);
		List<ResidentView> members = residents
			.list(actor, new ResidentQuery.Filter(null, null, null, null, null, id), PageQuery.of(0, PageQuery.MAX_SIZE))
			.items();
		return new HouseholdDetail(household, members);
	}

	@PutMapping("/{id}/head")
	@PreAuthorize("hasAuthority('registers.manage')")
	@Transactional
	HouseholdView setHead(@PathVariable UUID id, @RequestBody HeadBody body) {
		Actor actor = CurrentActor.require();
		HouseholdView household = load(id, actor);
		if (body.headId() == null || !store.members(id).contains(body.headId())) {
			throw new DomainException(ErrorKind.INVALID, "registers.household-head-not-member");
		}
		if (body.version() == null) {
			throw new DomainException(ErrorKind.INVALID, "registers.version-required");
		}
		if (!store.update(id, body.version(), RegionCode.of(household.gridCode()), body.headId(), clock.instant())) {
			throw new DomainException(ErrorKind.CONFLICT, "conflict.stale-version");
		}
		audit.record(AuditRecord.success("HOUSEHOLD_UPDATE", "household", id).withDetail("head"));
		return load(id, actor);
	}

	HouseholdView load(UUID id, Actor actor) {
		HouseholdView view = jdbc.sql(SELECT + " WHERE h.id = ?")
			.param(id)
			.query(this::view)
			.optional()
			.orElseThrow(() -> RecordNotFoundException.notFound("household", id));
		if (!actor.canSee(RegionCode.of(view.gridCode()))) {
			throw RecordNotFoundException.outOfScope("household", id);
		}
		return view;
	}

	private HouseholdView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String grid = rs.getString("grid_code");
		return new HouseholdView(rs.getObject("id", UUID.class), grid, gridNames.name(grid), rs.getString("address"),
				rs.getString("building"), rs.getString("unit"), rs.getString("room"), rs.getObject("head_id", UUID.class),
				rs.getString("head_name"), rs.getInt("member_count"), rs.getLong("version"));
	}
}
