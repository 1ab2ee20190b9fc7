package io.gridgov.campaigns.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.campaigns.HomeServiceRequested;
import io.gridgov.campaigns.internal.CampaignViews.FollowUpView;
import io.gridgov.campaigns.internal.CampaignViews.HomeServiceView;
import io.gridgov.campaigns.internal.CampaignViews.OutcomeBody;
import io.gridgov.campaigns.internal.CampaignViews.OutcomeFormOf;
import io.gridgov.campaigns.internal.CampaignViews.TodayView;
import io.gridgov.campaigns.internal.OutcomeForm.Outcome;
import io.gridgov.geo.Grids;
import io.gridgov.platform.Ids;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.registers.SubjectKind;
import io.gridgov.workforce.GridStaff;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The grid worker's side: today's follow-ups of their grids, recording an outcome (a missed check
 * needs a reason; "needs home service" opens a home-service task and publishes
 * {@link HomeServiceRequested}), and the home-service tasks of their grids.
 */
@Service
class FollowUpService {

	static final String FOLLOWUP = "campaign-followup";
	static final String HOME_SERVICE = "campaign-home-service";
	static final int MAX_TODAY = 2000;
	static final String FOLLOWUP_COLUMNS = "f.id, f.campaign_id, c.name AS campaign_name, f.due_day, f.subject_kind,"
			+ " f.subject_id, f.subject_name, f.grid_code, f.worker_id, f.worker_name, f.status, f.outcome,"
			+ " f.recorded_at, f.recorded_by";

	private final JdbcClient jdbc;
	private final CampaignStore campaigns;
	private final CampaignClock clock;
	private final GridStaff staff;
	private final Grids grids;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final FollowUpGenerator generator;

