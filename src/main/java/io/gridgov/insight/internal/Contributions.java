package io.gridgov.insight.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one case adds to the daily fact rows: each counter on the day (Asia/Shanghai) of the moment
 * it stands for, all under the case's current grid, category, department and source. The fact
 * tables are the sum of these over every case, so a change of a case is the difference of its
 * contributions before and after.
 */
final class Contributions {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private Contributions() {
	}

	static Map<FactKey, Counters> of(CaseFacts f) {
		Map<FactKey, Counters> result = new TreeMap<>();
		if (f.gridCode == null || f.categoryCode == null) {
			return result;
		}
		if (f.reportedAt != null) {
			at(result, f, f.reportedAt).add(Measure.REPORTED, 1);
		}
		if (f.acceptedAt != null) {
			Counters c = at(result, f, f.acceptedAt);
			c.add(Measure.ACCEPTED, 1);
			if (f.timeToAcceptSeconds != null) {
				c.add(Measure.ACCEPT_TIMED, 1);
				c.add(Measure.TTA_SUM_S, f.timeToAcceptSeconds);
				c.addAt(Measure.TTA_BUCKETS + DurationBuckets.bucketOf(f.timeToAcceptSeconds), 1);
				if (Boolean.TRUE.equals(f.acceptedOnTime)) {
					c.add(Measure.ACCEPTED_ON_TIME, 1);
				}
			}
		}
		else if (f.spotAt != null) {
			at(result, f, f.spotAt).add(Measure.ACCEPTED, 1);
		}
		if (f.spotAt != null) {
			at(result, f, f.spotAt).add(Measure.SOLVED_ON_THE_SPOT, 1);
		}
		if (f.firstDispatchedAt != null) {
			Counters c = at(result, f, f.firstDispatchedAt);
			c.add(Measure.DISPATCHED, 1);
			if (f.returned) {
				c.add(Measure.RETURNED, 1);
			}
		}
		if (f.handledAt != null) {
			Counters c = at(result, f, f.handledAt);
			c.add(Measure.HANDLED, 1);
			if (Boolean.TRUE.equals(f.handledOnTime)) {
				c.add(Measure.HANDLED_ON_TIME, 1);
			}
			long seconds = f.timeToHandleSeconds == null ? 0 : f.timeToHandleSeconds;
			c.add(Measure.TTH_SUM_S, seconds);
			c.addAt(Measure.TTH_BUCKETS + DurationBuckets.bucketOf(seconds), 1);
		}
		if (f.verifiedAt != null) {
			Counters c = at(result, f, f.verifiedAt);
			c.add(Measure.VERIFIED, 1);
			if (f.reworked) {
				c.add(Measure.REWORKED, 1);
			}
		}
		if (f.closedAt != null) {
			at(result, f, f.closedAt).add(Measure.CLOSED, 1);
		}
		if (f.ratedAt != null && f.rating != null) {
			Counters c = at(result, f, f.ratedAt);
			c.add(Measure.RATED, 1);
			c.add(Measure.RATING_SUM, f.rating);
			if (f.rating >= 4) {
				c.add(Measure.RATED_GOOD, 1);
			}
		}
		return result;
	}

	/** {@code after − before}, without the rows whose difference is zero. */
	static Map<FactKey, Counters> difference(CaseFacts before, CaseFacts after) {
		Map<FactKey, Counters> diff = new TreeMap<>();
		if (before != null) {
			of(before).forEach((k, v) -> diff.computeIfAbsent(k, x -> new Counters()).add(v, -1));
		}
		of(after).forEach((k, v) -> diff.computeIfAbsent(k, x -> new Counters()).add(v, 1));
		diff.values().removeIf(Counters::isZero);
		return diff;
	}

	static LocalDate day(Instant instant) {
		return instant.atZone(ZONE).toLocalDate();
	}

	private static Counters at(Map<FactKey, Counters> result, CaseFacts f, Instant when) {
		FactKey key = new FactKey(day(when), f.gridCode, f.communityCode(), f.categoryCode, f.departmentCode,
				f.source == null ? "" : f.source);
		return result.computeIfAbsent(key, k -> new Counters());
	}
}
