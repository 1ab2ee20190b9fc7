package io.gridgov.identity.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * After {@code max-attempts} failed logins in a row (default 5) an account is locked for
 * {@code duration} (default 15 minutes); the count starts again after the lock.
 */
@Component
class LockoutPolicy {

	private final int maxAttempts;
	private final Duration duration;

	LockoutPolicy(@Value("${gridgov.security.lockout.max-attempts:5}") int maxAttempts,
			@Value("${gridgov.security.lockout.duration:15m}") Duration duration) {
		this.maxAttempts = maxAttempts;
		this.duration = duration;
	}

	/** The state after one more failure. */
	Attempts afterFailure(int failedBefore, Instant now) {
		int failed = failedBefore + 1;
		if (failed >= maxAttempts) {
			return new Attempts(0, now.plus(duration));
		}
		return new Attempts(failed, null);
	}

	boolean isLocked(Instant lockedUntil, Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}

	int maxAttempts() {
		return maxAttempts;
	}

	record Attempts(int failed, Instant lockedUntil) {
	}
}
