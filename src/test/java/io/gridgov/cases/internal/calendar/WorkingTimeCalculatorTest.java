package io.gridgov.cases.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingTimeCalculatorTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final WorkingTimeCalculator CALCULATOR = calculator();

	static WorkingTimeCalculator calculator() {
		Set<LocalDate> holidays = new HashSet<>();
		Set<LocalDate> makeUp = new HashSet<>();
		for (YearCalendar year : StateCouncilHolidays.all()) {
			holidays.addAll(year.holidays());
			makeUp.addAll(year.makeUpWorkdays());
		}
		return new WorkingTimeCalculator(WorkingHours.STANDARD, SHANGHAI, holidays, makeUp);
	}

	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
	}

	static Instant due(String start, double hours) {
		return CALCULATOR.deadline(at(start), Duration.ofMinutes(Math.round(hours * 60)));
	}

	@Test
	void timeWithinAMorningCountsOneToOne() {
		assertThat(due("2026-03-02T09:00", 2)).isEqualTo(at("2026-03-02T11:00"));
	}

	@Test
	void lunchBreakDoesNotCount() {
		assertThat(due("2026-03-02T11:00", 2)).isEqualTo(at("2026-03-02T15:00"));
	}

	@Test
	void startDuringLunchCountsFromTheAfternoon() {
		assertThat(due("2026-03-02T12:30", 1)).isEqualTo(at("2026-03-02T15:00"));
	}

	@Test
	void startAtNightCountsFromTheNextMorning() {
		assertThat(due("2026-03-02T20:00", 1)).isEqualTo(at("2026-03-03T09:30"));
		assertThat(due("2026-03-03T06:00", 0.5)).isEqualTo(at("2026-03-03T09:00"));
	}

	@Test
	void weekendDoesNotCount() {
		assertThat(due("2026-03-06T16:30", 2)).isEqualTo(at("2026-03-09T09:30"));
	}

	@Test
	void durationUsingUpTheDayIsDueAtTheEndOfTheDayNotNextMorning() {
		assertThat(due("2026-03-02T16:30", 1)).isEqualTo(at("2026-03-02T17:30"));
		assertThat(due("2026-03-02T08:30", 7)).isEqualTo(at("2026-03-02T17:30"));
	}

	@Test
	void startExactlyAtTheEndOfTheDayCountsFromTheNextWorkingMorning() {
		assertThat(due("2026-03-02T17:30", 0.5)).isEqualTo(at("2026-03-03T09:00"));
		assertThat(due("2026-03-06T17:30", 0.5)).isEqualTo(at("2026-03-09T09:00"));
	}

	@Test
	void zeroDurationIsDueAtTheStartEvenOutsideWorkingHours() {
		assertThat(due("2026-03-07T23:00", 0)).isEqualTo(at("2026-03-07T23:00"));
	}

	@Test
	void nationalDay2026HolidaysDoNotCount() {
		assertThat(due("2026-09-30T16:00", 8)).isEqualTo(at("2026-10-08T17:00"));
	}

	@Test
	void makeUpSaturdayAfterNationalDay2026IsAWorkingDay() {
		assertThat(due("2026-10-09T16:00", 4)).isEqualTo(at("2026-10-10T11:00"));
	}

	@Test
	void makeUpSundayBeforeNationalDay2026IsAWorkingDay() {
		assertThat(due("2026-09-18T17:00", 1)).isEqualTo(at("2026-09-20T09:00"));
	}

	@Test
	void nationalDay2025WithMidAutumnIsEightDaysOff() {
		assertThat(due("2025-09-30T17:00", 1)).isEqualTo(at("2025-10-09T09:00"));
		assertThat(due("2025-09-26T17:00", 1)).as("make-up Sunday 28 Sep 2025").isEqualTo(at("2025-09-28T09:00"));
		assertThat(due("2025-10-10T17:00", 1)).as("make-up Saturday 11 Oct 2025").isEqualTo(at("2025-10-11T09:00"));
	}

	@Test
	void startOnAHolidayCountsFromTheNextWorkingDay() {
		assertThat(due("2026-10-03T10:00", 1)).isEqualTo(at("2026-10-08T09:30"));
	}

	@Test
	void springFestival2026MakeUpSaturdayBeforeTheBreakIsAWorkingDay() {
		assertThat(due("2026-02-13T17:00", 1)).isEqualTo(at("2026-02-14T09:00"));
		assertThat(due("2026-02-14T17:00", 1)).as("15 to 23 Feb off").isEqualTo(at("2026-02-24T09:00"));
	}

	@Test
	void longDurationsSpanWeeks() {
		assertThat(due("2026-03-02T08:30", 70)).as("ten working days").isEqualTo(at("2026-03-13T17:30"));
		assertThat(due("2025-12-29T08:30", 35)).as("over New Year with the make-up Sunday 4 Jan 2026")
			.isEqualTo(at("2026-01-05T17:30"));
	}

	@Test
	void emergenciesCountCalendarHoursThroughNightsAndHolidays() {
		assertThat(CALCULATOR.deadline(at("2026-10-01T23:00"), Duration.ofHours(2), true))
			.isEqualTo(at("2026-10-02T01:00"));
		assertThat(CALCULATOR.elapsed(at("2026-10-01T23:00"), at("2026-10-02T01:15"), true))
			.isEqualTo(Duration.ofMinutes(135));
	}

	@Test
	void elapsedWorkingTimeSkipsNightsLunchAndHolidays() {
		assertThat(CALCULATOR.elapsedWorkingTime(at("2026-03-02T11:00"), at("2026-03-02T15:00")))
			.isEqualTo(Duration.ofHours(2));
		assertThat(CALCULATOR.elapsedWorkingTime(at("2026-09-30T16:00"), at("2026-10-08T17:00")))
			.isEqualTo(Duration.ofHours(8));
		assertThat(CALCULATOR.elapsedWorkingTime(at("2026-10-02T09:00"), at("2026-10-05T17:00"))).isZero();
	}

	@Test
	void elapsedWorkingTimeIsZeroWhenTheEndIsNotAfterTheStart() {
		assertThat(CALCULATOR.elapsedWorkingTime(at("2026-03-02T10:00"), at("2026-03-02T10:00"))).isZero();
		assertThat(CALCULATOR.elapsedWorkingTime(at("2026-03-02T10:00"), at("2026-03-02T09:00"))).isZero();
	}

	@Test
	void elapsedWorkingTimeUpToTheDeadlineIsTheDuration() {
		for (String start : new String[] { "2026-09-30T16:00", "2026-02-13T12:10", "2025-12-31T07:00",
				"2026-05-08T17:29" }) {
			for (int minutes : new int[] { 1, 29, 210, 420, 1000, 5000 }) {
				Instant deadline = CALCULATOR.deadline(at(start), Duration.ofMinutes(minutes));
				assertThat(CALCULATOR.elapsedWorkingTime(at(start), deadline)).as(start + " + " + minutes + " min")
					.isEqualTo(Duration.ofMinutes(minutes));
			}
		}
	}

	@Test
	void negativeDurationIsRefused() {
		assertThatThrownBy(() -> CALCULATOR.deadline(at("2026-03-02T10:00"), Duration.ofMinutes(-1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void makeUpWorkdaysAndHolidaysDecideTheWorkingDay() {
		assertThat(CALCULATOR.isWorkingDay(LocalDate.of(2026, 10, 10))).as("make-up Saturday").isTrue();
		assertThat(CALCULATOR.isWorkingDay(LocalDate.of(2026, 10, 17))).as("ordinary Saturday").isFalse();
		assertThat(CALCULATOR.isWorkingDay(LocalDate.of(2026, 10, 5))).as("Monday in the National Day break").isFalse();
		assertThat(CALCULATOR.isWorkingDay(LocalDate.of(2027, 3, 1))).as("a year with no calendar: weekdays").isTrue();
	}

	@Test
	void workingHoursAreConfigurable() {
		WorkingTimeCalculator longDay = new WorkingTimeCalculator(WorkingHours.parse("09:00-18:00"), SHANGHAI, Set.of(),
				Set.of());
		assertThat(longDay.deadline(at("2026-03-02T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-03T10:00"));
		assertThatThrownBy(() -> WorkingHours.parse("14:00-12:00")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> WorkingHours.parse("08:00-12:00,11:00-13:00")).isInstanceOf(IllegalArgumentException.class);
	}
}
