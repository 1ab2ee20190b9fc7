package io.gridgov.insight.internal;

/**
 * The indicators of one set of fact rows (see {@link Definitions} for each). A rate or an average
 * whose denominator is zero is null (the UI shows "—"), never NaN. {@code overdueNow} and
 * {@code dueSoon} describe the cases as they stand now, not the period; they are null where they do
 * not apply (the points of a trend).
 */
record Indicators(long reported, long accepted, long closed, Double closureRate, long handled, long handledOnTime,
		Double onTimeHandlingRate, long acceptedByCommandCentre, long acceptedOnTime, Double onTimeAcceptanceRate,
		long dispatched, long returned, Double correctDispatchRate, long verified, long reworked, Double reworkRate,
		long solvedOnTheSpot, Long overdueNow, Long dueSoon, Long averageTimeToAcceptSeconds,
		Long p90TimeToAcceptSeconds, Long averageTimeToHandleSeconds, Long p90TimeToHandleSeconds, long rated,
		Double averageRating, long ratedGood, Double satisfactionRate) {

	static Indicators of(Counters c, Long overdueNow, Long dueSoon) {
		long accepted = c.get(Measure.ACCEPTED);
		long handled = c.get(Measure.HANDLED);
		long timed = c.get(Measure.ACCEPT_TIMED);
		long dispatched = c.get(Measure.DISPATCHED);
		long verified = c.get(Measure.VERIFIED);
		long rated = c.get(Measure.RATED);
		return new Indicators(c.get(Measure.REPORTED), accepted, c.get(Measure.CLOSED),
				ratio(c.get(Measure.CLOSED), accepted), handled, c.get(Measure.HANDLED_ON_TIME),
				ratio(c.get(Measure.HANDLED_ON_TIME), handled), timed, c.get(Measure.ACCEPTED_ON_TIME),
				ratio(c.get(Measure.ACCEPTED_ON_TIME), timed), dispatched, c.get(Measure.RETURNED),
				ratio(dispatched - c.get(Measure.RETURNED), dispatched), verified, c.get(Measure.REWORKED),
				ratio(c.get(Measure.REWORKED), verified), c.get(Measure.SOLVED_ON_THE_SPOT), overdueNow, dueSoon,
				average(c.get(Measure.TTA_SUM_S), timed), DurationBuckets.p90(c.values, Measure.TTA_BUCKETS),
				average(c.get(Measure.TTH_SUM_S), handled), DurationBuckets.p90(c.values, Measure.TTH_BUCKETS), rated,
				rated == 0 ? null : (double) c.get(Measure.RATING_SUM) / rated, c.get(Measure.RATED_GOOD),
				ratio(c.get(Measure.RATED_GOOD), rated));
	}

	static Double ratio(long numerator, long denominator) {
		return denominator == 0 ? null : (double) numerator / denominator;
	}

	static Long average(long sum, long count) {
		return count == 0 ? null : Math.round((double) sum / count);
	}
}
