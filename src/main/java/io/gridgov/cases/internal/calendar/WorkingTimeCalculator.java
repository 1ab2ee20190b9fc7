package io.gridgov.cases.internal.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Counts working time: only the working periods of working days count. A working day is a
 * Monday to Friday that is not a public holiday, or a make-up working day (调休上班日) whatever
 * its weekday. Pure: the calendar is handed in, nothing is read.
 */
public final class WorkingTimeCalculator {

	private static final int MAX_DAYS = 366 * 20;

	private final WorkingHours hours;
	private final ZoneId zone;
	private final Set<LocalDate> holidays;
	private final Set<LocalDate> makeUpWorkdays;

	public WorkingTimeCalculator(WorkingHours hours, ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
		this.hours = hours;
		this.zone = zone;
		this.holidays = Set.copyOf(holidays);
		this.makeUpWorkdays = Set.copyOf(makeUpWorkdays);
	}

	public boolean isWorkingDay(LocalDate date) {
		if (makeUpWorkdays.contains(date)) {
			return true;
		}
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
	}

	/**
	 * The instant at which {@code workingTime} of working time has passed since {@code start}. A
	 * zero duration is due at {@code start}; a duration that uses up a period exactly is due at the
	 * end of that period, not at the start of the next one.
	 */
	public Instant deadline(Instant start, Duration workingTime) {
		if (workingTime.isNegative()) {
			throw new IllegalArgumentException("Working time must not be negative: " + workingTime);
		}
		if (workingTime.isZero()) {
			return start;
		}
		Duration remaining = workingTime;
		LocalDate date = start.atZone(zone).toLocalDate();
		for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
			if (!isWorkingDay(date)) {
				continue;
			}
			for (WorkingHours.Period period : hours.periods()) {
				Instant from = max(at(date, period.start()), start);
				Instant to = at(date, period.end());
				if (!from.isBefore(to)) {
					continue;
				}
				Duration available = Duration.between(from, to);
				if (remaining.compareTo(available) <= 0) {
					return from.plus(remaining);
				}
				remaining = remaining.minus(available);
			}
		}
		throw new IllegalArgumentException("Working time too long to place on the calendar: " + workingTime);
	}

	/** The deadline in calendar time when {@code calendarTime} (emergencies), else in working time. */
	public Instant deadline(Instant start, Duration duration, boolean calendarTime) {
		return calendarTime ? start.plus(duration) : deadline(start, duration);
	}

	/** The calendar time between two instants when {@code calendarTime}, else the working time; never negative. */
	public Duration elapsed(Instant from, Instant to, boolean calendarTime) {
		if (!calendarTime) {
			return elapsedWorkingTime(from, to);
		}
		return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
	}

	/** The working time between two instants; zero when {@code to} is not after {@code from}. */
	public Duration elapsedWorkingTime(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		LocalDate last = to.atZone(zone).toLocalDate();
		for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
			if (!isWorkingDay(date)) {
				continue;
			}
			for (WorkingHours.Period period : hours.periods()) {
				Instant start = max(at(date, period.start()), from);
				Instant end = min(at(date, period.end()), to);
				if (start.isBefore(end)) {
					total = total.plus(Duration.between(start, end));
				}
			}
		}
		return total;
	}

	private Instant at(LocalDate date, LocalTime time) {
		return ZonedDateTime.of(date, time, zone).toInstant();
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}
}
