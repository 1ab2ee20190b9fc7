package io.gridgov.registers.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Import jobs and their refused rows, kept in the database so that any instance can answer a progress poll. */
@Component
class ImportJobStore {

	enum Status {
		QUEUED, RUNNING, DONE, FAILED
	}

	record Job(UUID id, String kind, String fileName, String status, int total, int processed, int accepted, int updated,
			int unchanged, int refused, String problemCode, String problemArg, UUID createdBy, String scopeCode,
			Instant createdAt, Instant finishedAt) {
	}

	record Refusal(int rowNo, String columnName, String code, String messageZh, String messageEn) {
	}

	private final JdbcClient jdbc;

	ImportJobStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(UUID id, ImportKind kind, String fileName, UUID user, String scope, Instant now) {
		jdbc.sql("INSERT INTO registers_import_job (id, kind, file_name, status, total, processed, accepted, updated, unchanged,"
				+ " refused, created_by, scope_code, created_at) VALUES (?, ?, ?, 'QUEUED', 0, 0, 0, 0, 0, 0, ?, ?, ?)")
			.params(id, kind.name(), fileName, user, scope, Timestamp.from(now))
			.update();
	}

	Optional<Job> find(UUID id) {
		return jdbc.sql("SELECT * FROM registers_import_job WHERE id = ?").param(id).query(Job.class).optional();
	}

	void running(UUID id, int total) {
		jdbc.sql("UPDATE registers_import_job SET status = 'RUNNING', total = ? WHERE id = ?").params(total, id).update();
	}

	/**
	 * Adds a batch's outcome to the job's progress, in the batch's transaction: the counters always
	 * say what is committed, whichever order parallel batches commit in.
	 */
	void advance(UUID id, int processed, int accepted, int updated, int unchanged, int refused) {
		jdbc.sql("UPDATE registers_import_job SET processed = processed + ?, accepted = accepted + ?, updated = updated + ?,"
				+ " unchanged = unchanged + ?, refused = refused + ? WHERE id = ?")
			.params(processed, accepted, updated, unchanged, refused, id)
			.update();
	}

	void finish(UUID id, Instant now) {
		jdbc.sql("UPDATE registers_import_job SET status = 'DONE', finished_at = ? WHERE id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	void fail(UUID id, String code, String arg, Instant now) {
		jdbc.sql("UPDATE registers_import_job SET status = 'FAILED', problem_code = ?, problem_arg = ?, finished_at = ? WHERE id = ?")
			.params(code, arg == null ? null : arg.length() > 200 ? arg.substring(0, 200) : arg, Timestamp.from(now), id)
			.update();
	}

	void refuse(UUID id, Refusal refusal) {
		jdbc.sql("INSERT INTO registers_import_refusal (job_id, row_no, column_name, code, message_zh, message_en)"
				+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, refusal.rowNo(), refusal.columnName(), refusal.code(), cut(refusal.messageZh()), cut(refusal.messageEn()))
			.update();
	}

	List<Refusal> refusals(UUID id, int limit) {
		return jdbc.sql("SELECT row_no, column_name, code, message_zh, message_en FROM registers_import_refusal WHERE job_id = ?"
				+ " ORDER BY row_no, code LIMIT ?")
			.params(id, limit)
			.query(Refusal.class)
			.list();
	}

	private static String cut(String value) {
		return value.length() > 300 ? value.substring(0, 300) : value;
	}
}
