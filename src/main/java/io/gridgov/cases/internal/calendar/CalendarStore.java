package io.gridgov.cases.internal.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.gridgov.cases.internal.cache.ShortLivedCache;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * Working calendars in the database, one row per year and one per holiday or make-up working day.
 * Every deadline needs all of them: they are kept for a few seconds
 * ({@code gridgov.cases.calendar-cache-ttl}, 5 s), and a calendar replaced here clears that at once.
 */
@Component
class CalendarStore {

	private static final String HOLIDAY = "HOLIDAY";
	private static final String WORKDAY = "WORKDAY";

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final ShortLivedCache<Boolean, List<List<LocalDate>>> days;

	CalendarStore(JdbcClient jdbc, JdbcTemplate batch,
			@Value("${gridgov.cases.calendar-cache-ttl:5s}") Duration ttl) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.days = new ShortLivedCache<>(ttl, 1);
	}

	record Day(LocalDate onDate, int calendarYear, String kind) {
	}

	List<Integer> years() {
		return jdbc.sql("SELECT calendar_year FROM cases_calendar_year ORDER BY calendar_year").query(Integer.class).list();
	}

	Optional<YearCalendar> find(int year) {
		Optional<Long> version = jdbc.sql("SELECT version FROM cases_calendar_year WHERE calendar_year = ?")
			.param(year)
			.query(Long.class)
			.optional();
		if (version.isEmpty()) {
			return Optional.empty();
		}
		List<Day> days = jdbc.sql("SELECT on_date, calendar_year, kind FROM cases_calendar_day WHERE calendar_year = ?")
			.param(year)
			.query(Day.class)
			.list();
		return Optional.of(YearCalendar.of(year, dates(days, HOLIDAY), dates(days, WORKDAY), version.get()));
	}

	/** Every holiday and every make-up working day on record: [holidays, make-up working days]. */
	List<List<LocalDate>> allDays() {
		return days.get(Boolean.TRUE, all -> {
			List<Day> rows = jdbc.sql("SELECT on_date, calendar_year, kind FROM cases_calendar_day").query(Day.class).list();
			return List.of(dates(rows, HOLIDAY), dates(rows, WORKDAY));
		});
	}

	/** Stores a year's calendar in place of the stored one; refuses when the stored version moved on meanwhile. */
	void replace(YearCalendar calendar, Instant now) {
		days.invalidate();
		int year = calendar.year();
		if (calendar.version() == null) {
			jdbc.sql("INSERT INTO cases_calendar_year (calendar_year, updated_at, version) VALUES (?, ?, 0)")
				.params(year, Timestamp.from(now))
				.update();
		}
		else {
			int updated = jdbc.sql("UPDATE cases_calendar_year SET updated_at = ?, version = version + 1"
					+ " WHERE calendar_year = ? AND version = ?")
				.params(Timestamp.from(now), year, calendar.version())
				.update();
			if (updated != 1) {
				throw new DomainException(ErrorKind.CONFLICT, "conflict.stale-version");
			}
			jdbc.sql("DELETE FROM cases_calendar_day WHERE calendar_year = ?").param(year).update();
		}
		List<Object[]> rows = new ArrayList<>();
		calendar.sortedHolidays().forEach(date -> rows.add(new Object[] { Date.valueOf(date), year, HOLIDAY }));
		calendar.sortedMakeUpWorkdays().forEach(date -> rows.add(new Object[] { Date.valueOf(date), year, WORKDAY }));
		batch.batchUpdate("INSERT INTO cases_calendar_day (on_date, calendar_year, kind) VALUES (?, ?, ?)", rows);
	}

	boolean isEmpty() {
		return jdbc.sql("SELECT COUNT(*) FROM cases_calendar_year").query(Long.class).single() == 0;
	}

	private static List<LocalDate> dates(List<Day> days, String kind) {
		return days.stream().filter(day -> day.kind().equals(kind)).map(Day::onDate).sorted().toList();
	}
}
