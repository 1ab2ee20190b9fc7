package io.gridgov.support;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of each test JVM, how many tests ran on which database, so the build log
 * says plainly what the H2 run and the PostgreSQL run covered.
 */
public class DatabaseTestSummary implements TestExecutionListener {

	private final AtomicLong passed = new AtomicLong();
	private final AtomicLong failed = new AtomicLong();
	private final AtomicLong skipped = new AtomicLong();

	@Override
	public void executionSkipped(TestIdentifier test, String reason) {
		if (test.isTest()) {
			skipped.incrementAndGet();
		}
	}

	@Override
	public void executionFinished(TestIdentifier test, TestExecutionResult result) {
		if (!test.isTest()) {
			return;
		}
		switch (result.getStatus()) {
			case SUCCESSFUL -> passed.incrementAndGet();
			case ABORTED -> skipped.incrementAndGet();
			case FAILED -> failed.incrementAndGet();
		}
	}

	@Override
	public void testPlanExecutionFinished(TestPlan plan) {
		String database = System.getProperty("gridgov.test.database");
		String label = database == null ? "GridGov unit tests" : "GridGov integration tests on " + TestDatabase.name();
		System.out.printf("%n%s: %d run, %d passed, %d failed, %d skipped%n%n", label,
				passed.get() + failed.get(), passed.get(), failed.get(), skipped.get());
	}
}
