/**
 * Follow-up campaigns (专项行动) over groups of the registers: a target group, a schedule and an
 * outcome form; a follow-up list for each responsible grid worker on each due day, outcomes and
 * missed-check reasons recorded from the phone, home-service tasks, and progress by community,
 * grid and worker.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns",
		allowedDependencies = { "platform", "geo", "identity", "workforce", "registers" })
package io.gridgov.campaigns;
