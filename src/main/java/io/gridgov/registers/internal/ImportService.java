package io.gridgov.registers.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
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
 * valid ones in batches ({@code gridgov.registers.import.batch-size}, 1,000 rows), one transaction
 * each, which also advances the job's progress; resident batches are written by several writers
 * in parallel ({@code gridgov.registers.import.writers}, ADR 0028). Duplicates (same ID number or
 * credit code) update; identical rows change nothing.
 */
@Service
class ImportService {

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
	private final int batchSize;
	private final int writers;

	ImportService(ImportJobStore jobs, RowImporter rows, ResidentService residents, TransactionTemplate transaction,
			AuditTrail audit, Clock clock, @Value("${gridgov.registers.import.max-bytes:52428800}") long maxBytes,
			@Value("${gridgov.registers.import.max-rows:1000000}") int maxRows,
			@Value("${gridgov.registers.import.batch-size:1000}") int batchSize,
			@Value("${gridgov.registers.import.writers:3}") int writers) {
		this.jobs = jobs;
		this.rows = rows;
		this.residents = residents;
		this.transaction = transaction;
		this.audit = audit;
		this.clock = clock;
		this.maxBytes = maxBytes;
		this.maxRows = maxRows;
		this.batchSize = Math.max(1, batchSize);
		this.writers = Math.max(1, writers);
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
		run(id, kind, file, actor, writers, batchSize);
	}

