package io.gridgov.campaigns.internal;

import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The daily job: shortly after midnight in the subdistrict's time zone one instance of the cluster
 * writes the day's follow-up lists of every running campaign (db-scheduler, ADR 0020). Missed runs
 * (every instance down at midnight) run when an instance is back, and catch up the days missed.
 */
@Configuration(proxyBeanMethods = false)
class CampaignJobs {

	static final String DAILY_LISTS = "campaigns-daily-lists";

	@Bean
	RecurringTask<Void> campaignsDailyLists(FollowUpGenerator generator,
			@Value("${gridgov.campaigns.time-zone:Asia/Shanghai}") String zone,
			@Value("${gridgov.campaigns.daily-lists-at:00:05}") LocalTime at) {
		return Tasks.recurring(DAILY_LISTS, Schedules.daily(ZoneId.of(zone), at))
			.execute((instance, context) -> generator.generateAllDue());
	}
}
