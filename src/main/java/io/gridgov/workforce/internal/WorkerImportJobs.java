package io.gridgov.workforce.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.gridgov.platform.problem.ProblemFactory;
import io.gridgov.platform.tabular.ImportJobs;

/** The grid-worker import jobs, in workforce's own tables {@code workforce_import_job} and {@code workforce_import_refusal}. */
@Component
class WorkerImportJobs extends ImportJobs {

	WorkerImportJobs(JdbcClient jdbc, ProblemFactory problems) {
		super(jdbc, problems, "workforce_import");
	}
}
