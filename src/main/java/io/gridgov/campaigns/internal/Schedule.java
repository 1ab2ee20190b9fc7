package io.gridgov.campaigns.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * When a campaign's subjects are due: once on the start date, daily, or weekly on chosen weekdays,
 * from the start date until the end date (inclusive; none means until the campaign is finished).
 */
record Schedule(ScheduleKind kind, LocalDate startDate, LocalDate endDate, Set<DayOfWeek> weekdays) {

	/** The longest campaign: a year and a day keeps one from generating lists forever by mistake. */
	static final int MAX_DAYS = 366;

	Schedule {
		if (kind == null || startDate == null) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.schedule-required");
		}
		if (kind == ScheduleKind.ONCE) {
			endDate = startDate;
			weekdays = Set.of();
		}
		else {
			weekdays = weekdays == null || weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
			if (kind == ScheduleKind.WEEKLY && weekdays.isEmpty()) {
				throw new DomainException(ErrorKind.INVALID, "campaigns.weekdays-required");
			}
			if (kind == ScheduleKind.DAILY) {
				weekdays = Set.of();
			}
		}
		if (endDate != null && endDate.isBefore(startDate)) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.end-before-start", endDate, startDate);
		}
		if (endDate != null && startDate.plusDays(MAX_DAYS).isBefore(endDate)) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.schedule-too-long", MAX_DAYS);
		}
	}

	static Schedule once(LocalDate day) {
		return new Schedule(ScheduleKind.ONCE, day, day, Set.of());
	}

	static Schedule daily(LocalDate start, LocalDate end) {
		return new Schedule(ScheduleKind.DAILY, start, end, Set.of());
	}

	static Schedule weekly(LocalDate start, LocalDate end, Set<DayOfWeek> weekdays) {
		return new Schedule(ScheduleKind.WEEKLY, start, end, weekdays);
	}

	boolean isDue(LocalDate day) {
		if (day.isBefore(startDate) || (endDate != null && day.isAfter(endDate))) {
			return false;
		}
		return switch (kind) {
			case ONCE -> day.equals(startDate);
			case DAILY -> true;
			case WEEKLY -> weekdays.contains(day.getDayOfWeek());
		};
	}

	/** The due days from {@code from} to {@code to}, both inclusive, in order. */
	List<LocalDate> dueDays(LocalDate from, LocalDate to) {
		List<LocalDate> days = new ArrayList<>();
		LocalDate first = from.isBefore(startDate) ? startDate : from;
		LocalDate last = endDate != null && endDate.isBefore(to) ? endDate : to;
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			if (isDue(day)) {
				days.add(day);
			}
		}
		return days;
	}

	/** True when no day after {@code day} is due any more. */
	boolean isOverAfter(LocalDate day) {
		return endDate != null && !day.isBefore(endDate);
	}

	/** The weekdays as stored: ISO numbers (1 = Monday) separated by commas. */
	String weekdaysColumn() {
		return weekdays.isEmpty() ? null
				: weekdays.stream().sorted().map(d -> String.valueOf(d.getValue())).collect(Collectors.joining(","));
	}

	static Set<DayOfWeek> parseWeekdays(String column) {
		if (column == null || column.isBlank()) {
			return Set.of();
		}
		EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String part : column.split(",")) {
			days.add(DayOfWeek.of(Integer.parseInt(part.strip())));
		}
		return days;
	}
}
