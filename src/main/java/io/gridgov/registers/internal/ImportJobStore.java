package io.gridgov.registers.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.gridgov.platform.problem.ProblemFactory;
import io.gridgov.platform.tabular.ImportJobs;

/** Register import jobs and their refused rows, in registers' own tables (ADR 0021; the store itself is platform's, ADR 0027). */
@Component
class ImportJobStore extends ImportJobs {

	ImportJobStore(JdbcClient jdbc, ProblemFactory problems) {
		super(jdbc, problems, "registers_import");
	}

	void create(UUID id, ImportKind kind, String fileName, UUID user, String scope, Instant now) {
		create(id, kind.name(), fileName, user, scope, now);
	}
}
