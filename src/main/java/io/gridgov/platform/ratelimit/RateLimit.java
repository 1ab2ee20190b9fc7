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

	double tokensPerSecond() {
		return perMinute / 60.0;
	}

	/** How long an unused bucket takes to fill up from empty. */
	double secondsToFill() {
		return burst / tokensPerSecond();
	}
}
