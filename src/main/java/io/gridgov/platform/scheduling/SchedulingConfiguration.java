package io.gridgov.platform.scheduling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * The one db-scheduler {@link Scheduler} of the application, on the {@code scheduled_tasks} table
 * (migration {@code platform/V20261130_0102}). Every {@code Task} bean of any module is known to it;
 * recurring tasks are scheduled on start-up (only once across the cluster: the row's primary key
 * is the task name and instance). The scheduler starts after the context has refreshed and stops
 * first on shutdown, waiting briefly for running executions.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gridgov.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {

	@Bean
	Scheduler dbScheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks,
			@Value("${gridgov.scheduling.threads:2}") int threads,
			@Value("${gridgov.scheduling.polling-interval:10s}") Duration pollingInterval) {
		List<Task<?>> known = tasks.orderedStream().toList();
		List<RecurringTask<?>> recurring = new ArrayList<>();
		for (Task<?> task : known) {
			if (task instanceof RecurringTask<?> r) {
				recurring.add(r);
			}
		}
		return Scheduler.create(dataSource, new ArrayList<>(known))
			.startTasks(onStartup(recurring))
			.tableName("scheduled_tasks")
			.threads(threads)
			.pollingInterval(pollingInterval)
			.alwaysPersistTimestampInUTC()
			.enableImmediateExecution()
			.shutdownMaxWait(Duration.ofSeconds(5))
			.build();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static <T extends Task<?> & OnStartup> List<T> onStartup(List<RecurringTask<?>> recurring) {
		return (List) recurring;
	}

	@Bean
	SmartLifecycle dbSchedulerLifecycle(Scheduler scheduler) {
		return new SchedulerLifecycle(scheduler);
	}

	/** Starts the scheduler once the application is ready to serve and stops it before the data source closes. */
	static final class SchedulerLifecycle implements SmartLifecycle {

		private final Scheduler scheduler;
		private volatile boolean running;

		SchedulerLifecycle(Scheduler scheduler) {
			this.scheduler = scheduler;
		}

		@Override
		public void start() {
			scheduler.start();
			running = true;
		}

		@Override
		public void stop() {
			scheduler.stop();
			running = false;
		}

		@Override
		public boolean isRunning() {
			return running;
		}

		@Override
		public int getPhase() {
			return Integer.MAX_VALUE - 1000;
		}
	}
}
