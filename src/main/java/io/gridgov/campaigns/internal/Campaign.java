package io.gridgov.campaigns.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.registers.TargetCriteria;

/**
 * A follow-up campaign. Edited only as a draft; starting it freezes its target list and opens the
 * daily lists; it ends by finishing (also when its last due day has passed) or by cancelling.
 */
final class Campaign {

	static final int MAX_NAME = 100;
	static final int MAX_DESCRIPTION = 1000;

	private final UUID id;
	private String name;
	private String description;
	private final RegionCode scope;
	private CampaignStatus status;
	private TargetMode targetMode;
	private TargetCriteria criteria;
	private Schedule schedule;
	private OutcomeForm form;
	private int targetCount;
	private LocalDate generatedThrough;
	private final Instant createdAt;
	private final String createdBy;
	private Instant startedAt;
	private Instant endedAt;
	private final long version;

	Campaign(UUID id, String name, String description, RegionCode scope, CampaignStatus status, TargetMode targetMode,
			TargetCriteria criteria, Schedule schedule, OutcomeForm form, int targetCount, LocalDate generatedThrough,
			Instant createdAt, String createdBy, Instant startedAt, Instant endedAt, long version) {
		this.id = id;
		this.name = name;
		this.description = description;
		this.scope = scope;
		this.status = status;
		this.targetMode = targetMode;
		this.criteria = criteria;
		this.schedule = schedule;
		this.form = form;
		this.targetCount = targetCount;
		this.generatedThrough = generatedThrough;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.startedAt = startedAt;
		this.endedAt = endedAt;
		this.version = version;
	}

	static Campaign draft(UUID id, String name, String description, RegionCode scope, TargetMode mode,
			TargetCriteria criteria, Schedule schedule, OutcomeForm form, Instant now, String createdBy) {
		Campaign campaign = new Campaign(id, null, null, scope, CampaignStatus.DRAFT, mode, criteria, schedule, form, 0,
				null, now, createdBy, null, null, 0);
		campaign.describe(name, description);
		campaign.requireTarget(mode, criteria);
		return campaign;
	}

	void revise(String newName, String newDescription, TargetMode mode, TargetCriteria newCriteria, Schedule newSchedule,
			OutcomeForm newForm) {
		requireStatus(CampaignStatus.DRAFT);
		describe(newName, newDescription);
		requireTarget(mode, newCriteria);
		this.targetMode = mode;
		this.criteria = newCriteria;
		this.schedule = newSchedule;
		this.form = newForm;
	}

	/**
	 * Starts the campaign with its frozen target count: lists are due from the later of the start
	 * date and today. A schedule whose last day has passed cannot start.
	 */
	void start(Instant now, LocalDate today, int frozenTargets) {
		requireStatus(CampaignStatus.DRAFT);
		if (schedule.endDate() != null && schedule.endDate().isBefore(today)) {
			throw new DomainException(ErrorKind.CONFLICT, "campaigns.schedule-over", schedule.endDate());
		}
		if (frozenTargets == 0) {
			throw new DomainException(ErrorKind.CONFLICT, "campaigns.no-targets");
		}
		LocalDate first = schedule.startDate().isBefore(today) ? today : schedule.startDate();
		this.generatedThrough = first.minusDays(1);
		this.targetCount = frozenTargets;
		this.status = CampaignStatus.RUNNING;
		this.startedAt = now;
	}

	void listsGeneratedThrough(LocalDate day) {
		if (generatedThrough == null || day.isAfter(generatedThrough)) {
			generatedThrough = day;
		}
	}

	void finish(Instant now) {
		requireStatus(CampaignStatus.RUNNING);
		status = CampaignStatus.FINISHED;
		endedAt = now;
	}

	void cancel(Instant now) {
		if (status != CampaignStatus.DRAFT && status != CampaignStatus.RUNNING) {
			throw conflict();
		}
		status = CampaignStatus.CANCELLED;
		endedAt = now;
	}

	void requireStatus(CampaignStatus expected) {
		if (status != expected) {
			throw conflict();
		}
	}

	private DomainException conflict() {
		return new DomainException(ErrorKind.CONFLICT, "campaigns.status-conflict", status.name())
			.with("currentStatus", status.name());
	}

	private void describe(String newName, String newDescription) {
		String n = newName == null ? "" : newName.strip();
		if (n.isEmpty() || n.length() > MAX_NAME) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.name-invalid", MAX_NAME);
		}
		String d = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
		if (d != null && d.length() > MAX_DESCRIPTION) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.text-too-long", "description", MAX_DESCRIPTION);
		}
		this.name = n;
		this.description = d;
	}

	private static void requireTarget(TargetMode mode, TargetCriteria criteria) {
		if (mode == null || criteria == null || criteria.kind() == null) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.target-required");
		}
	}

	UUID id() {
		return id;
	}

	String name() {
		return name;
	}

	String description() {
		return description;
	}

	RegionCode scope() {
		return scope;
	}

	CampaignStatus status() {
		return status;
	}

	TargetMode targetMode() {
		return targetMode;
	}

	TargetCriteria criteria() {
		return criteria;
	}

	Schedule schedule() {
		return schedule;
	}

	OutcomeForm form() {
		return form;
	}

	int targetCount() {
		return targetCount;
	}

	LocalDate generatedThrough() {
		return generatedThrough;
	}

	Instant createdAt() {
		return createdAt;
	}

	String createdBy() {
		return createdBy;
	}

	Instant startedAt() {
		return startedAt;
	}

	Instant endedAt() {
		return endedAt;
	}

	long version() {
		return version;
	}
}
