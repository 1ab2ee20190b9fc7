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
		this.idleAfter = Duration.ofMillis((long) Math.ceil(1000 * Math.max(reads.secondsToFill(), writes.secondsToFill())));
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

	private static final class Bucket {

		private final RateLimit limit;
		private double tokens;
		private Instant refilled;
		private boolean refusing;

		Bucket(RateLimit limit, Instant now) {
			this.limit = limit;
			this.tokens = limit.burst();
			this.refilled = now;
		}

		Decision take(Instant now) {
			if (now.isAfter(refilled)) {
				double seconds = Duration.between(refilled, now).toNanos() / 1e9;
				tokens = Math.min(limit.burst(), tokens + seconds * limit.tokensPerSecond());
				refilled = now;
			}
			if (tokens >= 1) {
				tokens -= 1;
				refusing = false;
				return new Decision(true, 0, false);
			}
			long retryAfter = Math.max(1, (long) Math.ceil((1 - tokens) / limit.tokensPerSecond()));
			boolean first = !refusing;
			refusing = true;
			return new Decision(false, retryAfter, first);
		}
	}
}
