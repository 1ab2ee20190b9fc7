package io.gridgov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The inbox drain's pace (ADR 0034): a fold starts at least the minimum interval after the start of
 * the one before, at once after a quiet spell, and at once after a full batch (a backlog).
 */
class InboxDrainPacingTest {

	private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(500);
	private static final long T0 = 1_000_000_000L;

	@Test
	void aFoldWithinTheIntervalWaitsForWhatIsLeftOfIt() {
		assertThat(InboxDrain.pause(T0 + TimeUnit.MILLISECONDS.toNanos(200), T0, INTERVAL, false))
			.isEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
	}

	@Test
	void aLoneEventAfterAQuietSpellIsFoldedAtOnce() {
		assertThat(InboxDrain.pause(T0 + INTERVAL, T0, INTERVAL, false)).isZero();
		assertThat(InboxDrain.pause(T0 + 60 * INTERVAL, T0, INTERVAL, false)).isZero();
	}

	@Test
	void aBacklogIsWorkedOffWithoutWaiting() {
		assertThat(InboxDrain.pause(T0 + 1, T0, INTERVAL, true)).isZero();
	}

	@Test
	void noIntervalMeansNoWait() {
		assertThat(InboxDrain.pause(T0 + 1, T0, 0, false)).isZero();
	}
}
