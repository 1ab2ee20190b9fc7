package io.gridgov.cases.internal.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * The public holidays (法定节假日, every day off of a break, weekends included) and the make-up
 * working days (调休上班日) of one year. Replaced as a whole, as the State Council publishes them.
 */
public final class YearCalendar {

	static final int FIRST_YEAR = 2000;
	static final int LAST_YEAR = 2100;

	private final int year;
	private final Set<LocalDate> holidays;
	private final Set<LocalDate> makeUpWorkdays;
	private final Long version;

	private YearCalendar(int year, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays, Long version) {
		this.year = year;
		this.holidays = holidays;
		this.makeUpWorkdays = makeUpWorkdays;
		this.version = version;
	}

	/** A checked calendar: every date in the year, no date both a holiday and a make-up working day, no duplicates. */
	public static YearCalendar of(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, Long version) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new DomainException(ErrorKind.INVALID, "cases.calendar-year-invalid", String.valueOf(year),
					String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
		}
		Set<LocalDate> off = checked(year, holidays);
		Set<LocalDate> on = checked(year, makeUpWorkdays);
		for (LocalDate date : on) {
			if (off.contains(date)) {
				throw new DomainException(ErrorKind.INVALID, "cases.calendar-date-conflict", date.toString());
			}
		}
		return new YearCalendar(year, off, on, version);
	}

	private static Set<LocalDate> checked(int year, List<LocalDate> dates) {
		Set<LocalDate> result = new TreeSet<>();
		for (LocalDate date : dates == null ? List.<LocalDate>of() : dates) {
			if (date == null || date.getYear() != year) {
				throw new DomainException(ErrorKind.INVALID, "cases.calendar-date-outside-year", String.valueOf(date),
						String.valueOf(year));
			}
			if (!result.add(date)) {
				throw new DomainException(ErrorKind.INVALID, "cases.calendar-date-duplicate", date.toString());
			}
		}
		return result;
	}

	/** Refuses a replacement based on another version than the stored one (a new year expects none). */
	public void requireVersion(Long expected) {
		if (version == null ? expected != null : !version.equals(expected)) {
			throw new DomainException(ErrorKind.CONFLICT, "conflict.stale-version").with("currentVersion", version);
		}
	}

	public int year() {
		return year;
	}

	public Set<LocalDate> holidays() {
		return Set.copyOf(holidays);
	}

	public Set<LocalDate> makeUpWorkdays() {
		return Set.copyOf(makeUpWorkdays);
	}

	public List<LocalDate> sortedHolidays() {
		return List.copyOf(holidays);
	}

	public List<LocalDate> sortedMakeUpWorkdays() {
		return List.copyOf(makeUpWorkdays);
	}

	public Long version() {
		return version;
	}
}
