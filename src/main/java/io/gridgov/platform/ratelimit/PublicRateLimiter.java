package io.gridgov.platform.ratelimit;

import java.time.Clock;
import java.util.Collections;
import java.util.List;

import io.gridgov.platform.ratelimit.TokenBuckets.Decision;
import io.gridgov.platform.ratelimit.TokenBuckets.Kind;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The limits of the public endpoints per client address, in the memory of this instance (ADR
 * 0018): reads (GET, HEAD, OPTIONS) and writes (everything else) have a bucket each.
 */
public class PublicRateLimiter {

	private final RateLimitProperties properties;
	private final ClientAddresses addresses;
	private final Clock clock;
	private volatile TokenBuckets buckets;

	PublicRateLimiter(RateLimitProperties properties, Clock clock) {
		this.properties = properties;
		this.addresses = new ClientAddresses(properties.trustedProxies());
		this.clock = clock;
		reset();
	}

	public boolean enabled() {
		return properties.publicLimits().enabled();
	}

	Decision acquire(HttpServletRequest request) {
		List<String> forwardedFor = Collections.list(request.getHeaders(ClientAddresses.FORWARDED_FOR));
		String client = addresses.resolve(request.getRemoteAddr(), forwardedFor);
		return buckets.acquire(client, isRead(request.getMethod()) ? Kind.READ : Kind.WRITE);
	}

	/** Replaces the limits and forgets every client; for tests that need a limit they can reach. */
	public void limits(RateLimit reads, RateLimit writes) {
		buckets = new TokenBuckets(reads, writes, properties.publicLimits().maxClients(), clock);
	}

	/** Back to the configured limits, with every client forgotten. */
	public void reset() {
		limits(properties.publicLimits().reads(), properties.publicLimits().writes());
	}

	public RateLimit reads() {
		return buckets.reads();
	}

	public RateLimit writes() {
		return buckets.writes();
	}

	static boolean isRead(String method) {
		return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
	}
}
