package io.gridgov.workforce.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.geo.GridInfo;
import io.gridgov.geo.Grids;
import io.gridgov.identity.Users;
import io.gridgov.platform.Ids;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.personaldata.PersonalDataCipher;
import io.gridgov.platform.personaldata.PersonalDataReveals;
import io.gridgov.platform.personaldata.ProtectedValue;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.scope.RegionLevel;
import io.gridgov.platform.tabular.ImportOutcome;

/** The use cases that change grid workers; each write is audited in its own transaction. */
@Service
class WorkerService {

	static final String RECORD_TYPE = "worker";

	private final WorkerRepository workers;
	private final WorkerRecords records;
	private final JdbcClient jdbc;
	private final Grids grids;
	private final Users users;
	private final PersonalDataCipher cipher;
	private final PersonalDataReveals reveals;
	private final AuditTrail audit;
	private final Clock clock;

	WorkerService(WorkerRepository workers, WorkerRecords records, JdbcClient jdbc, Grids grids, Users users,
			PersonalDataCipher cipher, PersonalDataReveals reveals, AuditTrail audit, Clock clock) {
		this.workers = workers;
		this.records = records;
		this.jdbc = jdbc;
		this.grids = grids;
		this.users = users;
		this.cipher = cipher;
		this.reveals = reveals;
		this.audit = audit;
		this.clock = clock;
	}

	record HireWorker(String name, Employment employment, WorkerSource source, String phone, List<GridRole> grids,
			String username) {
	}

	record ReviseWorker(String name, Employment employment, WorkerSource source, WorkerStatus status, String phone,
			List<GridRole> grids, String username, long version) {
	}

	@Transactional
	UUID hire(HireWorker command, Actor actor) {
		checkGrids(command.grids(), actor);
		Worker worker = Worker.hire(Ids.newId(clock), command.name(), command.employment(), command.source(),
				protect(WorkPhone.of(command.phone())), command.grids(), link(command.username(), null), clock.instant());
		OneLeadPerGrid.check(worker, this::leadOf);
		workers.save(worker);
		audit.record(AuditRecord.success("WORKER_CREATE", RECORD_TYPE, worker.id()));
		return worker.id();
	}

	@Transactional
	void revise(UUID id, ReviseWorker command, Actor actor) {
		Worker worker = load(id, actor);
		worker.requireVersion(command.version());
		checkGrids(command.grids(), actor);
		List<GridRole> grids = new ArrayList<>(command.grids());
		worker.grids().stream().filter(role -> !actor.canSee(RegionCode.of(role.gridCode()))).forEach(grids::add);
		ProtectedValue phone = command.phone() == null || command.phone().isBlank() ? null
				: protect(WorkPhone.of(command.phone()));
		if (command.status() != WorkerStatus.LEFT) {
			worker.changeStatus(command.status(), clock.instant());
		}
		worker.revise(command.name(), command.employment(), command.source(), phone, grids,
				link(command.username(), worker.id()), clock.instant());
		if (command.status() == WorkerStatus.LEFT) {
			worker.leave(clock.instant());
		}
		OneLeadPerGrid.check(worker, this::leadOf);
		workers.save(worker);
		audit.record(AuditRecord.success("WORKER_UPDATE", RECORD_TYPE, worker.id())
			.withDetail(phone == null ? null : "work phone changed"));
	}

	/**
	 * One row of an imported register (ADR 0027). A worker is known by the keyed hash of the work
	 * phone among those who have not left: an unknown phone hires a worker; a known one revises
	 * name, employment, source and the grids in the actor's scope (grids outside it stay), or
	 * changes nothing when they are the same. The rules are the form's, one lead per grid included.
	 */
	@Transactional
	ImportOutcome importRow(WorkerSheet.Row row, Actor actor) {
		checkGrids(row.grids(), actor);
		ProtectedValue phone = protect(row.phone());
		List<UUID> same = jdbc.sql("SELECT id FROM workforce_worker WHERE phone_hash = ? AND status <> 'LEFT'")
			.param(phone.hash())
			.query(UUID.class)
			.list();
		if (same.size() > 1) {
			throw new DomainException(ErrorKind.CONFLICT, "workforce.import-phone-ambiguous");
		}
		if (same.isEmpty()) {
			Worker worker = Worker.hire(Ids.newId(clock), row.name(), row.employment(), row.source(), phone, row.grids(),
					null, clock.instant());
			OneLeadPerGrid.check(worker, this::leadOf);
			workers.save(worker);
			audit.record(AuditRecord.success("WORKER_CREATE", RECORD_TYPE, worker.id()).withDetail("import"));
			return ImportOutcome.ACCEPTED;
		}
		Worker worker = workers.findById(same.get(0)).orElseThrow();
		if (worker.grids().stream().noneMatch(role -> actor.canSee(RegionCode.of(role.gridCode())))) {
			throw new DomainException(ErrorKind.INVALID, "workforce.import-registered-elsewhere");
		}
		List<GridRole> grids = new ArrayList<>(row.grids());
		worker.grids().stream().filter(role -> !actor.canSee(RegionCode.of(role.gridCode()))).forEach(grids::add);
		if (worker.hasSame(row.name(), row.employment(), row.source(), grids)) {
			return ImportOutcome.UNCHANGED;
		}
		UserLink account = worker.userId() == null ? null : new UserLink(worker.userId(), worker.username());
		worker.revise(row.name(), row.employment(), row.source(), null, grids, account, clock.instant());
		OneLeadPerGrid.check(worker, this::leadOf);
		workers.save(worker);
		audit.record(AuditRecord.success("WORKER_UPDATE", RECORD_TYPE, worker.id()).withDetail("import"));
		return ImportOutcome.UPDATED;
	}

