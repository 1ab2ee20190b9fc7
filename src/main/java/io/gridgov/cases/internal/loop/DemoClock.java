package io.gridgov.cases.internal.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The clock the demo loaders move forward step by step while they make cases through the aggregate. */
final class DemoClock extends Clock {

	private Instant now;

	DemoClock(Instant start) {
		this.now = start;
	}

	void advance(Duration by) {
		now = now.plus(by);
	}

	void set(Instant at) {
		if (at.isAfter(now)) {
			now = at;
		}
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}
}
