package io.gridgov.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A read bucket and a write bucket per client, in memory. Memory stays bounded: the clients are
 * kept least recently seen first; a client unseen long enough for both buckets to have filled up
 * again is forgotten (a new one would start the same), and past {@code maxClients} the least
 * recently seen client is forgotten even so.
 */
final class TokenBuckets {

	enum Kind {
		READ, WRITE
	}

	/**
	 * @param retryAfterSeconds when a refused client may try again (0 when allowed)
	 * @param firstRefusal the first refusal after an allowed request: the one worth a log line
	 */
	record Decision(boolean allowed, long retryAfterSeconds, boolean firstRefusal) {
	}

	private final RateLimit reads;
	private final RateLimit writes;
	private final int maxClients;
	private final Clock clock;
	private final Duration idleAfter;
	private final LinkedHashMap<String, Client> clients;

	TokenBuckets(RateLimit reads, RateLimit writes, int maxClients, Clock clock) {
		this.reads = reads;
		this.writes = writes;
		this.maxClients = maxClients;
		this.clock = clock;
		this.idleAfter = reads.timeToFill().compareTo(writes.timeToFill()) > 0 ? reads.timeToFill() : writes.timeToFill();
		this.clients = new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Client> eldest) {
				return size() > TokenBuckets.this.maxClients;
			}
		};
	}

	Decision acquire(String client, Kind kind) {
		Instant now = clock.instant();
		synchronized (clients) {
			forgetIdle(now);
			Client state = clients.computeIfAbsent(client, key -> new Client(reads, writes, now));
			state.lastSeen = now;
			Bucket bucket = kind == Kind.READ ? state.reads : state.writes;
			return bucket.take(now);
		}
	}

	int trackedClients() {
		synchronized (clients) {
			return clients.size();
		}
	}

	RateLimit reads() {
		return reads;
	}

	RateLimit writes() {
		return writes;
	}

	private void forgetIdle(Instant now) {
		Instant idleSince = now.minus(idleAfter);
		Iterator<Client> oldestFirst = clients.values().iterator();
		while (oldestFirst.hasNext()) {
			if (!oldestFirst.next().lastSeen.isBefore(idleSince)) {
				return;
			}
			oldestFirst.remove();
		}
	}

	private static final class Client {

		final Bucket reads;
		final Bucket writes;
		Instant lastSeen;

		Client(RateLimit reads, RateLimit writes, Instant now) {
			this.reads = new Bucket(reads, now);
			this.writes = new Bucket(writes, now);
			this.lastSeen = now;
		}
	}

	/**
	 * Counted in whole units, not floating point, so that refills add up exactly: one token is 60 s
	 * in nanoseconds of units, and each elapsed nanosecond adds {@code perMinute} units.
	 */
	private static final class Bucket {

		private static final long TOKEN = 60_000_000_000L;

		private final RateLimit limit;
		private final long capacity;
		private long units;
		private Instant refilled;
		private boolean refusing;

		Bucket(RateLimit limit, Instant now) {
			this.limit = limit;
			this.capacity = limit.burst() * TOKEN;
			this.units = capacity;
			this.refilled = now;
		}

		Decision take(Instant now) {
			if (now.isAfter(refilled)) {
				long missing = capacity - units;
				long elapsed = Duration.between(refilled, now).toNanos();
				units = elapsed >= missing / limit.perMinute() + 1 ? capacity : Math.min(capacity, units + elapsed * limit.perMinute());
				refilled = now;
			}
			if (units >= TOKEN) {
				units -= TOKEN;
				refusing = false;
				return new Decision(true, 0, false);
			}
			long nanosToNextToken = (TOKEN - units + limit.perMinute() - 1) / limit.perMinute();
			long retryAfter = Math.max(1, (nanosToNextToken + 999_999_999L) / 1_000_000_000L);
			boolean first = !refusing;
			refusing = true;
			return new Decision(false, retryAfter, first);
		}
	}
}
