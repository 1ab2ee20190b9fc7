package io.gridgov.platform.tabular;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.gridgov.platform.problem.ProblemFactory;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;

/**
 * Import jobs and their refused rows, kept in the database so that any instance can answer a
 * progress poll. Each module keeps its jobs in its own two tables, {@code <prefix>_job} and
 * {@code <prefix>_refusal} (the columns of ADR 0021), and subclasses this store with its prefix.
 */
public class ImportJobs {

	public enum Status {
		QUEUED, RUNNING, DONE, FAILED
	}

	public record Job(UUID id, String kind, String fileName, String status, int total, int processed, int accepted,
			int updated, int unchanged, int refused, String problemCode, String problemArg, UUID createdBy,
			String scopeCode, Instant createdAt, Instant finishedAt) {
	}

	public record Refusal(int rowNo, String columnName, String code, String messageZh, String messageEn) {
	}

	private final JdbcClient jdbc;
	private final ProblemFactory problems;
	private final String jobs;
	private final String refusals;

	protected ImportJobs(JdbcClient jdbc, ProblemFactory problems, String tablePrefix) {
		this.jdbc = jdbc;
		this.problems = problems;
		this.jobs = tablePrefix + "_job";
		this.refusals = tablePrefix + "_refusal";
	}

	public void create(UUID id, String kind, String fileName, UUID user, String scope, Instant now) {
		jdbc.sql("INSERT INTO " + jobs + " (id, kind, file_name, status, total, processed, accepted, updated, unchanged,"
				+ " refused, created_by, scope_code, created_at) VALUES (?, ?, ?, 'QUEUED', 0, 0, 0, 0, 0, 0, ?, ?, ?)")
			.params(id, kind, fileName, user, scope, Timestamp.from(now))
			.update();
	}

	public Optional<Job> find(UUID id) {
		return jdbc.sql("SELECT * FROM " + jobs + " WHERE id = ?").param(id).query(Job.class).optional();
	}

	/** The job, if the actor started it; anybody else's is a 404. */
	public Job owned(UUID id, Actor actor) {
		Job job = find(id).orElseThrow(() -> RecordNotFoundException.notFound("import", id));
		if (!job.createdBy().equals(actor.userId())) {
			throw RecordNotFoundException.outOfScope("import", id);
		}
		return job;
	}

	public void running(UUID id, int total) {
		jdbc.sql("UPDATE " + jobs + " SET status = 'RUNNING', total = ? WHERE id = ?").params(total, id).update();
	}

	public void progress(UUID id, int processed, int accepted, int updated, int unchanged, int refused) {
		jdbc.sql("UPDATE " + jobs + " SET processed = ?, accepted = ?, updated = ?, unchanged = ?, refused = ? WHERE id = ?")
			.params(processed, accepted, updated, unchanged, refused, id)
			.update();
	}

	/**
	 * Adds a batch's outcome to the job's progress, in the batch's transaction: the counters always
	 * say what is committed, whichever order parallel batches commit in (ADR 0028).
	 */
	public void advance(UUID id, int processed, int accepted, int updated, int unchanged, int refused) {
		jdbc.sql("UPDATE " + jobs + " SET processed = processed + ?, accepted = accepted + ?, updated = updated + ?,"
				+ " unchanged = unchanged + ?, refused = refused + ? WHERE id = ?")
			.params(processed, accepted, updated, unchanged, refused, id)
			.update();
	}

	public void finish(UUID id, Instant now) {
		jdbc.sql("UPDATE " + jobs + " SET status = 'DONE', finished_at = ? WHERE id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	public void fail(UUID id, String code, String arg, Instant now) {
		jdbc.sql("UPDATE " + jobs + " SET status = 'FAILED', problem_code = ?, problem_arg = ?, finished_at = ? WHERE id = ?")
			.params(code, arg == null ? null : arg.length() > 200 ? arg.substring(0, 200) : arg, Timestamp.from(now), id)
			.update();
	}

	public void refuse(UUID id, Refusal refusal) {
		jdbc.sql("INSERT INTO " + refusals + " (job_id, row_no, column_name, code, message_zh, message_en)"
				+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, refusal.rowNo(), refusal.columnName(), refusal.code(), cut(refusal.messageZh()), cut(refusal.messageEn()))
			.update();
	}

	public List<Refusal> refusals(UUID id, int limit) {
		return jdbc.sql("SELECT row_no, column_name, code, message_zh, message_en FROM " + refusals + " WHERE job_id = ?"
				+ " ORDER BY row_no, code LIMIT ?")
			.params(id, limit)
			.query(Refusal.class)
			.list();
	}

	/** A refused row, its reason in both languages. */
	public Refusal refusal(int row, String column, String code, Object... args) {
		return new Refusal(row, column, code, problems.message(code, args, ProblemFactory.CHINESE),
				problems.message(code, args, Locale.ENGLISH));
	}

	/** The problem of a job whose file was refused, in both languages, for the report; null when there is none. */
	public Map<String, String> problem(Job job) {
		if (job.problemCode() == null) {
			return null;
		}
		Object[] args = job.problemArg() == null ? new Object[0] : new Object[] { job.problemArg() };
		return Map.of("code", job.problemCode(), "zh-CN", problems.message(job.problemCode(), args, ProblemFactory.CHINESE),
				"en", problems.message(job.problemCode(), args, Locale.ENGLISH));
	}

	/** The job's report: its figures (and the file's problem, if refused), then a sheet of the refused rows. */
	public byte[] report(Job job) {
		List<String> header = List.of("行号", "列", "原因", "Reason", "代码");
		try (Workbooks.Writer writer = new Workbooks.Writer()) {
			writer.sheet("导入结果", List.of("项目", "数量")).header(List.of("项目", "数量"));
			writer.row(List.of("文件", job.fileName()))
				.row(List.of("状态", job.status()))
				.row(List.of("数据行", job.total()))
				.row(List.of("新增", job.accepted()))
				.row(List.of("更新", job.updated()))
				.row(List.of("无变化", job.unchanged()))
				.row(List.of("拒绝", job.refused()));
			Map<String, String> problem = problem(job);
			if (problem != null) {
				writer.row(List.of("文件被拒绝", problem.get("zh-CN")));
			}
			writer.sheet("被拒绝的行", header).header(header);
			for (Refusal r : refusals(job.id(), 1_000_000)) {
				writer.row(java.util.Arrays.asList(r.rowNo(), r.columnName(), r.messageZh(), r.messageEn(), r.code()));
			}
			return writer.bytes();
		}
	}

	private static String cut(String value) {
		return value.length() > 300 ? value.substring(0, 300) : value;
	}
}
