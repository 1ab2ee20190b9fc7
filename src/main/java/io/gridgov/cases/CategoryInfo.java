package io.gridgov.cases;

import java.time.Duration;
import java.util.Map;

/**
 * A leaf category of the catalogue as intake sees it: its class, names, default department, the
 * deadline of each stage (working time, or calendar time when {@code emergency}) and the closure
 * condition (结案标准) a verifier checks.
 */
public record CategoryInfo(String code, String classCode, String name, String nameEn, String defaultDepartment,
		Map<DeadlineStage, Duration> deadlines, boolean emergency, String closureCondition) {

	public CategoryInfo {
		deadlines = Map.copyOf(deadlines);
	}

	public Duration deadline(DeadlineStage stage) {
		return deadlines.get(stage);
	}
}
