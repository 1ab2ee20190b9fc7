/**
 * Insight (指挥大屏 and 绩效评价): the indicators of the case loop by period, region, category,
 * source and department, from read models kept up to date by the cases module's events and rebuilt
 * from its history (ADR 0024).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight",
		allowedDependencies = { "platform", "geo", "identity", "cases" })
package io.gridgov.insight;
