package io.gridgov.platform.ratelimit;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code perMinute} requests a minute.
 */
public record RateLimit(int perMinute, int burst) {

	public RateLimit {
		if (perMinute < 1 || burst < 1) {
			throw new IllegalArgumentException("A rate limit allows at least one request a minute and a burst of one");
		}
	}

	/** How long an unused bucket takes to fill up from empty. */
	java.time.Duration timeToFill() {
		long nanos = (burst * 60_000_000_000L + perMinute - 1) / perMinute;
		return java.time.Duration.ofNanos(nanos);
	}
}
