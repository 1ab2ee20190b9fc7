package io.gridgov.cases.internal.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.cases.Catalogue;
import io.gridgov.cases.CategoryInfo;
import io.gridgov.cases.DeadlineStage;
import io.gridgov.cases.Deadlines;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/** The working calendar: reading and replacing a year, and the stage deadlines computed on it. */
@Service
class CalendarService implements Deadlines {

	static final String RECORD_TYPE = "case-calendar";

	private final CalendarStore store;
	private final Catalogue catalogue;
	private final AuditTrail audit;
	private final Clock clock;
	private final WorkingHours hours;
	private final ZoneId zone;

	CalendarService(CalendarStore store, Catalogue catalogue, AuditTrail audit, Clock clock,
			@Value("${gridgov.cases.working-hours:08:30-12:00,14:00-17:30}") String hours,
			@Value("${gridgov.cases.time-zone:Asia/Shanghai}") String zone) {
		this.store = store;
		this.catalogue = catalogue;
		this.audit = audit;
		this.clock = clock;
		this.hours = WorkingHours.parse(hours);
		this.zone = ZoneId.of(zone);
	}

	WorkingHours hours() {
		return hours;
	}

	ZoneId zone() {
		return zone;
	}

	List<Integer> years() {
		return store.years();
	}

	/** The stored calendar of a year, or an empty one without a version when none is stored. */
	YearCalendar year(int year) {
		return store.find(year).orElseGet(() -> YearCalendar.of(year, List.of(), List.of(), null));
	}

	@Transactional
	YearCalendar replace(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, Long version) {
		YearCalendar replacement = YearCalendar.of(year, holidays, makeUpWorkdays, version);
		YearCalendar stored = year(year);
		if (stored.version() != null && version == null) {
			throw new DomainException(ErrorKind.INVALID, "cases.version-required");
		}
		stored.requireVersion(version);
		store.replace(replacement, clock.instant());
		audit.record(AuditRecord.success("CASE_CALENDAR_REPLACE", RECORD_TYPE, year)
			.withDetail(replacement.holidays().size() + " holidays, " + replacement.makeUpWorkdays().size()
					+ " make-up working days"));
		return year(year);
	}

	WorkingTimeCalculator calculator() {
		List<List<LocalDate>> days = store.allDays();
		return new WorkingTimeCalculator(hours, zone, Set.copyOf(days.get(0)), Set.copyOf(days.get(1)));
	}

	@Override
	public Instant deadline(String categoryCode, DeadlineStage stage, Instant start) {
		CategoryInfo category = leaf(categoryCode);
		Duration duration = category.deadline(stage);
		return calculator().deadline(start, duration, category.emergency());
	}

	@Override
	public Duration elapsed(String categoryCode, Instant from, Instant to) {
		CategoryInfo category = leaf(categoryCode);
		return calculator().elapsed(from, to, category.emergency());
	}

	@Override
	public Deadlines frozen() {
		WorkingTimeCalculator calculator = calculator();
		java.util.Map<String, CategoryInfo> leaves = new java.util.concurrent.ConcurrentHashMap<>();
		java.util.function.Function<String, CategoryInfo> leaf = code -> leaves.computeIfAbsent(code, this::leaf);
		return new Deadlines() {

			@Override
			public Instant deadline(String categoryCode, DeadlineStage stage, Instant start) {
				CategoryInfo category = leaf.apply(categoryCode);
				return calculator.deadline(start, category.deadline(stage), category.emergency());
			}

			@Override
			public Duration elapsed(String categoryCode, Instant from, Instant to) {
				return calculator.elapsed(from, to, leaf.apply(categoryCode).emergency());
			}
		};
	}

	CategoryInfo leaf(String categoryCode) {
		return catalogue.findLeaf(categoryCode)
			.orElseThrow(() -> new DomainException(ErrorKind.INVALID, "cases.category-unknown", String.valueOf(categoryCode)));
	}
}
