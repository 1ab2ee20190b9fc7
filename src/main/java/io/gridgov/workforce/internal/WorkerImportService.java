package io.gridgov.workforce.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.gridgov.platform.Ids;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.tabular.ImportExecutor;
import io.gridgov.platform.tabular.ImportFileException;
import io.gridgov.platform.tabular.ImportJobs.Job;
import io.gridgov.platform.tabular.SourceRow;
import io.gridgov.platform.tabular.Table;
import io.gridgov.platform.tabular.Upload;
import jakarta.annotation.PreDestroy;

/**
 * Imports the grid-worker register as a job (ADR 0027, after ADR 0021): the whole file is read
 * once to check its shape, so an unreadable file or the wrong template writes nothing; then each
 * row is read by {@link WorkerSheet}, checked by the worker's own rules and written in its own
 * transaction ({@link WorkerService#importRow}), the job's progress updated as it goes. A worker
 * is known by the keyed hash of the work phone: a known one is revised, an identical row changes
 * nothing.
 */
@Service
class WorkerImportService {

	static final String KIND = "WORKER";
	/** Progress is written after this many rows (and at the end). */
	static final int PROGRESS_EVERY = 50;
	private static final Logger log = LoggerFactory.getLogger(WorkerImportService.class);

	private final WorkerImportJobs jobs;
	private final WorkerService workers;
	private final AuditTrail audit;
	private final Clock clock;
	private final long maxBytes;
	private final int maxRows;
	private final ImportExecutor executor = new ImportExecutor("workforce-import", 1);

	WorkerImportService(WorkerImportJobs jobs, WorkerService workers, AuditTrail audit, Clock clock,
			@Value("${gridgov.workforce.import.max-bytes:10485760}") long maxBytes,
			@Value("${gridgov.workforce.import.max-rows:50000}") int maxRows) {
		this.jobs = jobs;
		this.workers = workers;
		this.audit = audit;
		this.clock = clock;
		this.maxBytes = maxBytes;
		this.maxRows = maxRows;
	}

	@PreDestroy
	void stop() throws InterruptedException {
		executor.shutdown();
	}

	/** Accepts an upload and starts its job; the answer comes at once with the job id. */
	UUID start(String fileName, long size, InputStream content, Actor actor) {
		Upload upload = Upload.save(fileName, size, content, maxBytes);
		UUID id = Ids.newId(clock);
		jobs.create(id, KIND, upload.name(), actor.userId(), actor.scope().value(), clock.instant());
		audit.record(AuditRecord.success("WORKER_IMPORT", "import", id).withDetail(upload.name()));
		executor.submit(id, upload, file -> run(id, file, actor));
		return id;
	}

	void run(UUID id, Path file, Actor actor) {
		Tally tally = new Tally();
		try {
			Table table = Table.of(file);
			Table.Shape shape = table.inspect();
			Map<String, Integer> index = WorkerSheet.TEMPLATE.index(shape, maxRows);
			jobs.running(id, shape.rows());
			table.rows(row -> {
				one(id, index, row, actor, tally);
				if (tally.processed % PROGRESS_EVERY == 0) {
					tally.save(jobs, id);
				}
			});
			tally.save(jobs, id);
			jobs.finish(id, clock.instant());
			log.info("Worker import job {} done: {} rows, {} accepted, {} updated, {} unchanged, {} refused", id,
					tally.processed, tally.accepted, tally.updated, tally.unchanged, tally.refused);
		}
		catch (ImportFileException e) {
			jobs.fail(id, e.code(), e.arg(), clock.instant());
		}
		catch (RuntimeException e) {
			tally.save(jobs, id);
			jobs.fail(id, "import.failed", null, clock.instant());
			log.error("Worker import job {} failed", id, e);
		}
	}

	private void one(UUID id, Map<String, Integer> index, SourceRow row, Actor actor, Tally tally) {
		tally.processed++;
		String column = null;
		try {
			for (Map.Entry<String, Integer> key : index.entrySet()) {
				String problem = row.cellProblems().get(key.getValue());
				if (problem != null) {
					column = key.getKey();
					throw new DomainException(ErrorKind.INVALID, problem);
				}
			}
			WorkerSheet.Row read = WorkerSheet.read(key -> index.containsKey(key) ? row.cells().get(index.get(key)) : null);
			switch (workers.importRow(read, actor)) {
				case ACCEPTED -> tally.accepted++;
				case UPDATED -> tally.updated++;
				case UNCHANGED -> tally.unchanged++;
			}
		}
		catch (org.springframework.dao.DataAccessException e) {
			// a concurrent write took the lead or the phone between the check and the insert
			tally.refused++;
			jobs.refuse(id, jobs.refusal(row.number(), null, "import.failed"));
		}
		catch (DomainException e) {
			tally.refused++;
			String key = column != null ? column : WorkerSheet.columnOf(e.code());
			jobs.refuse(id, jobs.refusal(row.number(), key == null ? null : WorkerSheet.TEMPLATE.headerOf(key), e.code(),
					e.args()));
		}
	}

	Job job(UUID id, Actor actor) {
		return jobs.owned(id, actor);
	}

	/** The counts of a running job. */
	private static final class Tally {
		int processed, accepted, updated, unchanged, refused;

		void save(WorkerImportJobs jobs, UUID id) {
			jobs.progress(id, processed, accepted, updated, unchanged, refused);
		}
	}
}
