package io.gridgov.workforce.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import io.gridgov.platform.personaldata.ProtectedValue;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * A grid worker (网格员): the aggregate root of the workforce. Holds the grids the worker serves;
 * its rules: a name of 1 to 50 characters, at least one grid, each grid once, only an active
 * worker leads a grid, and a worker who left stays left.
 */
@Table("workforce_worker")
class Worker {

	static final int MAX_NAME = 50;

	@Id
	private final UUID id;
	private String name;
	private Employment employment;
	private WorkerSource source;
	private WorkerStatus status;
	private String phoneCipher;
	private String phoneHash;
	private UUID userId;
	private String username;
	private final Instant createdAt;
	private Instant updatedAt;
	@Version
	private Long version;
	@MappedCollection(idColumn = "worker_id")
	private Set<Assignment> assignments;

	@PersistenceCreator
	Worker(UUID id, String name, Employment employment, WorkerSource source, WorkerStatus status, String phoneCipher,
			String phoneHash, UUID userId, String username, Instant createdAt, Instant updatedAt, Long version,
			Set<Assignment> assignments) {
		this.id = id;
		this.name = name;
		this.employment = employment;
		this.source = source;
		this.status = status;
		this.phoneCipher = phoneCipher;
		this.phoneHash = phoneHash;
		this.userId = userId;
		this.username = username;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
		this.assignments = assignments;
	}

	static Worker hire(UUID id, String name, Employment employment, WorkerSource source, ProtectedValue phone,
			List<GridRole> grids, UserLink account, Instant now) {
		Worker worker = new Worker(id, checkedName(name), required(employment), required(source), WorkerStatus.ACTIVE,
				phone.ciphertext(), phone.hash(), null, null, now, now, null, Set.of());
		worker.assignTo(grids);
		worker.link(account);
		return worker;
	}

	/** Changes what a manager edits: name, employment, source, grids, account, and the phone when a new one is given. */
	void revise(String newName, Employment newEmployment, WorkerSource newSource, ProtectedValue newPhone,
			List<GridRole> grids, UserLink account, Instant now) {
		requireNotLeft();
		this.name = checkedName(newName);
		this.employment = required(newEmployment);
		this.source = required(newSource);
		if (newPhone != null) {
			this.phoneCipher = newPhone.ciphertext();
			this.phoneHash = newPhone.hash();
		}
		assignTo(grids);
		link(account);
		this.updatedAt = now;
	}

	/** Whether a revision with these values would change nothing (the phone is the worker's key, so not compared). */
	boolean hasSame(String otherName, Employment otherEmployment, WorkerSource otherSource, List<GridRole> otherGrids) {
		String stripped = otherName == null ? "" : otherName.strip();
		return name.equals(stripped) && employment == otherEmployment && source == otherSource
				&& Set.copyOf(grids()).equals(Set.copyOf(otherGrids));
	}

	void suspend(Instant now) {
		requireNotLeft();
		this.status = WorkerStatus.SUSPENDED;
		this.updatedAt = now;
	}

	void reinstate(Instant now) {
		requireNotLeft();
		this.status = WorkerStatus.ACTIVE;
		this.updatedAt = now;
	}

	/** The worker leaves: no longer leads any grid, and the account link is released. */
	void leave(Instant now) {
		requireNotLeft();
		this.status = WorkerStatus.LEFT;
		this.assignments = assignments.stream()
			.map(a -> Assignment.of(new GridRole(a.gridCode(), false)))
			.collect(Collectors.toSet());
		this.userId = null;
		this.username = null;
		this.updatedAt = now;
	}

	void changeStatus(WorkerStatus target, Instant now) {
		if (target == null || target == status) {
			return;
		}
		switch (target) {
			case ACTIVE -> reinstate(now);
			case SUSPENDED -> suspend(now);
			case LEFT -> leave(now);
		}
	}

	Training train(UUID trainingId, String topic, LocalDate date, double hours, String provider, LocalDate today,
			Instant now) {
		requireNotLeft();
		return Training.of(trainingId, id, topic, date, hours, provider, today, now);
	}

	Assessment assess(UUID assessmentId, String period, int score, String assessor, String note, Instant now) {
		return Assessment.of(assessmentId, id, period, score, assessor, note, now);
	}

	void requireVersion(long expected) {
		if (version == null || version != expected) {
			throw new DomainException(ErrorKind.CONFLICT, "conflict.stale-version").with("currentVersion", version);
		}
	}

	private void assignTo(List<GridRole> grids) {
		if (grids == null || grids.isEmpty()) {
			throw new DomainException(ErrorKind.INVALID, "workforce.grids-required");
		}
		Set<String> seen = new HashSet<>();
		for (GridRole grid : grids) {
			if (!seen.add(grid.gridCode())) {
				throw new DomainException(ErrorKind.INVALID, "workforce.grid-duplicate", grid.gridCode());
			}
			if (grid.lead() && status != WorkerStatus.ACTIVE) {
				throw new DomainException(ErrorKind.INVALID, "workforce.lead-must-be-active", grid.gridCode());
			}
		}
		this.assignments = grids.stream().map(Assignment::of).collect(Collectors.toSet());
	}

	private void link(UserLink account) {
		this.userId = account == null ? null : account.userId();
		this.username = account == null ? null : account.username();
	}

	private void requireNotLeft() {
		if (status == WorkerStatus.LEFT) {
			throw new DomainException(ErrorKind.CONFLICT, "workforce.worker-left");
		}
	}

	private static String checkedName(String name) {
		String stripped = name == null ? "" : name.strip();
		if (stripped.isEmpty() || stripped.length() > MAX_NAME || stripped.chars().anyMatch(Character::isISOControl)) {
			throw new DomainException(ErrorKind.INVALID, "workforce.name-invalid", MAX_NAME);
		}
		return stripped;
	}

	private static <T> T required(T value) {
		if (value == null) {
			throw new DomainException(ErrorKind.INVALID, "workforce.field-required");
		}
		return value;
	}

	UUID id() {
		return id;
	}

	String name() {
		return name;
	}

	Employment employment() {
		return employment;
	}

	WorkerSource source() {
		return source;
	}

	WorkerStatus status() {
		return status;
	}

	String phoneCipher() {
		return phoneCipher;
	}

	UUID userId() {
		return userId;
	}

	String username() {
		return username;
	}

	Long version() {
		return version;
	}

	/** The grids, those led first, then by code. */
	List<GridRole> grids() {
		return assignments.stream()
			.map(Assignment::role)
			.sorted(Comparator.comparing(GridRole::lead).reversed().thenComparing(GridRole::gridCode))
			.toList();
	}

	List<String> ledGrids() {
		return assignments.stream().filter(Assignment::lead).map(Assignment::gridCode).sorted().toList();
	}
}
