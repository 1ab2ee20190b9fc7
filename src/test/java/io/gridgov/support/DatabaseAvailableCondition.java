package io.gridgov.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * On the PostgreSQL run: skips the database tests when PostgreSQL does not answer, unless
 * {@code GRIDGOV_TEST_PG_REQUIRED=true} (as in CI), where a missing database fails the run.
 */
public class DatabaseAvailableCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!TestDatabase.postgres()) {
			return ConditionEvaluationResult.enabled("runs on H2");
		}
		String reason = TestDatabase.pgUnreachableReason();
		if (reason == null) {
			return ConditionEvaluationResult.enabled("PostgreSQL answers");
		}
		if (TestDatabase.postgresRequired()) {
			throw new IllegalStateException(reason + " — and GRIDGOV_TEST_PG_REQUIRED=true");
		}
		return ConditionEvaluationResult.disabled(reason + " (set GRIDGOV_TEST_PG_REQUIRED=true to fail instead)");
	}
}
