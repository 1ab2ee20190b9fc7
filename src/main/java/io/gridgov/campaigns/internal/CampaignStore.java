package io.gridgov.campaigns.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.registers.EnterpriseFlag;
import io.gridgov.registers.Residency;
import io.gridgov.registers.SubjectKind;
import io.gridgov.registers.TargetCriteria;
import tools.jackson.databind.json.JsonMapper;

/** Campaign rows: criteria sets as comma-separated codes, the outcome form as JSON, an optimistic version. */
@Component
class CampaignStore {

	static final String COLUMNS = "id, name, description, scope_code, status, target_mode, subject_kind, tag_codes,"
			+ " region_codes, residency, enterprise_flags, schedule_kind, start_date, end_date, weekdays, outcome_form,"
			+ " target_count, generated_through, created_at, created_by, started_at, ended_at, version";

	private final JdbcClient jdbc;
	private final JsonMapper json;

	CampaignStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Campaign c) {
		jdbc.sql("INSERT INTO campaigns_campaign (" + COLUMNS + ") VALUES (:id, :name, :description, :scope, :status,"
				+ " :mode, :kind, :tags, :regions, :residency, :flags, :scheduleKind, :startDate, :endDate, :weekdays,"
				+ " :form, :targetCount, :generatedThrough, :createdAt, :createdBy, :startedAt, :endedAt, 0)")
			.params(params(c))
			.update();
	}

	/** Writes the campaign if nobody changed it since it was read; otherwise 409. */
	void update(Campaign c) {
		int updated = jdbc.sql("UPDATE campaigns_campaign SET name = :name, description = :description, status = :status,"
				+ " target_mode = :mode, subject_kind = :kind, tag_codes = :tags, region_codes = :regions,"
				+ " residency = :residency, enterprise_flags = :flags, schedule_kind = :scheduleKind,"
				+ " start_date = :startDate, end_date = :endDate, weekdays = :weekdays, outcome_form = :form,"
				+ " target_count = :targetCount, generated_through = :generatedThrough, started_at = :startedAt,"
				+ " ended_at = :endedAt, version = version + 1 WHERE id = :id AND version = :version")
			.params(params(c))
			.param("version", c.version())
			.update();
		if (updated == 0) {
			throw new DomainException(ErrorKind.CONFLICT, "campaigns.stale-version");
		}
	}

	Optional<Campaign> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM campaigns_campaign WHERE id = ?").param(id).query(this::map).optional();
	}

	/** Reads the campaign and locks its row until the transaction ends: list generation runs one at a time per campaign. */
	Optional<Campaign> lock(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM campaigns_campaign WHERE id = ? FOR UPDATE")
			.param(id)
			.query(this::map)
			.optional();
	}

	/**
	 * The running campaigns whose lists are not yet written through {@code today} although one of
	 * their days has begun (start date reached): what a read of today's lists catches up first.
	 */
	List<UUID> behind(LocalDate today) {
		return jdbc.sql("SELECT id FROM campaigns_campaign WHERE status = 'RUNNING' AND start_date <= ?"
				+ " AND (generated_through IS NULL OR generated_through < ?) ORDER BY created_at")
			.params(today, today)
			.query(UUID.class)
			.list();
	}

	List<UUID> running() {
		return jdbc.sql("SELECT id FROM campaigns_campaign WHERE status = 'RUNNING' ORDER BY created_at")
			.query(UUID.class)
			.list();
	}

	private Map<String, Object> params(Campaign c) {
		Map<String, Object> p = new LinkedHashMap<>();
		TargetCriteria t = c.criteria();
		p.put("id", c.id());
		p.put("name", c.name());
		p.put("description", c.description());
		p.put("scope", c.scope().value());
		p.put("status", c.status().name());
		p.put("mode", c.targetMode().name());
		p.put("kind", t.kind().name());
		p.put("tags", join(t.tagCodes(), Function.identity()));
		p.put("regions", join(t.regions(), RegionCode::value));
		p.put("residency", t.residency() == null ? null : t.residency().name());
		p.put("flags", join(t.enterpriseFlags(), EnterpriseFlag::name));
		p.put("scheduleKind", c.schedule().kind().name());
		p.put("startDate", c.schedule().startDate());
		p.put("endDate", c.schedule().endDate());
		p.put("weekdays", c.schedule().weekdaysColumn());
		p.put("form", json.writeValueAsString(c.form()));
		p.put("targetCount", c.targetCount());
		p.put("generatedThrough", c.generatedThrough());
		p.put("createdAt", ts(c.createdAt()));
		p.put("createdBy", c.createdBy());
		p.put("startedAt", ts(c.startedAt()));
		p.put("endedAt", ts(c.endedAt()));
		return p;
	}

	private static <T> String join(Set<T> values, Function<T, String> text) {
		return values.isEmpty() ? null : values.stream().map(text).sorted().collect(Collectors.joining(","));
	}

	private static Set<String> split(String column) {
		return column == null || column.isBlank() ? Set.of()
				: Arrays.stream(column.split(",")).map(String::strip).collect(Collectors.toSet());
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	Campaign map(ResultSet rs, int row) throws SQLException {
		TargetCriteria criteria = new TargetCriteria(SubjectKind.valueOf(rs.getString("subject_kind")),
				split(rs.getString("tag_codes")),
				split(rs.getString("region_codes")).stream().map(RegionCode::of).collect(Collectors.toSet()),
				rs.getString("residency") == null ? null : Residency.valueOf(rs.getString("residency")),
				split(rs.getString("enterprise_flags")).stream().map(EnterpriseFlag::valueOf).collect(Collectors.toSet()));
		Schedule schedule = new Schedule(ScheduleKind.valueOf(rs.getString("schedule_kind")),
				rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
				Schedule.parseWeekdays(rs.getString("weekdays")));
		return new Campaign(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
				RegionCode.of(rs.getString("scope_code")), CampaignStatus.valueOf(rs.getString("status")),
				TargetMode.valueOf(rs.getString("target_mode")), criteria, schedule,
				json.readValue(rs.getString("outcome_form"), OutcomeForm.class), rs.getInt("target_count"),
				rs.getObject("generated_through", LocalDate.class), instant(rs, "created_at"), rs.getString("created_by"),
				instant(rs, "started_at"), instant(rs, "ended_at"), rs.getLong("version"));
	}
}
