package io.gridgov.registers.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.gridgov.platform.Ids;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.tabular.ImportExecutor;
import io.gridgov.platform.tabular.ImportFileException;
import io.gridgov.platform.tabular.ImportJobs.Job;
import io.gridgov.platform.tabular.ImportJobs.Refusal;
import io.gridgov.platform.tabular.ImportOutcome;
import io.gridgov.platform.tabular.SourceRow;
import io.gridgov.platform.tabular.Table;
import io.gridgov.platform.tabular.Upload;
import io.gridgov.registers.internal.RowImporter.RowRefusal;
import jakarta.annotation.PreDestroy;

/**
 * Imports a register file as a job (ADR 0021). The upload is copied to a temporary file; a first
 * pass reads the whole file and checks its shape — readable, the template's required columns, no
 * merged cells, within the row limit — and counts the rows, so a file that cannot be read at all
 * writes nothing. The second pass validates each row with the rules of the forms and writes the
 * valid ones in batches of {@value #BATCH} rows, one transaction each, updating the job's progress
 * with the batch. Duplicates (same ID number or credit code) update; identical rows change nothing.
 */
@Service
class ImportService {

	static final int BATCH = 500;
	private static final Logger log = LoggerFactory.getLogger(ImportService.class);

	private final ImportJobStore jobs;
	private final RowImporter rows;
	private final ResidentService residents;
	private final TransactionTemplate transaction;
	private final AuditTrail audit;
	private final Clock clock;
	private final long maxBytes;
	private final int maxRows;
	private final ImportExecutor executor = new ImportExecutor("registers-import", 2);

