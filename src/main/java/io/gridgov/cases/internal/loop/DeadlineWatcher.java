package io.gridgov.cases.internal.loop;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import io.gridgov.platform.problem.DomainException;

/**
 * The deadline watcher: marks cases due soon (80 % of the way to their deadline) and overdue
 * (which also puts them under supervision). A db-scheduler recurring task runs it every
 * {@code gridgov.cases.watcher.interval} on one instance of the cluster at a time; each run takes
 * the due cases in batches, one short transaction per batch, until none is left. A batch that
 * fails is retried case by case, so one broken case is logged (by id only) and skipped while the
 * others are escalated.
 */
@Component
class DeadlineWatcher {

	static final String TASK_NAME = "cases-deadline-watcher";
	private static final Logger log = LoggerFactory.getLogger(DeadlineWatcher.class);

	private final CaseService cases;
	private final DeadlineEscalations escalations;
	private final int batchSize;

	DeadlineWatcher(CaseService cases, DeadlineEscalations escalations,
			@Value("${gridgov.cases.watcher.batch-size:500}") int batchSize) {
		this.cases = cases;
		this.escalations = escalations;
		this.batchSize = Math.max(1, batchSize);
	}

	/** What one run did. */
	record Run(int escalated, int failed) {
	}

	/** Escalates every case that is due now; returns how many were marked and how many failed. */
	Run escalateDue() {
		Set<UUID> skipped = new HashSet<>();
		Set<UUID> failed = new HashSet<>();
		int escalated = 0;
		while (true) {
			List<UUID> due = cases.due(batchSize + skipped.size()).stream().filter(id -> !skipped.contains(id)).toList();
			if (due.isEmpty()) {
				break;
			}
			if (due.size() > batchSize) {
				due = due.subList(0, batchSize);
			}
			Set<UUID> changed;
			try {
				changed = escalations.escalate(due);
			}
			catch (RuntimeException batchFailed) {
				changed = oneByOne(due, failed);
			}
			escalated += changed.size();
			// a case this run saw but did not change (nothing due after all, or it failed) is left
			// for the next run, so that the loop always ends
			for (UUID id : due) {
				if (!changed.contains(id)) {
					skipped.add(id);
				}
			}
		}
		return new Run(escalated, failed.size());
	}

	private Set<UUID> oneByOne(List<UUID> due, Set<UUID> failed) {
		Set<UUID> escalated = new HashSet<>();
		for (UUID id : due) {
			try {
				escalated.addAll(escalations.escalate(List.of(id)));
			}
			catch (RuntimeException e) {
				failed.add(id);
				// the case id and the kind of failure only: messages may quote the row's data
				log.warn("Deadline watcher could not escalate case {}: {}{}", id, e.getClass().getSimpleName(),
						e instanceof DomainException d ? " " + d.code() : "");
			}
		}
		return escalated;
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> caseDeadlineWatcherTask(DeadlineWatcher watcher,
				@Value("${gridgov.cases.watcher.interval:15s}") Duration interval) {
			return Tasks.recurring(TASK_NAME, Schedules.fixedDelay(interval)).execute((instance, context) -> {
				Run run = watcher.escalateDue();
				if (run.escalated() > 0 || run.failed() > 0) {
					log.info("Deadline watcher escalated {} case(s), {} failed", run.escalated(), run.failed());
				}
			});
		}
	}
}
