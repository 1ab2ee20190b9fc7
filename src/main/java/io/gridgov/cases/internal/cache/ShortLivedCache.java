package io.gridgov.cases.internal.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps values that the intake path reads on every request (the signed-in actor's departments and
 * worker record, categories, the working calendar) for a few seconds. A write through this
 * instance clears the cache at once and again when its transaction ends, so the writer's next
 * request sees its change; another instance's write shows after at most {@code ttl}. A zero ttl
 * turns caching off.
 */
public final class ShortLivedCache<K, V> {

	private record Entry<V>(V value, long expiresAt) {
	}

	private final long ttlNanos;
	private final int maxEntries;
	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	public ShortLivedCache(Duration ttl, int maxEntries) {
		this.ttlNanos = ttl.toNanos();
		this.maxEntries = maxEntries;
	}

	public V get(K key, Function<K, V> load) {
		if (ttlNanos <= 0) {
			return load.apply(key);
		}
		long now = System.nanoTime();
		Entry<V> entry = entries.get(key);
		if (entry != null && now - entry.expiresAt() < 0) {
			return entry.value();
		}
		V value = load.apply(key);
		if (entries.size() >= maxEntries) {
			entries.clear();
		}
		entries.put(key, new Entry<>(value, now + ttlNanos));
		return value;
	}

	/** Forgets everything now and once more when the current transaction (if any) has ended. */
	public void invalidate() {
		entries.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					entries.clear();
				}
			});
		}
	}
}