	/** The same with a given number of writers (1: batches one after the other, in file order) and rows per batch. */
	void run(UUID id, ImportKind kind, Path file, Actor actor, int writerCount, int batchSize) {
		long started = System.nanoTime();
		try {
			Table table = Table.of(file);
			Table.Shape shape = table.inspect();
			Map<String, Integer> index = kind.template().index(shape, maxRows);
			jobs.running(id, shape.rows());
			Counters counters = new Counters();
			// only resident batches name what they touch (ID numbers, households); others keep one writer
			try (Writers writer = new Writers(id, kind, index, actor, counters, kind == ImportKind.RESIDENT ? writerCount : 1,
					batchSize)) {
				table.rows(writer::add);
				writer.flush();
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

	/** What a batch (or a whole job) did with its rows. */
	private static final class Counters {
		int processed, accepted, updated, unchanged, refused;

		void add(Counters c) {
			processed += c.processed;
			accepted += c.accepted;
			updated += c.updated;
			unchanged += c.unchanged;
			refused += c.refused;
		}
	}

	/**
	 * The second pass on several threads (ADR 0028): the reading thread parses a batch and checks
	 * its rows (rules, grid, keyed hashes) while writer threads, each in transactions of its own,
	 * write the batches before it. A resident batch names what it touches — the ID-number hashes
	 * of its rows and the addresses of their households — and two batches that share a name are
	 * written in file order, the later one after the earlier one committed: a batch goes to the
	 * writer that holds a batch it shares a name with (a writer takes its batches one after the
	 * other) or, when two writers hold such batches, waits until one of them is done. Batches that
	 * share nothing touch different rows, so they may commit in any order. At most two batches per
	 * writer wait or run, so memory stays bounded whatever the file's size. Closing waits for the
	 * last batch and rethrows what a writer failed with.
	 */
	private final class Writers implements AutoCloseable {

		/** Batches a writer holds: the one it writes and the one it takes next. */
		private static final int DEPTH = 2;

		private final UUID id;
		private final ImportKind kind;
		private final Map<String, Integer> index;
		private final Actor actor;
		private final Counters total;
		private final int batchSize;
		/** The batch being read: its rows, for residents each checked, the names it touches, the last row's household. */
		private List<SourceRow> reading = new ArrayList<>();
		private List<Object> checked = new ArrayList<>();
		private java.util.Set<Object> names = new java.util.HashSet<>();
		private Object lastHousehold;
		private final Object lock = new Object();
		/** Per writer, its batches; the first is being written and leaves the queue when committed. */
		private final List<java.util.ArrayDeque<Checked>> queues = new ArrayList<>();
		/** For each name of a batch being held: the writer holding it and how many of its batches name it. */
		private final Map<Object, int[]> holders = new HashMap<>();
		private final List<Thread> threads = new ArrayList<>();
		private boolean closed;
		/** Time the reading thread waited for a writer, and the writers waited for a batch: which side holds the other up. */
		private long readerWaited, writersWaited;
		private RuntimeException failure;
		/** The failure was thrown to the reading thread already (close must not throw it again: self-suppression). */
		private boolean failureThrown;

		Writers(UUID id, ImportKind kind, Map<String, Integer> index, Actor actor, Counters total, int count, int batchSize) {
			this.batchSize = batchSize;
			this.id = id;
			this.kind = kind;
			this.index = index;
			this.actor = actor;
			this.total = total;
			SecurityContext context = SecurityContextHolder.getContext();
			for (int w = 0; w < count; w++) {
				int writer = w;
				queues.add(new java.util.ArrayDeque<>(DEPTH));
				Thread thread = new Thread(() -> {
					SecurityContextHolder.setContext(context);
					try {
						work(writer);
					}
					finally {
						SecurityContextHolder.clearContext();
					}
				}, "registers-import-writer-" + w);
				thread.setDaemon(true);
				threads.add(thread);
			}
			threads.forEach(Thread::start);
		}

		private void work(int writer) {
			java.util.ArrayDeque<Checked> queue = queues.get(writer);
			while (true) {
				Checked batch;
				synchronized (lock) {
					while (queue.isEmpty() && !closed && failure == null) {
						long waiting = System.nanoTime();
						boolean woken = await();
						writersWaited += System.nanoTime() - waiting;
						if (!woken) {
							failure = new IllegalStateException("interrupted while importing");
							lock.notifyAll();
							return;
						}
					}
					if (failure != null || queue.isEmpty()) {
						return;
					}
					batch = queue.peekFirst();
				}
				Counters done;
				try {
					done = write(id, kind, index, batch, actor);
				}
				catch (RuntimeException e) {
					synchronized (lock) {
						if (failure == null) {
							failure = e;
						}
						lock.notifyAll();
					}
					return;
				}
				synchronized (lock) {
					total.add(done);
					queue.pollFirst();
					for (Object name : batch.names()) {
						int[] holder = holders.get(name);
						if (--holder[1] == 0) {
							holders.remove(name);
						}
					}
					lock.notifyAll();
				}
			}
		}

		/** Waits for a change; false when interrupted (the thread then ends). */
		private boolean await() {
			try {
				lock.wait();
				return true;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		/**
		 * Reads a row into the batch (a resident checked at once). A full batch is handed on before
		 * the row, except that the members of a household listed one after the other stay in one
		 * batch (up to twice the batch size): the next batch then shares no household with it and
		 * can go to another writer.
		 */
		void add(SourceRow row) {
			if (kind != ImportKind.RESIDENT) {
				if (reading.size() >= batchSize) {
					flush();
				}
				reading.add(row);
				return;
			}
			Object household = null;
			Object result;
			List<Object> touched = List.of();
			try {
				ResidentService.Hashed hashed = residents.hashed(ImportService.this.rows.checkResident(index, row, actor));
				touched = ResidentService.touches(hashed);
				household = ResidentService.household(hashed);
				result = hashed;
			}
			catch (RowRefusal refusal) {
				result = refusal;
			}
			if (reading.size() >= 2 * batchSize
					|| reading.size() >= batchSize && (household == null || !household.equals(lastHousehold))) {
				flush();
			}
			reading.add(row);
			checked.add(result);
			names.addAll(touched);
			lastHousehold = household;
		}

		/** Hands the batch read so far to a writer. */
		void flush() {
			if (reading.isEmpty()) {
				return;
			}
			Checked batch = new Checked(reading, kind == ImportKind.RESIDENT ? checked : null, names);
			reading = new ArrayList<>(batchSize);
			checked = new ArrayList<>(batchSize);
			names = new java.util.HashSet<>();
			lastHousehold = null;
			submit(batch);
		}

		private void submit(Checked batch) {
			throwFailure();
			synchronized (lock) {
				while (true) {
					throwFailure();
					int writer = writerFor(batch);
					if (writer >= 0) {
						queues.get(writer).addLast(batch);
						for (Object name : batch.names()) {
							holders.computeIfAbsent(name, n -> new int[] { writer, 0 })[1]++;
						}
						lock.notifyAll();
						return;
					}
					long waiting = System.nanoTime();
					try {
						lock.wait();
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException("interrupted while importing", e);
					}
					readerWaited += System.nanoTime() - waiting;
				}
			}
		}

		/**
		 * The writer to take the batch now: the one holding a batch it shares a name with, if it has
		 * room; else, if no writer holds one, the least busy writer with room; -1 to wait.
		 */
		private int writerFor(Checked batch) {
			int holder = -1;
			for (Object name : batch.names()) {
				int[] held = holders.get(name);
				if (held != null) {
					if (holder >= 0 && holder != held[0]) {
						return -1;
					}
					holder = held[0];
				}
			}
			if (holder >= 0) {
				return queues.get(holder).size() < DEPTH ? holder : -1;
			}
			int best = -1;
			for (int w = 0; w < queues.size(); w++) {
				if (queues.get(w).size() < DEPTH && (best < 0 || queues.get(w).size() < queues.get(best).size())) {
					best = w;
				}
			}
			return best;
		}

		@Override
		public void close() {
			synchronized (lock) {
				closed = true;
				lock.notifyAll();
			}
			for (Thread thread : threads) {
				try {
					thread.join();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while importing", e);
				}
			}
			if (!failureThrown) {
				throwFailure();
			}
			log.info("Import job {}: {} writers; the reader waited {} ms for them, they waited {} ms in all for it", id,
					threads.size(), readerWaited / 1_000_000, writersWaited / 1_000_000);
		}

		private void throwFailure() {
			synchronized (lock) {
				if (failure != null) {
					failureThrown = true;
					throw failure;
				}
			}
		}
	}

	/**
	 * A batch of rows; for residents each row checked — a {@link ResidentService.Hashed} or a
	 * {@link RowRefusal} — and the names of what the batch touches (ID-number hashes, households).
	 */
	private record Checked(List<SourceRow> rows, List<Object> residents, java.util.Collection<Object> names) {
	}

	/**
	 * One batch in one transaction, which also advances the job's progress; when the database
	 * refuses the batch, each row is retried alone, in a transaction of its own with its progress.
	 * Answers what the batch did.
	 */
	private Counters write(UUID id, ImportKind kind, Map<String, Integer> index, Checked checked, Actor actor) {
		List<SourceRow> batch = checked.rows();
		try {
			return transaction.execute(status -> {
				Counters counters = new Counters();
				if (checked.residents() == null || !residentBatch(id, batch, checked.residents(), actor, counters)) {
					for (SourceRow row : batch) {
						one(id, kind, index, row, actor, counters);
					}
				}
				advance(id, counters);
				return counters;
			});
		}
		catch (RuntimeException e) {
			Counters counters = new Counters();
			for (SourceRow row : batch) {
				Counters alone;
				try {
					alone = transaction.execute(status -> {
						Counters c = new Counters();
						one(id, kind, index, row, actor, c);
						advance(id, c);
						return c;
					});
				}
				catch (RuntimeException rowFailure) {
					alone = transaction.execute(status -> {
						Counters c = new Counters();
						c.processed++;
						c.refused++;
						jobs.refuse(id, refusal(row.number(), null, "registers.import-failed"));
						advance(id, c);
						return c;
					});
				}
				counters.add(alone);
			}
			return counters;
		}
	}

	private void advance(UUID id, Counters c) {
		jobs.advance(id, c.processed, c.accepted, c.updated, c.unchanged, c.refused);
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
