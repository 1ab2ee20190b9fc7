package io.gridgov.cases.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.gridgov.platform.problem.DomainException;

class YearCalendarTest {

	static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

	@Test
	void aDateCannotBeBothAHolidayAndAMakeUpWorkday() {
		assertThatThrownBy(() -> YearCalendar.of(2026, List.of(OCT_1), List.of(OCT_1), null))
			.isInstanceOf(DomainException.class)
			.hasMessage("cases.calendar-date-conflict");
	}

	@Test
	void datesMustLieInTheYear() {
		assertThatThrownBy(() -> YearCalendar.of(2025, List.of(OCT_1), List.of(), null))
			.hasMessage("cases.calendar-date-outside-year");
		assertThatThrownBy(() -> YearCalendar.of(2026, List.of(), List.of(LocalDate.of(2027, 1, 2)), null))
			.hasMessage("cases.calendar-date-outside-year");
	}

	@Test
	void aDateIsListedOnce() {
		assertThatThrownBy(() -> YearCalendar.of(2026, List.of(OCT_1, OCT_1), List.of(), null))
			.hasMessage("cases.calendar-date-duplicate");
	}

	@Test
	void yearMustBePlausible() {
		assertThatThrownBy(() -> YearCalendar.of(1999, List.of(), List.of(), null)).hasMessage("cases.calendar-year-invalid");
	}

	@Test
	void replacingNeedsTheStoredVersion() {
		YearCalendar stored = YearCalendar.of(2026, List.of(OCT_1), List.of(), 3L);
		stored.requireVersion(3L);
		assertThatThrownBy(() -> stored.requireVersion(2L)).hasMessage("conflict.stale-version");
		YearCalendar.of(2027, List.of(), List.of(), null).requireVersion(null);
	}

	@Test
	void stateCouncilCalendarsHaveEveryDayOffAndEveryMakeUpDay() {
		assertThat(StateCouncilHolidays.year2025().holidays()).hasSize(28);
		assertThat(StateCouncilHolidays.year2025().makeUpWorkdays()).containsExactlyInAnyOrder(LocalDate.of(2025, 1, 26),
				LocalDate.of(2025, 2, 8), LocalDate.of(2025, 4, 27), LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));
		assertThat(StateCouncilHolidays.year2026().holidays()).hasSize(33);
		assertThat(StateCouncilHolidays.year2026().makeUpWorkdays()).containsExactlyInAnyOrder(LocalDate.of(2026, 1, 4),
				LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20),
				LocalDate.of(2026, 10, 10));
	}
}
