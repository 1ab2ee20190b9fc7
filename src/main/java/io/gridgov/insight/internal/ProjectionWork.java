package io.gridgov.insight.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every change of the read models (a live event folded in, a rebuild) one at a time, each in its
 * own transaction, retried when the database gives up on it for a transient reason (deadlock,
 * serialization failure, lock timeout).
 * <p>
 * One at a time within an instance through a fair lock taken before the transaction (so waiting
 * threads hold no connection), and across instances through the row of {@code insight_lock}, locked
 * first in each transaction. Listeners and the rebuild therefore never interleave: a rebuild either
 * sees an event's case changes in the history it replays, or the event is folded in after it
 * (folding is idempotent), and no two transactions lock fact or roll-up rows in different orders.
 * The retry stays a safety net for what no lock can exclude.
 */
@Component
class ProjectionWork {

	static final int ATTEMPTS = 5;
	private static final Logger log = LoggerFactory.getLogger(ProjectionWork.class);

	private final ReentrantLock lock = new ReentrantLock(true);
	private final AtomicLong transactions = new AtomicLong();
	private final TransactionTemplate transaction;
	private final JdbcClient jdbc;

	ProjectionWork(PlatformTransactionManager transactions, JdbcClient jdbc) {
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
	}

	/** Runs {@code work} alone, in a new transaction, up to {@link #ATTEMPTS} times on transient failures. */
	<T> T run(String what, Supplier<T> work) {
		return exclusively(what, () -> inTransaction(what, work));
	}

	/**
	 * Runs {@code work} while holding this instance's turn (no transaction of its own): the work may look
	 * at what is left to do before it opens a transaction with {@link #inTransaction}, and act on the
	 * outcome after the commit, before the next turn begins.
	 */
	<T> T exclusively(String what, Supplier<T> work) {
		try {
			lock.lockInterruptibly();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to " + what, e);
		}
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

	/** Runs {@code work} in a new transaction, retried on transient failures; only within {@link #exclusively}. */
	<T> T inTransaction(String what, Supplier<T> work) {
		if (!lock.isHeldByCurrentThread()) {
			throw new IllegalStateException("Insight work outside its turn: " + what);
		}
		for (int attempt = 1;; attempt++) {
			try {
				transactions.incrementAndGet();
				return transaction.execute(status -> {
					jdbc.sql("SELECT id FROM insight_lock WHERE id = 1 FOR UPDATE").query(Integer.class).list();
					return work.get();
				});
			}
			catch (TransientDataAccessException e) {
				if (attempt >= ATTEMPTS) {
					throw e;
				}
				log.warn("Insight could not {} (attempt {} of {}: {}), trying again", what, attempt, ATTEMPTS,
						e.getClass().getSimpleName());
				pause(attempt);
			}
		}
	}

	/** How many transactions this instance has opened (attempts included). */
	long transactionsOpened() {
		return transactions.get();
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(50L * attempt + ThreadLocalRandom.current().nextLong(50));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted between attempts", e);
		}
	}
}