	@Transactional
	String revealPhone(UUID id, String reason, Actor actor) {
		Worker worker = load(id, actor);
		return reveals.reveal(worker.phoneCipher(), WorkPhone.FIELD, RECORD_TYPE, worker.id(), reason);
	}

	@Transactional
	Training train(UUID id, String topic, LocalDate date, Double hours, String provider, Actor actor) {
		Worker worker = load(id, actor);
		if (hours == null) {
			throw new DomainException(ErrorKind.INVALID, "workforce.training-hours-invalid", Training.MAX_HOURS);
		}
		Training training = worker.train(Ids.newId(clock), topic, date, hours, provider, LocalDate.now(clock),
				clock.instant());
		records.add(training);
		audit.record(AuditRecord.success("WORKER_TRAINING_ADD", RECORD_TYPE, worker.id()).withDetail("training " + training.id()));
		return training;
	}

	@Transactional
	Assessment assess(UUID id, String period, Integer score, String assessor, String note, Actor actor) {
		Worker worker = load(id, actor);
		if (score == null) {
			throw new DomainException(ErrorKind.INVALID, "workforce.score-invalid", "null");
		}
		Assessment assessment = worker.assess(Ids.newId(clock), period, score, assessor, note, clock.instant());
		if (records.assessed(worker.id(), assessment.period())) {
			throw new DomainException(ErrorKind.CONFLICT, "workforce.assessment-exists", assessment.period());
		}
		records.add(assessment);
		audit.record(AuditRecord.success("WORKER_ASSESSMENT_ADD", RECORD_TYPE, worker.id())
			.withDetail("assessment " + assessment.id()));
		return assessment;
	}

	/** The worker, if one of their grids lies in the actor's scope; otherwise the same 404 as a missing one. */
	Worker load(UUID id, Actor actor) {
		Worker worker = workers.findById(id).orElseThrow(() -> RecordNotFoundException.notFound(RECORD_TYPE, id));
		boolean visible = worker.grids().stream().anyMatch(role -> actor.canSee(RegionCode.of(role.gridCode())));
		if (!visible) {
			throw RecordNotFoundException.outOfScope(RECORD_TYPE, id);
		}
		return worker;
	}

	private void checkGrids(List<GridRole> requested, Actor actor) {
		if (requested == null || requested.isEmpty()) {
			throw new DomainException(ErrorKind.INVALID, "workforce.grids-required");
		}
		for (GridRole role : requested) {
			String code = role.gridCode();
			boolean isGrid = RegionCode.isValid(code) && RegionCode.of(code).level() == RegionLevel.GRID;
			Optional<GridInfo> grid = isGrid ? grids.find(RegionCode.of(code)) : Optional.empty();
			if (grid.isEmpty() || !actor.canSee(grid.get().code())) {
				throw new DomainException(ErrorKind.INVALID, "workforce.grid-unknown", String.valueOf(code));
			}
		}
	}

	private ProtectedValue protect(WorkPhone phone) {
		return cipher.protect(phone.value(), WorkPhone.FIELD);
	}

	private UserLink link(String username, UUID workerId) {
		if (username == null || username.isBlank()) {
			return null;
		}
		String name = username.strip();
		UUID userId = users.idOf(name)
			.orElseThrow(() -> new DomainException(ErrorKind.INVALID, "workforce.username-unknown", name));
		Optional<UUID> linked = jdbc.sql("SELECT id FROM workforce_worker WHERE user_id = ?")
			.param(userId)
			.query(UUID.class)
			.optional();
		if (linked.isPresent() && !linked.get().equals(workerId)) {
			throw new DomainException(ErrorKind.CONFLICT, "workforce.username-linked", name);
		}
		return new UserLink(userId, name);
	}

	private Optional<UUID> leadOf(String gridCode) {
		return jdbc.sql("SELECT worker_id FROM workforce_assignment WHERE lead_grid = ?")
			.param(gridCode)
			.query(UUID.class)
			.optional();
	}
}
