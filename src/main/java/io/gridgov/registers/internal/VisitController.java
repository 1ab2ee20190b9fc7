package io.gridgov.registers.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.platform.Ids;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.CurrentActor;
import io.gridgov.registers.Registers;
import io.gridgov.registers.Subject;
import io.gridgov.registers.SubjectKind;

/**
 * Visits (走访): a grid worker records a contact with a resident, household or enterprise in their
 * scope — by door, phone or WeChat, when, notes and where. Anyone who reads the registers may record one.
 */
@RestController
@RequestMapping("/api/registers/visits")
class VisitController {

	enum Channel {
		DOOR, PHONE, WECHAT
	}

	static final int MAX_NOTES = 1000;

	record VisitBody(SubjectKind subjectKind, UUID subjectId, Channel channel, Instant visitedAt, String notes,
			Double longitude, Double latitude) {
	}

	record VisitView(UUID id, SubjectKind subjectKind, UUID subjectId, String subjectName, String gridCode,
			Channel channel, Instant visitedAt, String notes, Double longitude, Double latitude, String visitorName) {
	}

	private final JdbcClient jdbc;
	private final Registers registers;
	private final AuditTrail audit;
	private final Clock clock;

	VisitController(JdbcClient jdbc, Registers registers, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.registers = registers;
		this.audit = audit;
		this.clock = clock;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	VisitView record(@RequestBody VisitBody body) {
		Actor actor = CurrentActor.require();
		if (body.subjectKind() == null || body.subjectId() == null) {
			throw new DomainException(ErrorKind.INVALID, "registers.subject-kind-required");
		}
		Subject subject = subject(body.subjectKind(), body.subjectId(), actor);
		if (body.channel() == null) {
			throw new DomainException(ErrorKind.INVALID, "registers.visit-channel-required");
		}
		Instant now = clock.instant();
		Instant at = body.visitedAt() == null ? now : body.visitedAt();
		if (at.isAfter(now.plus(Duration.ofMinutes(5))) || at.isBefore(now.minus(Duration.ofDays(366)))) {
			throw new DomainException(ErrorKind.INVALID, "registers.visit-time-invalid");
		}
		String notes = Texts.optional(body.notes(), MAX_NOTES, "registers.visit-notes-invalid");
		if (body.longitude() != null && body.latitude() != null
				&& (Math.abs(body.longitude()) > 180 || Math.abs(body.latitude()) > 90)) {
			throw new DomainException(ErrorKind.INVALID, "registers.point-invalid");
		}
		UUID id = Ids.newId(clock);
		jdbc.sql("INSERT INTO registers_visit (id, subject_kind, subject_id, grid_code, channel, visited_at, notes, longitude,"
				+ " latitude, visitor_id, visitor_name, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, subject.kind().name(), subject.id(), subject.grid().value(), body.channel().name(), Timestamp.from(at),
					notes, body.longitude(), body.latitude(), actor.userId(), actor.username(), Timestamp.from(now))
			.update();
		audit.record(AuditRecord.success("VISIT_RECORD", "visit", id).withDetail(subject.kind() + " " + subject.id()));
		return new VisitView(id, subject.kind(), subject.id(), subject.name(), subject.grid().value(), body.channel(), at,
				notes, body.longitude(), body.latitude(), actor.username());
	}

	@GetMapping
	List<VisitView> list(@RequestParam(required = false) SubjectKind subjectKind,
			@RequestParam(required = false) UUID subjectId) {
		Actor actor = CurrentActor.require();
		if (subjectKind != null && subjectId != null) {
			Subject subject = subject(subjectKind, subjectId, actor);
			return jdbc.sql("SELECT * FROM registers_visit WHERE subject_kind = ? AND subject_id = ? ORDER BY visited_at DESC LIMIT 200")
				.params(subjectKind.name(), subjectId)
				.query((rs, n) -> view(rs, subject.name()))
				.list();
		}
		return jdbc.sql("SELECT * FROM registers_visit WHERE grid_code LIKE ? AND visitor_id = ? ORDER BY visited_at DESC LIMIT 50")
			.params(actor.scope().likePattern(), actor.userId())
			.query((rs, n) -> view(rs, registers.find(SubjectKind.valueOf(rs.getString("subject_kind")),
					rs.getObject("subject_id", UUID.class)).map(Subject::name).orElse(null)))
			.list();
	}

	private Subject subject(SubjectKind kind, UUID id, Actor actor) {
		Subject subject = registers.find(kind, id).orElseThrow(() -> RecordNotFoundException.notFound(kind.name().toLowerCase(), id));
		if (!actor.canSee(subject.grid())) {
			throw RecordNotFoundException.outOfScope(kind.name().toLowerCase(), id);
		}
		return subject;
	}

	private static VisitView view(java.sql.ResultSet rs, String name) throws java.sql.SQLException {
		return new VisitView(rs.getObject("id", UUID.class), SubjectKind.valueOf(rs.getString("subject_kind")),
				rs.getObject("subject_id", UUID.class), name, rs.getString("grid_code"), Channel.valueOf(rs.getString("channel")),
				rs.getTimestamp("visited_at").toInstant(), rs.getString("notes"), (Double) rs.getObject("longitude"),
				(Double) rs.getObject("latitude"), rs.getString("visitor_name"));
	}

}
