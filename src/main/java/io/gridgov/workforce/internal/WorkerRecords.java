package io.gridgov.workforce.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Training and assessment records: appended, listed, never changed. */
@Component
class WorkerRecords {

	private final JdbcClient jdbc;

	WorkerRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Training training) {
		jdbc.sql("INSERT INTO workforce_training (id, worker_id, topic, held_on, hours, provider, recorded_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(training.id(), training.workerId(), training.topic(), Date.valueOf(training.date()), training.hours(),
					training.provider(), Timestamp.from(training.recordedAt()))
			.update();
	}

	void add(Assessment assessment) {
		jdbc.sql("INSERT INTO workforce_assessment (id, worker_id, period, score, assessor, note, recorded_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(assessment.id(), assessment.workerId(), assessment.period(), assessment.score(), assessment.assessor(),
					assessment.note(), Timestamp.from(assessment.recordedAt()))
			.update();
	}

	boolean assessed(UUID workerId, String period) {
		return jdbc.sql("SELECT COUNT(*) FROM workforce_assessment WHERE worker_id = ? AND period = ?")
			.params(workerId, period)
			.query(Long.class)
			.single() > 0;
	}

	List<Training> trainings(UUID workerId) {
		return jdbc.sql("SELECT id, worker_id, topic, held_on, hours, provider, recorded_at FROM workforce_training"
				+ " WHERE worker_id = ? ORDER BY held_on DESC, id")
			.param(workerId)
			.query((rs, n) -> new Training(rs.getObject("id", UUID.class), rs.getObject("worker_id", UUID.class),
					rs.getString("topic"), rs.getDate("held_on").toLocalDate(), rs.getDouble("hours"),
					rs.getString("provider"), rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	List<Assessment> assessments(UUID workerId) {
		return jdbc.sql("SELECT id, worker_id, period, score, assessor, note, recorded_at FROM workforce_assessment"
				+ " WHERE worker_id = ? ORDER BY period DESC, id")
			.param(workerId)
			.query((rs, n) -> new Assessment(rs.getObject("id", UUID.class), rs.getObject("worker_id", UUID.class),
					rs.getString("period"), rs.getInt("score"), rs.getString("assessor"), rs.getString("note"),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}
}
