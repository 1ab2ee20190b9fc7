package io.gridgov.campaigns.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** "Today" for campaigns: the date in the subdistrict's time zone ({@code gridgov.campaigns.time-zone}, Asia/Shanghai). */
@Component
class CampaignClock {

	private final Clock clock;
	private final ZoneId zone;

	CampaignClock(Clock clock, @Value("${gridgov.campaigns.time-zone:Asia/Shanghai}") String zone) {
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

	ZoneId zone() {
		return zone;
	}

	Clock clock() {
		return clock;
	}
}
