package io.gridgov.workforce.internal;

/** 专职 or 兼职. */
enum Employment {
	FULL_TIME, PART_TIME
}
