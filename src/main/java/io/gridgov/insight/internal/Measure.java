package io.gridgov.insight.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The additive counters of a fact row, in column order. Each is counted on the day (Asia/Shanghai)
 * of the moment named here; see {@link Definitions} for what the indicators make of them.
 */
enum Measure {
	/** Cases reported, on the report day. */
	REPORTED,
	/** Cases taken on: accepted by the command centre, or solved on the spot by the grid worker who found them. */
	ACCEPTED,
	/** Accepted by the command centre no later than the acceptance deadline, on the acceptance day. */
	ACCEPTED_ON_TIME,
	/** Accepted by the command centre (with a time to accept), on the acceptance day. */
	ACCEPT_TIMED,
	TTA_SUM_S,
	SOLVED_ON_THE_SPOT,
	/** Cases dispatched, on the day of their first dispatch. */
	DISPATCHED,
	/** Of those, cases an assignee returned as not theirs (dispatched not correctly), on the same day. */
	RETURNED,
	/** Cases handled, on the day of their latest handling (a re-handled case moves there). */
	HANDLED,
	HANDLED_ON_TIME,
	TTH_SUM_S,
	/** Cases whose verification passed, on that day. */
	VERIFIED,
	/** Of those, cases that had failed verification at least once, on the same day. */
	REWORKED,
	CLOSED,
	RATED,
	RATING_SUM,
	/** Rated 4 or 5 stars. */
	RATED_GOOD;

	static final int BASE = values().length;
	/** Base counters, then the time-to-accept buckets, then the time-to-handle buckets. */
	static final int SIZE = BASE + 2 * DurationBuckets.COUNT;
	static final int TTA_BUCKETS = BASE;
	static final int TTH_BUCKETS = BASE + DurationBuckets.COUNT;

	int index() {
		return ordinal();
	}

	/** Every counter column, in index order. */
	static List<String> columns() {
		List<String> columns = new ArrayList<>(SIZE);
		for (Measure m : values()) {
			columns.add(m.name().toLowerCase());
		}
		for (int i = 0; i < DurationBuckets.COUNT; i++) {
			columns.add(String.format("tta_b%02d", i));
		}
		for (int i = 0; i < DurationBuckets.COUNT; i++) {
			columns.add(String.format("tth_b%02d", i));
		}
		return List.copyOf(columns);
	}
}
