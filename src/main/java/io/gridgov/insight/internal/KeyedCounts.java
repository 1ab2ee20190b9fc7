package io.gridgov.insight.internal;

import java.util.Arrays;

/**
 * Counts by key in the order they were added (key order, as the reads that fill it sort): two arrays
 * instead of a map of boxed longs. A city's map reads two of these of 10,000 grids each and merges
 * them into its columns without hashing a key (ADR 0035).
 */
final class KeyedCounts {

	private String[] keys;

	private long[] counts;

	private int size;

	KeyedCounts() {
		this(64);
	}

	KeyedCounts(int capacity) {
		this.keys = new String[Math.max(1, capacity)];
		this.counts = new long[keys.length];
	}

	void add(String key, long count) {
		if (size == keys.length) {
			keys = Arrays.copyOf(keys, size * 2);
			counts = Arrays.copyOf(counts, size * 2);
		}
		keys[size] = key;
		counts[size] = count;
		size++;
	}

	int size() {
		return size;
	}

	String key(int i) {
		return keys[i];
	}

	long count(int i) {
		return counts[i];
	}
}
