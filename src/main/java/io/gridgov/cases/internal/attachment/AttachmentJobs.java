package io.gridgov.cases.internal.attachment;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The purge of uploads never linked to a case (a photo taken for a report that was then abandoned):
 * once an hour on one instance of the cluster (db-scheduler), the uploads past the retention
 * ({@code gridgov.cases.attachments.unlinked-retention}) go with their files. Without it they stayed
 * on disk for ever.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentJobs {

	static final String PURGE_UNLINKED = "cases-attachments-purge-unlinked";

	@Bean
	RecurringTask<Void> casesAttachmentsPurgeUnlinked(AttachmentService attachments,
			@Value("${gridgov.cases.attachments.purge-interval:1h}") Duration interval) {
		return Tasks.recurring(PURGE_UNLINKED, Schedules.fixedDelay(interval))
			.execute((instance, context) -> attachments.purgeUnlinked());
	}
}
