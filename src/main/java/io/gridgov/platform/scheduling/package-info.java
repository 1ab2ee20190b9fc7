/**
 * Cluster-safe scheduled jobs on a database table (db-scheduler, ADR 0020): a module declares a
 * {@code com.github.kagkarlsson.scheduler.task.Task} bean (a recurring one starts by itself) and
 * one instance of the cluster runs each due execution.
 */
package io.gridgov.platform.scheduling;
