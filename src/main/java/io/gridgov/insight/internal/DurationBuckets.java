package io.gridgov.insight.internal;

import java.time.Duration;

/**
 * The fixed buckets in which times to accept and to handle are counted, so that a p90 over any
 * filtered set is a sum of bucket counts rather than a sort of every case. The estimate is the
 * linear interpolation inside the bucket holding the 90th percentile's rank (rank = ⌈0.9 n⌉); in the
 * last, open bucket it is that bucket's lower bound (10 days). The error is therefore at most the
 * width of one bucket; the buckets are narrow where most cases fall (minutes to a few hours).
 */
final class DurationBuckets {

	static final int COUNT = 20;

	/** Upper bounds in seconds, exclusive; the last bucket has none. */
	private static final long[] UPPER = { m(5), m(10), m(15), m(30), m(45), h(1), m(90), h(2), h(3), h(4), h(6), h(8),
			h(12), h(24), h(36), h(48), h(72), h(120), h(240) };

	private DurationBuckets() {
	}

	private static long m(long minutes) {
		return minutes * 60;
	}

	private static long h(long hours) {
		return hours * 3600;
	}

	/** The bucket of a duration in seconds (negative durations count as zero). */
	static int bucketOf(long seconds) {
		for (int i = 0; i < UPPER.length; i++) {
			if (seconds < UPPER[i]) {
				return i;
			}
		}
		return COUNT - 1;
	}

	static long lower(int bucket) {
		return bucket == 0 ? 0 : UPPER[bucket - 1];
	}

	static Long upper(int bucket) {
		return bucket < UPPER.length ? UPPER[bucket] : null;
	}

	/** The estimated p90 in seconds of the durations counted in {@code counts}; null when there are none. */
	static Long p90(long[] counts) {
		return p90(counts, 0);
	}

	/**
	 * {@link #p90(long[])} of the {@link #COUNT} buckets from {@code from} in {@code values} (a set of
	 * counters' own array, not a copy: a ranking works this out for 10,000 grids).
	 */
	static Long p90(long[] values, int from) {
		long n = 0;
		for (int i = 0; i < COUNT; i++) {
			n += values[from + i];
		}
		if (n == 0) {
			return null;
		}
		long rank = (9 * n + 9) / 10;
		long before = 0;
		for (int i = 0; i < COUNT; i++) {
			long count = values[from + i];
			if (count > 0 && before + count >= rank) {
				Long upper = upper(i);
				if (upper == null) {
					return lower(i);
				}
				long width = upper - lower(i);
				return lower(i) + Math.round((double) width * (rank - before) / count);
			}
			before += count;
		}
		throw new IllegalStateException("unreachable");
	}

	static String describe() {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < COUNT; i++) {
			s.append(i == 0 ? "" : ", ").append(Duration.ofSeconds(lower(i)).toString());
		}
		return s.toString();
	}
}
