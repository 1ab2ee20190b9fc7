package io.gridgov.campaigns.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.gridgov.platform.Ids;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.workforce.GridStaff;
import io.gridgov.workforce.StaffMember;

/**
 * Writes the follow-up lists of running campaigns: for every due day not yet generated up to
 * today, one PENDING follow-up per frozen target, assigned to the worker responsible for the
 * target's grid. Exactly once per campaign and day: each campaign is generated under a lock on its
 * row and records how far it got ({@code generated_through}); the unique key (campaign, day,
 * subject) refuses a double list should anything slip past. A campaign whose last due day has
 * passed is finished.
 */
@Component
class FollowUpGenerator {

	private static final Logger log = LoggerFactory.getLogger(FollowUpGenerator.class);

	private final CampaignStore campaigns;
	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final GridStaff staff;
	private final TransactionTemplate transaction;
	private final CampaignClock clock;

	FollowUpGenerator(CampaignStore campaigns, JdbcClient jdbc, JdbcTemplate template, GridStaff staff,
			TransactionTemplate transaction, CampaignClock clock) {
		this.campaigns = campaigns;
		this.jdbc = jdbc;
		this.template = template;
		this.staff = staff;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Generates the lists of every running campaign through today; what the daily job runs. */
	int generateAllDue() {
		LocalDate today = clock.today();
		int created = 0;
		for (UUID id : campaigns.running()) {
			created += generate(id, today);
		}
		return created;
	}

	/**
	 * Writes today's lists of the running campaigns that do not have them yet, and answers today.
	 * Every read of "today" goes through here: between midnight and the daily job's run (or while
	 * every instance was down at midnight) a worker would otherwise find an empty list, and the
	 * progress page a day without targets. Cheap when nothing is behind: one query on the
	 * campaigns table; the generation itself is exactly once per campaign and day as for the job.
	 */
	LocalDate catchUp() {
		LocalDate today = clock.today();
		for (UUID id : campaigns.behind(today)) {
			generate(id, today);
		}
		return today;
	}

	/** Generates one campaign's lists through {@code today}, in a transaction of its own; the number of follow-ups written. */
	int generate(UUID campaignId, LocalDate today) {
		try {
			Integer created = transaction.execute(status -> generateLocked(campaignId, today));
			return created == null ? 0 : created;
		}
		catch (DataIntegrityViolationException | PessimisticLockingFailureException concurrent) {
			log.info("Follow-up lists of campaign {} are being written by another run; skipped", campaignId);
			return 0;
		}
	}

	private int generateLocked(UUID campaignId, LocalDate today) {
		Optional<Campaign> found = campaigns.lock(campaignId);
		if (found.isEmpty() || found.get().status() != CampaignStatus.RUNNING) {
			return 0;
		}
		Campaign campaign = found.get();
		LocalDate from = campaign.generatedThrough() == null ? campaign.schedule().startDate()
				: campaign.generatedThrough().plusDays(1);
		List<LocalDate> days = campaign.schedule().dueDays(from, today);
		int created = 0;
		if (!days.isEmpty()) {
			List<Target> targets = targets(campaignId);
			Map<String, Optional<StaffMember>> responsible = new HashMap<>();
			for (LocalDate day : days) {
				created += insertList(campaignId, day, targets, responsible);
			}
		}
		if (!from.isAfter(today)) {
			campaign.listsGeneratedThrough(today);
		}
		if (campaign.schedule().endDate() != null && today.isAfter(campaign.schedule().endDate())) {
			campaign.finish(clock.clock().instant());
		}
		campaigns.update(campaign);
		if (created > 0) {
			log.info("Wrote {} follow-ups of campaign {} for {} day(s) through {}", created, campaignId, days.size(), today);
		}
		return created;
	}

	record Target(String kind, UUID subjectId, String name, String grid) {
	}

	private List<Target> targets(UUID campaignId) {
		return jdbc.sql("SELECT subject_kind, subject_id, subject_name, grid_code FROM campaigns_target"
				+ " WHERE campaign_id = ? ORDER BY grid_code, subject_name, subject_id")
			.param(campaignId)
			.query((rs, n) -> new Target(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)))
			.list();
	}

	private int insertList(UUID campaignId, LocalDate day, List<Target> targets,
			Map<String, Optional<StaffMember>> responsible) {
		List<Object[]> rows = new ArrayList<>(targets.size());
		for (Target target : targets) {
			Optional<StaffMember> worker = responsible.computeIfAbsent(target.grid(),
					grid -> RegionCode.isValid(grid) ? staff.leadOf(RegionCode.of(grid)) : Optional.empty());
			rows.add(new Object[] { Ids.newId(clock.clock()), campaignId, Date.valueOf(day), target.kind(),
					target.subjectId(), target.name(), target.grid(), worker.map(StaffMember::workerId).orElse(null),
					worker.map(StaffMember::name).orElse(null) });
		}
		template.batchUpdate("INSERT INTO campaigns_followup (id, campaign_id, due_day, subject_kind, subject_id,"
				+ " subject_name, grid_code, worker_id, worker_name, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')",
				rows);
		return rows.size();
	}
}
