package io.gridgov.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.gridgov.platform.ratelimit.TokenBuckets.Decision;
import io.gridgov.platform.ratelimit.TokenBuckets.Kind;

class TokenBucketsTest {

	/** A clock that stands still until the test moves it. */
	static final class StepClock extends Clock {

		private Instant now = Instant.parse("2026-11-30T08:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}

	private final StepClock clock = new StepClock();

	private static final RateLimit READS = new RateLimit(120, 60);
	private static final RateLimit WRITES = new RateLimit(10, 5);

	private int allowedInARow(TokenBuckets buckets, String client, Kind kind) {
		int allowed = 0;
		while (buckets.acquire(client, kind).allowed()) {
			allowed++;
		}
		return allowed;
	}

	@Test
	void aNewClientMayUseTheWholeBurstAtOnceAndNoMore() {
		TokenBuckets buckets = new TokenBuckets(READS, WRITES, 100, clock);
		assertThat(allowedInARow(buckets, "10.0.0.1", Kind.READ)).isEqualTo(60);
		assertThat(allowedInARow(buckets, "10.0.0.1", Kind.WRITE)).isEqualTo(5);
	}

	@Test
	void aRefusalSaysWhenTheNextTokenIsThere() {
		TokenBuckets buckets = new TokenBuckets(READS, WRITES, 100, clock);
		allowedInARow(buckets, "10.0.0.1", Kind.WRITE);
		Decision refused = buckets.acquire("10.0.0.1", Kind.WRITE);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isEqualTo(6);

		clock.advance(Duration.ofSeconds(4));
		assertThat(buckets.acquire("10.0.0.1", Kind.WRITE).retryAfterSeconds()).isEqualTo(2);
	}

	@Test
	void tokensComeBackAtTheConfiguredRateAndNeverAboveTheBurst() {
		TokenBuckets buckets = new TokenBuckets(READS, WRITES, 100, clock);
		allowedInARow(buckets, "10.0.0.1", Kind.WRITE);

		clock.advance(Duration.ofSeconds(5));
		assertThat(buckets.acquire("10.0.0.1", Kind.WRITE).allowed()).isFalse();
		clock.advance(Duration.ofSeconds(1));
		assertThat(buckets.acquire("10.0.0.1", Kind.WRITE).allowed()).isTrue();
		assertThat(buckets.acquire("10.0.0.1", Kind.WRITE).allowed()).isFalse();

		clock.advance(Duration.ofHours(1));
		assertThat(allowedInARow(buckets, "10.0.0.1", Kind.WRITE)).isEqualTo(5);
	}

	@Test
	void readsAndWritesHaveSeparateBuckets() {
		TokenBuckets buckets = new TokenBuckets(READS, WRITES, 100, clock);
		allowedInARow(buckets, "10.0.0.1", Kind.WRITE);
		assertThat(buckets.acquire("10.0.0.1", Kind.READ).allowed()).isTrue();
		allowedInARow(buckets, "10.0.0.1", Kind.READ);
		clock.advance(Duration.ofSeconds(6));
		assertThat(buckets.acquire("10.0.0.1", Kind.WRITE).allowed()).isTrue();
	}

	@Test
	void eachClientHasItsOwnBuckets() {
		TokenBuckets buckets = new TokenBuckets(READS, WRITES, 100, clock);
		allowedInARow(buckets, "10.0.0.1", Kind.WRITE);
		assertThat(allowedInARow(buckets, "10.0.0.2", Kind.WRITE)).isEqualTo(5);
	}

	@Test
	void onlyTheFirstRefusalOfARunIsWorthLogging() {
		TokenBuckets buckets = new TokenBuckets(READS, WRITES, 100, clock);
		allowedInARow(buckets, "10.0.0.1", Kind.WRITE);
		assertThat(buckets.acquire("10.0.0.1", Kind.WRITE).firstRefusal()).isFalse();
		clock.advance(Duration.ofSeconds(6));
		assertThat(buckets.acquire("10.0.0.1", Kind.WRITE).allowed()).isTrue();
		assertThat(buckets.acquire("10.0.0.1", Kind.WRITE).firstRefusal()).isTrue();
	}

	@Test
	void aClientIdleLongEnoughToRefillIsForgotten() {
		TokenBuckets buckets = new TokenBuckets(READS, WRITES, 100, clock);
		buckets.acquire("10.0.0.1", Kind.READ);
		buckets.acquire("10.0.0.2", Kind.READ);
		assertThat(buckets.trackedClients()).isEqualTo(2);

		clock.advance(Duration.ofSeconds(29));
		buckets.acquire("10.0.0.2", Kind.READ);
		assertThat(buckets.trackedClients()).isEqualTo(2);

		// 30 s refill 5 writes at 10 a minute and 60 reads at 120 a minute: 10.0.0.1 would start afresh anyway
		clock.advance(Duration.ofSeconds(2));
		buckets.acquire("10.0.0.3", Kind.READ);
		assertThat(buckets.trackedClients()).isEqualTo(2);
	}

	@Test
	void noMoreThanMaxClientsAreTrackedTheLeastRecentlySeenGoesFirst() {
		TokenBuckets buckets = new TokenBuckets(READS, WRITES, 3, clock);
		allowedInARow(buckets, "10.0.0.1", Kind.WRITE);
		buckets.acquire("10.0.0.2", Kind.READ);
		buckets.acquire("10.0.0.3", Kind.READ);
		buckets.acquire("10.0.0.1", Kind.READ);
		buckets.acquire("10.0.0.4", Kind.READ);
		assertThat(buckets.trackedClients()).isEqualTo(3);

		// 10.0.0.1 was seen recently, so 10.0.0.2 was forgotten and 10.0.0.1 is still out of writes
		assertThat(buckets.acquire("10.0.0.1", Kind.WRITE).allowed()).isFalse();
		for (int i = 5; i < 1000; i++) {
			buckets.acquire("10.0.1." + (i % 250) + "." + i, Kind.READ);
		}
		assertThat(buckets.trackedClients()).isEqualTo(3);
	}
}
