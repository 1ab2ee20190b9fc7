package io.gridgov.campaigns.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.gridgov.campaigns.internal.CampaignViews.FollowUpView;
import io.gridgov.geo.Regions;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;

/**
 * The progress of a campaign on a day, cut to the actor's scope: targets, due, done, missed (with
 * reasons), pending, and overdue (earlier days still pending); broken down by community, grid or
 * worker, and the subjects not yet followed up.
 */
@Component
class ProgressQuery {

	enum Level {
		COMMUNITY, GRID, WORKER
	}

	record Figures(long targets, long due, long done, long missed, long pending, long overdue) {
	}

	record Summary(UUID campaignId, String campaignName, String status, LocalDate day, Figures figures,
			long homeServiceOpen, List<ReasonCount> missedReasons) {
	}

	record ReasonCount(String reason, long count) {
	}

	record Breakdown(String key, String name, Figures figures) {
	}

	private final JdbcClient jdbc;
	private final CampaignService campaigns;
	private final FollowUpService followUps;
	private final Regions regions;
	private final FollowUpGenerator generator;

	ProgressQuery(JdbcClient jdbc, CampaignService campaigns, FollowUpService followUps, Regions regions,
			FollowUpGenerator generator) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.followUps = followUps;
		this.regions = regions;
		this.generator = generator;
	}

	/** The area a progress request covers: the actor's scope, narrowed to {@code within} when that lies inside it. */
	private static String area(Actor actor, String within) {
		if (within == null || within.isBlank()) {
			return actor.scope().likePattern();
		}
		if (!RegionCode.isValid(within.strip()) || !actor.canSee(RegionCode.of(within.strip()))) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.region-invalid", within);
		}
		return RegionCode.of(within.strip()).likePattern();
	}

	Summary summary(UUID campaignId, Actor actor, LocalDate day, String within) {
		Campaign campaign = campaigns.visibleCampaign(campaignId, actor);
		LocalDate date = day == null ? generator.catchUp() : day;
		String area = area(actor, within);
		Figures figures = breakdown(campaignId, date, area, "'all'").values().stream().findFirst().orElse(
				new Figures(targets(campaignId, area, "'all'").getOrDefault("all", 0L), 0, 0, 0, 0, 0));
		long open = jdbc.sql("SELECT COUNT(*) FROM campaigns_home_service_task WHERE campaign_id = ? AND status = 'OPEN'"
				+ " AND grid_code LIKE ?")
			.params(campaignId, area)
			.query(Long.class)
			.single();
		List<ReasonCount> reasons = jdbc.sql("SELECT reason_missed, COUNT(*) AS n FROM campaigns_followup"
				+ " WHERE campaign_id = ? AND due_day = ? AND status = 'MISSED' AND grid_code LIKE ?"
				+ " GROUP BY reason_missed ORDER BY n DESC, reason_missed LIMIT 20")
			.params(campaignId, date, area)
			.query((rs, n) -> new ReasonCount(rs.getString(1), rs.getLong(2)))
			.list();
		return new Summary(campaignId, campaign.name(), campaign.status().name(), date, figures, open, reasons);
	}

	List<Breakdown> by(UUID campaignId, Actor actor, Level level, LocalDate day, String within) {
		campaigns.visibleCampaign(campaignId, actor);
		LocalDate date = day == null ? generator.catchUp() : day;
		String area = area(actor, within);
		String key = switch (level) {
			case COMMUNITY -> "SUBSTRING(grid_code, 1, 12)";
			case GRID -> "grid_code";
			case WORKER -> "COALESCE(CAST(worker_id AS VARCHAR(36)), '-')";
		};
		Map<String, Figures> figures = breakdown(campaignId, date, area, key);
		List<Breakdown> rows = new ArrayList<>();
		Map<String, String> workerNames = level == Level.WORKER ? workerNames(campaignId, date, area) : Map.of();
		for (Map.Entry<String, Figures> entry : figures.entrySet()) {
			String name = switch (level) {
				case COMMUNITY, GRID -> regionName(entry.getKey());
				case WORKER -> workerNames.getOrDefault(entry.getKey(), "-");
			};
			rows.add(new Breakdown(entry.getKey(), name, entry.getValue()));
		}
		return rows;
	}

	/** The follow-ups of the day still pending in the area (optionally one worker's): who has not been followed up yet. */
	Page<FollowUpView> notYetFollowedUp(UUID campaignId, Actor actor, LocalDate day, String within, UUID workerId,
			PageQuery page) {
		campaigns.visibleCampaign(campaignId, actor);
		LocalDate date = day == null ? generator.catchUp() : day;
		String where = " FROM campaigns_followup f JOIN campaigns_campaign c ON c.id = f.campaign_id"
				+ " WHERE f.campaign_id = :campaign AND f.due_day = :day AND f.status = 'PENDING' AND f.grid_code LIKE :area"
				+ (workerId == null ? "" : " AND f.worker_id = :worker");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("campaign", campaignId);
		params.put("day", date);
		params.put("area", area(actor, within));
		if (workerId != null) {
			params.put("worker", workerId);
		}
		long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
		List<UUID> ids = jdbc.sql("SELECT f.id" + where + " ORDER BY f.grid_code, f.subject_name, f.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(UUID.class)
			.list();
		return Page.of(ids.stream().map(followUps::get).toList(), page, total);
	}

	private Map<String, Figures> breakdown(UUID campaignId, LocalDate day, String area, String key) {
		Map<String, Long> targets = targets(campaignId, area, key.equals("'all'") ? "'all'"
				: key.startsWith("COALESCE") ? null : key);
		Map<String, Figures> rows = new LinkedHashMap<>();
		jdbc.sql("SELECT " + key + " AS k,"
				+ " SUM(CASE WHEN due_day = :day THEN 1 ELSE 0 END) AS due,"
				+ " SUM(CASE WHEN due_day = :day AND status = 'DONE' THEN 1 ELSE 0 END) AS done,"
				+ " SUM(CASE WHEN due_day = :day AND status = 'MISSED' THEN 1 ELSE 0 END) AS missed,"
				+ " SUM(CASE WHEN due_day = :day AND status = 'PENDING' THEN 1 ELSE 0 END) AS pending,"
				+ " SUM(CASE WHEN due_day < :day AND status = 'PENDING' THEN 1 ELSE 0 END) AS overdue,"
				+ " COUNT(DISTINCT CASE WHEN due_day = :day THEN subject_id END) AS subjects"
				+ " FROM campaigns_followup WHERE campaign_id = :campaign AND due_day <= :day AND grid_code LIKE :area"
				+ group(key))
			.param("day", day)
			.param("campaign", campaignId)
			.param("area", area)
			.query((rs, n) -> {
				String k = rs.getString("k");
				long t = targets == null ? rs.getLong("subjects") : targets.getOrDefault(k, 0L);
				rows.put(k, new Figures(t, rs.getLong("due"), rs.getLong("done"), rs.getLong("missed"), rs.getLong("pending"),
						rs.getLong("overdue")));
				return null;
			})
			.list();
		if (targets != null) {
			targets.forEach((k, t) -> rows.putIfAbsent(k, new Figures(t, 0, 0, 0, 0, 0)));
		}
		return rows;
	}

	/** Frozen targets by the key (community or grid); null for a key the target list cannot answer (the worker). */
	private Map<String, Long> targets(UUID campaignId, String area, String key) {
		if (key == null) {
			return null;
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("SELECT " + key + " AS k, COUNT(*) AS n FROM campaigns_target WHERE campaign_id = ? AND grid_code LIKE ?"
				+ group(key).replace(" ORDER BY 1", ""))
			.params(campaignId, area)
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	private static String group(String key) {
		return key.equals("'all'") ? "" : " GROUP BY " + key + " ORDER BY 1";
	}

	private Map<String, String> workerNames(UUID campaignId, LocalDate day, String area) {
		Map<String, String> names = new LinkedHashMap<>();
		jdbc.sql("SELECT DISTINCT worker_id, worker_name FROM campaigns_followup WHERE campaign_id = ? AND due_day = ?"
				+ " AND grid_code LIKE ? AND worker_id IS NOT NULL")
			.params(campaignId, day, area)
			.query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
			.list();
		return names;
	}

	private String regionName(String code) {
		if (!RegionCode.isValid(code)) {
			return code;
		}
		return code.length() == 15 ? followUps.gridName(code)
				: regions.find(RegionCode.of(code)).map(r -> r.name()).orElse(code);
	}
}