	FollowUpService(JdbcClient jdbc, CampaignStore campaigns, CampaignClock clock, GridStaff staff, Grids grids,
			AuditTrail audit, ApplicationEventPublisher events, JsonMapper json, FollowUpGenerator generator) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.clock = clock;
		this.staff = staff;
		this.grids = grids;
		this.audit = audit;
		this.events = events;
		this.json = json;
		this.generator = generator;
	}

	/**
	 * The follow-ups due on the day (today by default) in the actor's grids: the grids the actor
	 * serves as a worker when they are one, else every grid of the actor's scope.
	 */
	TodayView today(Actor actor, LocalDate day, UUID campaignId) {
		LocalDate today = generator.catchUp();
		LocalDate date = day == null ? today : day;
		List<RegionCode> own = staff.gridsOfUser(actor.userId()).stream().filter(actor::canSee).toList();
		StringBuilder sql = new StringBuilder("SELECT " + FOLLOWUP_COLUMNS + " FROM campaigns_followup f"
				+ " JOIN campaigns_campaign c ON c.id = f.campaign_id WHERE f.due_day = :day AND f.grid_code LIKE :scope");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("day", date);
		params.put("scope", actor.scope().likePattern());
		if (!own.isEmpty()) {
			sql.append(" AND f.grid_code IN (:own)");
			params.put("own", own.stream().map(RegionCode::value).toList());
		}
		if (campaignId != null) {
			sql.append(" AND f.campaign_id = :campaign");
			params.put("campaign", campaignId);
		}
		sql.append(" ORDER BY CASE f.status WHEN 'PENDING' THEN 0 ELSE 1 END, c.name, f.grid_code, f.subject_name, f.id"
				+ " LIMIT " + MAX_TODAY);
		List<FollowUpView> items = jdbc.sql(sql.toString()).params(params).query(this::followUp).list();
		Map<UUID, OutcomeFormOf> forms = new LinkedHashMap<>();
		for (FollowUpView item : items) {
			forms.computeIfAbsent(item.campaignId(), id -> campaigns.find(id)
				.map(c -> new OutcomeFormOf(c.id(), c.name(), c.form()))
				.orElse(null));
		}
		return new TodayView(date, named(items), new ArrayList<>(forms.values()));
	}

	/** Records the outcome of a follow-up of the actor's scope (404 outside it); may be corrected while the campaign runs. */
	@Transactional
	FollowUpView record(UUID id, OutcomeBody body, Actor actor) {
		Row row = jdbc.sql("SELECT id, campaign_id, due_day, subject_kind, subject_id, subject_name, grid_code"
				+ " FROM campaigns_followup WHERE id = ? FOR UPDATE")
			.param(id)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, LocalDate.class), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6),
					rs.getString(7)))
			.optional()
			.orElseThrow(() -> RecordNotFoundException.notFound(FOLLOWUP, id));
		if (!actor.canSee(RegionCode.of(row.grid()))) {
			throw RecordNotFoundException.outOfScope(FOLLOWUP, id);
		}
		Campaign campaign = campaigns.find(row.campaignId()).orElseThrow();
		campaign.requireStatus(CampaignStatus.RUNNING);
		if (row.day().isAfter(clock.today())) {
			throw new DomainException(ErrorKind.CONFLICT, "campaigns.followup-not-due", row.day());
		}
		Outcome outcome = campaign.form().validate(body == null ? null : body.values());
		Double latitude = body.latitude();
		Double longitude = body.longitude();
		if ((latitude == null) != (longitude == null) || (latitude != null
				&& (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180))) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.position-invalid");
		}
		Instant now = clock.clock().instant();
		jdbc.sql("UPDATE campaigns_followup SET status = :status, checked = :checked, reason_missed = :reason,"
				+ " needs_home_service = :home, outcome = :outcome, recorded_at = :at, recorded_by = :by,"
				+ " latitude = :lat, longitude = :lon WHERE id = :id")
			.param("status", outcome.checked() ? "DONE" : "MISSED")
			.param("checked", outcome.checked())
			.param("reason", outcome.reasonMissed())
			.param("home", outcome.needsHomeService())
			.param("outcome", json.writeValueAsString(outcome.values()))
			.param("at", CampaignStore.ts(now))
			.param("by", actor.username())
			.param("lat", latitude)
			.param("lon", longitude)
			.param("id", id)
			.update();
		audit.record(AuditRecord.success("FOLLOWUP_RECORD", FOLLOWUP, id)
			.withDetail(outcome.checked() ? "checked" : "missed"));
		if (outcome.needsHomeService()) {
			openHomeService(campaign, row, outcome.note(), now, actor);
		}
		return get(id);
	}

	private void openHomeService(Campaign campaign, Row row, String note, Instant now, Actor actor) {
		boolean exists = jdbc.sql("SELECT COUNT(*) FROM campaigns_home_service_task WHERE followup_id = ?")
			.param(row.id())
			.query(Long.class)
			.single() > 0;
		if (exists) {
			return;
		}
		UUID taskId = Ids.newId(clock.clock());
		jdbc.sql("INSERT INTO campaigns_home_service_task (id, campaign_id, followup_id, subject_kind, subject_id,"
				+ " subject_name, grid_code, note, status, created_at, created_by)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)")
			.params(taskId, campaign.id(), row.id(), row.kind(), row.subjectId(), row.name(), row.grid(), note,
					CampaignStore.ts(now), actor.username())
			.update();
		audit.record(AuditRecord.success("HOME_SERVICE_OPEN", HOME_SERVICE, taskId));
		events.publishEvent(new HomeServiceRequested(taskId, campaign.id(), campaign.name(), row.id(), row.kind(),
				row.subjectId(), row.name(), RegionCode.of(row.grid()), row.day(), note, now, actor.username()));
	}

	record Row(UUID id, UUID campaignId, LocalDate day, String kind, UUID subjectId, String name, String grid) {
	}

	FollowUpView get(UUID id) {
		return named(jdbc.sql("SELECT " + FOLLOWUP_COLUMNS
				+ " FROM campaigns_followup f JOIN campaigns_campaign c ON c.id = f.campaign_id WHERE f.id = ?")
			.param(id)
			.query(this::followUp)
			.list()).get(0);
	}

	Page<HomeServiceView> homeService(Actor actor, String status, String gridCode, PageQuery page) {
		StringBuilder where = new StringBuilder(
				" FROM campaigns_home_service_task h JOIN campaigns_campaign c ON c.id = h.campaign_id WHERE h.grid_code LIKE :scope");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scope", actor.scope().likePattern());
		if (status != null && !status.isBlank()) {
			if (!status.equals("OPEN") && !status.equals("DONE")) {
				throw new DomainException(ErrorKind.INVALID, "campaigns.status-invalid", status);
			}
			where.append(" AND h.status = :status");
			params.put("status", status);
		}
		if (gridCode != null && !gridCode.isBlank()) {
			where.append(" AND h.grid_code = :grid");
			params.put("grid", gridCode.strip());
		}
		long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
		List<HomeServiceView> items = jdbc.sql("SELECT h.*, c.name AS campaign_name" + where
				+ " ORDER BY CASE h.status WHEN 'OPEN' THEN 0 ELSE 1 END, h.created_at DESC, h.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new HomeServiceView(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
					rs.getString("campaign_name"), rs.getObject("followup_id", UUID.class),
					SubjectKind.valueOf(rs.getString("subject_kind")), rs.getObject("subject_id", UUID.class),
					rs.getString("subject_name"), rs.getString("grid_code"), gridName(rs.getString("grid_code")),
					rs.getString("note"), rs.getString("status"), CampaignStore.instant(rs, "created_at"),
					rs.getString("created_by"), CampaignStore.instant(rs, "done_at"), rs.getString("done_by")))
			.list();
		return Page.of(items, page, total);
	}

	/** Marks a home-service task of the actor's scope done (404 outside it; 409 when it already is). */
	@Transactional
	void homeServiceDone(UUID id, Actor actor) {
		Optional<String[]> task = jdbc.sql("SELECT grid_code, status FROM campaigns_home_service_task WHERE id = ? FOR UPDATE")
			.param(id)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
		String[] found = task.orElseThrow(() -> RecordNotFoundException.notFound(HOME_SERVICE, id));
		if (!actor.canSee(RegionCode.of(found[0]))) {
			throw RecordNotFoundException.outOfScope(HOME_SERVICE, id);
		}
		if (!found[1].equals("OPEN")) {
			throw new DomainException(ErrorKind.CONFLICT, "campaigns.home-service-done");
		}
		jdbc.sql("UPDATE campaigns_home_service_task SET status = 'DONE', done_at = ?, done_by = ? WHERE id = ?")
			.params(CampaignStore.ts(clock.clock().instant()), actor.username(), id)
			.update();
		audit.record(AuditRecord.success("HOME_SERVICE_DONE", HOME_SERVICE, id));
	}

	private FollowUpView followUp(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String outcome = rs.getString("outcome");
		Map<String, Object> values = outcome == null ? null : json.readValue(outcome, new TypeReference<Map<String, Object>>() {
		});
		return new FollowUpView(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
				rs.getString("campaign_name"), rs.getObject("due_day", LocalDate.class),
				SubjectKind.valueOf(rs.getString("subject_kind")), rs.getObject("subject_id", UUID.class),
				rs.getString("subject_name"), rs.getString("grid_code"), null, rs.getObject("worker_id", UUID.class),
				rs.getString("worker_name"), rs.getString("status"), values, CampaignStore.instant(rs, "recorded_at"),
				rs.getString("recorded_by"));
	}

	private List<FollowUpView> named(List<FollowUpView> items) {
		Map<String, String> names = new LinkedHashMap<>();
		return items.stream()
			.map(f -> new FollowUpView(f.id(), f.campaignId(), f.campaignName(), f.day(), f.subjectKind(), f.subjectId(),
					f.subjectName(), f.gridCode(), names.computeIfAbsent(f.gridCode(), this::gridName), f.workerId(),
					f.workerName(), f.status(), f.outcome(), f.recordedAt(), f.recordedBy()))
			.toList();
	}

	String gridName(String code) {
		return RegionCode.isValid(code) && code.length() == 15
				? grids.find(RegionCode.of(code)).map(g -> g.name()).orElse(code) : code;
	}
}
