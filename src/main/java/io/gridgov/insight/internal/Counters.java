package io.gridgov.insight.internal;

import java.util.Arrays;

/** One fact row's counters ({@link Measure#SIZE} longs, in column order). */
final class Counters {

	final long[] values;

	Counters() {
		this.values = new long[Measure.SIZE];
	}

	Counters(long[] values) {
		if (values.length != Measure.SIZE) {
			throw new IllegalArgumentException("expected " + Measure.SIZE + " counters");
		}
		this.values = values;
	}

	long get(Measure m) {
		return values[m.index()];
	}

	void add(Measure m, long amount) {
		values[m.index()] += amount;
	}

	void addAt(int index, long amount) {
		values[index] += amount;
	}

	void add(Counters other, int sign) {
		for (int i = 0; i < values.length; i++) {
			values[i] += sign * other.values[i];
		}
	}

	boolean isZero() {
		for (long v : values) {
			if (v != 0) {
				return false;
			}
		}
		return true;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Counters other && Arrays.equals(values, other.values);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(values);
	}

	@Override
	public String toString() {
		return Arrays.toString(values);
	}
}
