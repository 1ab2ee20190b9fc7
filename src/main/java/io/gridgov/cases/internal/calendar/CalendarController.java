package io.gridgov.cases.internal.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.cases.CategoryInfo;
import io.gridgov.cases.DeadlineStage;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/** The working calendar per year, and the deadline of a stage computed on it. */
@RestController
@RequestMapping("/api/cases/catalogue")
class CalendarController {

	private final CalendarService service;

	CalendarController(CalendarService service) {
		this.service = service;
	}

	record PeriodView(String start, String end) {
	}

	record CalendarView(String timeZone, List<PeriodView> workingHours, List<Integer> years) {
	}

	record YearView(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, Long version) {

		static YearView of(YearCalendar calendar) {
			return new YearView(calendar.year(), calendar.sortedHolidays(), calendar.sortedMakeUpWorkdays(),
					calendar.version());
		}
	}

	record YearBody(List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, Long version) {
	}

	record DeadlineView(String category, DeadlineStage stage, boolean emergency, double hours, Instant start,
			Instant deadline) {
	}

	@GetMapping("/calendar")
	CalendarView calendar() {
		return new CalendarView(service.zone().getId(), service.hours()
			.periods()
			.stream()
			.map(period -> new PeriodView(period.start().toString(), period.end().toString()))
			.toList(), service.years());
	}

	@GetMapping("/calendar/{year}")
	YearView year(@PathVariable int year) {
		return YearView.of(service.year(year));
	}

	@PutMapping("/calendar/{year}")
	@PreAuthorize("hasAuthority('cases.configure')")
	YearView replace(@PathVariable int year, @RequestBody YearBody body) {
		return YearView.of(service.replace(year, body.holidays(), body.makeUpWorkdays(), body.version()));
	}

	@GetMapping("/deadline")
	DeadlineView deadline(@RequestParam(required = false) String category, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String start) {
		CategoryInfo leaf = service.leaf(category);
		DeadlineStage which = stage(stage);
		Instant from = instant(start);
		Duration duration = leaf.deadline(which);
		return new DeadlineView(leaf.code(), which, leaf.emergency(), duration.toMinutes() / 60.0, from,
				service.deadline(leaf.code(), which, from));
	}

	private static DeadlineStage stage(String stage) {
		try {
			return DeadlineStage.valueOf(String.valueOf(stage).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new DomainException(ErrorKind.INVALID, "cases.stage-invalid", String.valueOf(stage));
		}
	}

	private static Instant instant(String text) {
		try {
			return OffsetDateTime.parse(String.valueOf(text)).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new DomainException(ErrorKind.INVALID, "cases.instant-invalid", String.valueOf(text));
		}
	}
}