	ImportService(ImportJobStore jobs, RowImporter rows, ResidentService residents, TransactionTemplate transaction,
			AuditTrail audit, Clock clock, @Value("${gridgov.registers.import.max-bytes:52428800}") long maxBytes,
			@Value("${gridgov.registers.import.max-rows:1000000}") int maxRows) {
		this.jobs = jobs;
		this.rows = rows;
		this.residents = residents;
		this.transaction = transaction;
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
	UUID start(ImportKind kind, String fileName, long size, InputStream content, Actor actor) {
		Upload upload = Upload.save(fileName, size, content, maxBytes);
		UUID id = Ids.newId(clock);
		jobs.create(id, kind, upload.name(), actor.userId(), actor.scope().value(), clock.instant());
		audit.record(AuditRecord.success("REGISTER_IMPORT", "import", id).withDetail(kind + " " + upload.name()));
		executor.submit(id, upload, file -> run(id, kind, file, actor));
		return id;
	}

	/** Runs a whole import in the calling thread (the benchmark, and the job's worker thread). */
	void run(UUID id, ImportKind kind, Path file, Actor actor) {
		long started = System.nanoTime();
		try {
			Table table = Table.of(file);
			Table.Shape shape = table.inspect();
			Map<String, Integer> index = kind.template().index(shape, maxRows);
			jobs.running(id, shape.rows());
			Counters counters = new Counters();
			try (Writer writer = new Writer(id, kind, index, actor, counters)) {
				List<SourceRow> batch = new ArrayList<>(BATCH);
				table.rows(row -> {
					batch.add(row);
					if (batch.size() == BATCH) {
						writer.submit(List.copyOf(batch));
						batch.clear();
					}
				});
				writer.submit(List.copyOf(batch));
			}
			jobs.finish(id, clock.instant());
			log.info("Import job {} ({}) done in {} ms: {} rows, {} accepted, {} updated, {} unchanged, {} refused", id, kind,
					(System.nanoTime() - started) / 1_000_000, counters.processed, counters.accepted, counters.updated,
					counters.unchanged, counters.refused);
		}
		catch (ImportFileException e) {
			jobs.fail(id, e.code(), e.arg(), clock.instant());
			log.info("Import job {} refused the file: {}", id, e.code());
		}
		catch (RuntimeException e) {
			jobs.fail(id, "registers.import-failed", null, clock.instant());
			log.error("Import job {} failed", id, e);
		}
	}

	private static final class Counters {
		int processed, accepted, updated, unchanged, refused;

		Counters copy() {
			Counters c = new Counters();
			c.processed = processed;
			c.accepted = accepted;
			c.updated = updated;
			c.unchanged = unchanged;
			c.refused = refused;
			return c;
		}

		void set(Counters c) {
			processed = c.processed;
			accepted = c.accepted;
			updated = c.updated;
			unchanged = c.unchanged;
			refused = c.refused;
		}
	}

	/**
	 * The second pass on two threads: the reading thread parses a batch and checks its rows (rules,
	 * grid, keyed hashes) while a writer thread writes the batch before it, so reading and checking
	 * overlap with the database's work. Batches are written one at a time in file order; at most
	 * two wait, so memory stays bounded whatever the file's size. Closing waits for the last batch
	 * and rethrows what the writer failed with.
	 */
	private final class Writer implements AutoCloseable {

		private static final Checked END = new Checked(List.of(), null);

		private final UUID id;
		private final ImportKind kind;
		private final Map<String, Integer> index;
		private final Actor actor;
		private final java.util.concurrent.BlockingQueue<Checked> queue = new java.util.concurrent.ArrayBlockingQueue<>(2);
		private final Thread thread;
		private volatile RuntimeException failure;
		/** The failure was thrown to the reading thread already (close must not throw it again: self-suppression). */
		private boolean failureThrown;

		Writer(UUID id, ImportKind kind, Map<String, Integer> index, Actor actor, Counters counters) {
			this.id = id;
			this.kind = kind;
			this.index = index;
			this.actor = actor;
			SecurityContext context = SecurityContextHolder.getContext();
			this.thread = new Thread(() -> {
				SecurityContextHolder.setContext(context);
				try {
					for (Checked batch = queue.take(); batch != END; batch = queue.take()) {
						if (failure == null) {
							write(id, kind, index, batch, actor, counters);
						}
					}
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				catch (RuntimeException e) {
					failure = e;
					queue.clear();
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			}, "registers-import-writer");
			thread.setDaemon(true);
			thread.start();
		}

		void submit(List<SourceRow> batch) {
			throwFailure();
			if (batch.isEmpty()) {
				return;
			}
			put(kind == ImportKind.RESIDENT ? new Checked(batch, residents(batch)) : new Checked(batch, null));
		}

		private List<Object> residents(List<SourceRow> batch) {
			List<Object> checked = new ArrayList<>(batch.size());
			for (SourceRow row : batch) {
				try {
					checked.add(residents.hashed(rows.checkResident(index, row, actor)));
				}
				catch (RowRefusal refusal) {
					checked.add(refusal);
				}
			}
			return checked;
		}

		private void put(Checked batch) {
			try {
				while (!queue.offer(batch, 1, TimeUnit.SECONDS)) {
					throwFailure();
					if (!thread.isAlive()) {
						throw new IllegalStateException("the import writer stopped");
					}
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while importing", e);
			}
		}

		@Override
		public void close() {
			if (thread.isAlive() && failure == null) {
				put(END);
			}
			try {
				thread.join();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while importing", e);
			}
			if (!failureThrown) {
				throwFailure();
			}
		}

		private void throwFailure() {
			if (failure != null) {
				failureThrown = true;
				throw failure;
			}
		}
	}

	/** A batch of rows and, for residents, each row checked: a {@link ResidentService.Hashed} or a {@link RowRefusal}. */
	private record Checked(List<SourceRow> rows, List<Object> residents) {
	}

	/** One batch in one transaction; when the database refuses the batch, each row is retried alone. */
	private void write(UUID id, ImportKind kind, Map<String, Integer> index, Checked checked, Actor actor,
			Counters counters) {
		List<SourceRow> batch = checked.rows();
		if (batch.isEmpty()) {
			return;
		}
		Counters before = counters.copy();
		try {
			transaction.executeWithoutResult(status -> {
				if (checked.residents() == null || !residentBatch(id, batch, checked.residents(), actor, counters)) {
					for (SourceRow row : batch) {
						one(id, kind, index, row, actor, counters);
					}
				}
				jobs.progress(id, counters.processed, counters.accepted, counters.updated, counters.unchanged, counters.refused);
			});
		}
		catch (RuntimeException e) {
			counters.set(before);
			for (SourceRow row : batch) {
				try {
					transaction.executeWithoutResult(status -> one(id, kind, index, row, actor, counters));
				}
				catch (RuntimeException rowFailure) {
					counters.processed++;
					counters.refused++;
					transaction.executeWithoutResult(status -> jobs.refuse(id, refusal(row.number(), null, "registers.import-failed")));
				}
			}
			jobs.progress(id, counters.processed, counters.accepted, counters.updated, counters.unchanged, counters.refused);
		}
	}

	/**
	 * A batch of residents checked row by row and written with a few statements
	 * ({@link ResidentService#importBatch}); false, with nothing written and the counters as they
	 * were, when the batch needs the row-by-row path (a row updates a resident or is registered
	 * elsewhere, or an ID number comes twice).
	 */
	private boolean residentBatch(UUID id, List<SourceRow> batch, List<Object> checked, Actor actor, Counters counters) {
		List<ResidentService.Hashed> valid = new ArrayList<>(batch.size());
		List<Refusal> refused = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			if (checked.get(i) instanceof RowRefusal refusal) {
				refused.add(refusal(batch.get(i).number(), refusal.column, refusal.code, refusal.args));
			}
			else {
				valid.add((ResidentService.Hashed) checked.get(i));
			}
		}
		Optional<List<ImportOutcome>> outcomes = residents.importBatch(valid, actor);
		if (outcomes.isEmpty()) {
			return false;
		}
		counters.processed += batch.size();
		counters.refused += refused.size();
		for (ImportOutcome outcome : outcomes.get()) {
			switch (outcome) {
				case ACCEPTED -> counters.accepted++;
				case UPDATED -> counters.updated++;
				case UNCHANGED -> counters.unchanged++;
			}
		}
		refused.forEach(refusal -> jobs.refuse(id, refusal));
		return true;
	}

	private void one(UUID id, ImportKind kind, Map<String, Integer> index, SourceRow row, Actor actor, Counters counters) {
		counters.processed++;
		try {
			switch (rows.importRow(kind, index, row, actor)) {
				case ACCEPTED -> counters.accepted++;
				case UPDATED -> counters.updated++;
				case UNCHANGED -> counters.unchanged++;
			}
		}
		catch (RowRefusal refused) {
			counters.refused++;
			jobs.refuse(id, refusal(row.number(), refused.column, refused.code, refused.args));
		}
	}

	private Refusal refusal(int row, String column, String code, Object... args) {
		return jobs.refusal(row, column, code, args);
	}

	Job job(UUID id, Actor actor) {
		return jobs.owned(id, actor);
	}

	List<Refusal> refusals(UUID id, Actor actor, int limit) {
		job(id, actor);
		return jobs.refusals(id, limit);
	}

	/** The problem of a job whose file was refused, in both languages, for the report. */
	Map<String, String> problem(Job job) {
		return jobs.problem(job);
	}
}
