package io.gridgov.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.gridgov.platform.problem.DomainException;

class ScheduleTest {

	static final LocalDate MON = LocalDate.of(2026, 11, 30);

	@Test
	void onceIsDueOnItsDayOnly() {
		Schedule once = Schedule.once(MON);
		assertThat(once.dueDays(MON.minusDays(5), MON.plusDays(5))).containsExactly(MON);
		assertThat(once.endDate()).isEqualTo(MON);
		assertThat(once.isOverAfter(MON)).isTrue();
	}

	@Test
	void dailyIsDueEveryDayFromStartThroughEndInclusive() {
		Schedule daily = Schedule.daily(MON, MON.plusDays(2));
		assertThat(daily.dueDays(MON.minusDays(3), MON.plusDays(10))).containsExactly(MON, MON.plusDays(1),
				MON.plusDays(2));
		assertThat(daily.isDue(MON.plusDays(3))).isFalse();
		assertThat(daily.isDue(MON.minusDays(1))).isFalse();
	}

	@Test
	void dailyWithoutEndRunsUntilFinished() {
		Schedule daily = Schedule.daily(MON, null);
		assertThat(daily.dueDays(MON, MON.plusDays(99))).hasSize(100);
		assertThat(daily.isOverAfter(MON.plusDays(1000))).isFalse();
	}

	@Test
	void weeklyIsDueOnTheChosenWeekdaysUntilTheEndDate() {
		Schedule weekly = Schedule.weekly(MON, MON.plusDays(13), EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY));
		assertThat(weekly.dueDays(MON, MON.plusDays(30))).containsExactly(MON, MON.plusDays(3), MON.plusDays(7),
				MON.plusDays(10));
		assertThat(weekly.weekdaysColumn()).isEqualTo("1,4");
		assertThat(Schedule.parseWeekdays("1,4")).isEqualTo(weekly.weekdays());
	}

	@Test
	void weeklyStartingMidWeekSkipsEarlierWeekdays() {
		Schedule weekly = Schedule.weekly(MON.plusDays(2), null, Set.of(DayOfWeek.MONDAY));
		assertThat(weekly.dueDays(MON, MON.plusDays(8))).containsExactly(MON.plusDays(7));
	}

	@Test
	void weeklyNeedsWeekdays() {
		assertThatThrownBy(() -> Schedule.weekly(MON, null, Set.of())).isInstanceOf(DomainException.class)
			.hasMessage("campaigns.weekdays-required");
	}

	@Test
	void endBeforeStartIsRefused() {
		assertThatThrownBy(() -> Schedule.daily(MON, MON.minusDays(1))).hasMessage("campaigns.end-before-start");
	}

	@Test
	void scheduleLongerThanAYearIsRefused() {
		assertThatThrownBy(() -> Schedule.daily(MON, MON.plusDays(400))).hasMessage("campaigns.schedule-too-long");
	}

	@Test
	void scheduleNeedsKindAndStart() {
		assertThatThrownBy(() -> new Schedule(null, MON, null, null)).hasMessage("campaigns.schedule-required");
		assertThatThrownBy(() -> new Schedule(ScheduleKind.DAILY, null, null, null))
			.hasMessage("campaigns.schedule-required");
	}
}
