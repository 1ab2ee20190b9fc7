package io.gridgov.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

	private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(15));
	private final Instant now = Instant.parse("2026-11-29T08:00:00Z");

	@Test
	void fourFailuresDoNotLock() {
		LockoutPolicy.Attempts attempts = policy.afterFailure(3, now);
		assertThat(attempts.failed()).isEqualTo(4);
		assertThat(attempts.lockedUntil()).isNull();
	}

	@Test
	void fifthFailureLocksForFifteenMinutesAndResetsTheCount() {
		LockoutPolicy.Attempts attempts = policy.afterFailure(4, now);
		assertThat(attempts.lockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(15)));
		assertThat(attempts.failed()).isZero();
	}

	@Test
	void lockEndsAtItsTime() {
		Instant until = now.plus(Duration.ofMinutes(15));
		assertThat(policy.isLocked(until, now)).isTrue();
		assertThat(policy.isLocked(until, until.minusMillis(1))).isTrue();
		assertThat(policy.isLocked(until, until)).isFalse();
		assertThat(policy.isLocked(null, now)).isFalse();
	}

	@Test
	void limitsAreConfigurable() {
		LockoutPolicy strict = new LockoutPolicy(3, Duration.ofHours(1));
		assertThat(strict.afterFailure(2, now).lockedUntil()).isEqualTo(now.plus(Duration.ofHours(1)));
	}
}
