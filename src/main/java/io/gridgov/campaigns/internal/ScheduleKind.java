package io.gridgov.campaigns.internal;

/** How often a campaign's subjects are followed up. */
enum ScheduleKind {
	/** On the start date only. */
	ONCE,
	/** Every day from the start date (until the end date, when there is one). */
	DAILY,
	/** On the chosen weekdays from the start date (until the end date, when there is one). */
	WEEKLY
}
