package io.gridgov.insight.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.cases.CaseSource;
import io.gridgov.cases.Catalogue;
import io.gridgov.cases.CategoryInfo;
import io.gridgov.cases.DepartmentInfo;
import io.gridgov.geo.Region;
import io.gridgov.geo.RegionTreeNode;
import io.gridgov.geo.Regions;
import io.gridgov.insight.internal.InsightReads.CountedBy;
import io.gridgov.insight.internal.InsightReads.Dimension;
import io.gridgov.insight.internal.InsightReads.Filter;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;

/**
 * Turns the request parameters into a filter within the actor's scope (refusing bad input with
 * {@code insight.*} problems and a region outside the scope with 404), and the read models' sums
 * into indicators.
 */
@Service
@Transactional(readOnly = true)
class InsightService {

	/** The longest period a query may span. */
	static final int MAX_YEARS = 5;
	/** The most points a trend returns. */
	static final int MAX_POINTS = 400;

	private final InsightReads reads;
	private final Regions regions;
	private final Catalogue catalogue;
	private final Clock clock;

	InsightService(InsightReads reads, Regions regions, Catalogue catalogue, Clock clock) {
		this.reads = reads;
		this.regions = regions;
		this.catalogue = catalogue;
		this.clock = clock;
	}

	/** The raw parameters shared by every endpoint. */
	record Params(String period, String from, String to, String region, String category, String source,
			String department) {
	}

	record Period(LocalDate from, LocalDate to) {
	}

	record Scope(Period period, String region, String regionName, String category, String source,
			String department) {
	}

	record Summary(Scope scope, Indicators indicators) {
	}

	record TrendPoint(LocalDate start, LocalDate end, Indicators indicators) {
	}

	record Trend(Scope scope, String granularity, List<TrendPoint> points) {
	}

	record BreakdownRow(String key, String name, String nameEn, Indicators indicators) {
	}

	record Breakdown(Scope scope, String by, List<BreakdownRow> rows) {
	}

	record CaseItem(String caseId, String status, String gridCode, String communityCode, String categoryCode,
			String departmentCode, String source, java.time.Instant reportedAt, java.time.Instant countedAt) {
	}

	record Cases(Scope scope, String indicator, Page<CaseItem> page) {
	}

	Summary summary(Params params, Actor actor) {
		Resolved r = resolve(params, actor);
		long[] alerts = reads.alerts(null, r.filter).getOrDefault("", new long[2]);
		return new Summary(r.scope, Indicators.of(reads.sum(r.filter), alerts[0], alerts[1]));
	}

	Trend trend(Params params, String granularity, Actor actor) {
		Resolved r = resolve(params, actor);
		String unit = granularity == null ? "day" : granularity.toLowerCase(Locale.ROOT);
		LocalDate from = r.filter.from();
		LocalDate to = r.filter.to();
		List<TrendPoint> points = new ArrayList<>();
		switch (unit) {
			case "day" -> {
				requirePoints(ChronoUnit.DAYS.between(from, to) + 1);
				Map<LocalDate, Counters> days = reads.byDay(r.filter);
				for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
					points.add(new TrendPoint(d, d, indicators(days.get(d))));
				}
			}
			case "week" -> {
				LocalDate first = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				requirePoints(ChronoUnit.WEEKS.between(first, to) + 1);
				Map<LocalDate, Counters> weeks = new LinkedHashMap<>();
				reads.byDay(r.filter)
					.forEach((d, c) -> weeks
						.computeIfAbsent(d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), k -> new Counters())
						.add(c, 1));
				for (LocalDate w = first; !w.isAfter(to); w = w.plusWeeks(1)) {
					points.add(new TrendPoint(w.isBefore(from) ? from : w, min(w.plusDays(6), to), indicators(weeks.get(w))));
				}
			}
			case "month" -> {
				Map<LocalDate, Counters> months = reads.byMonth(r.filter);
				for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
					points.add(new TrendPoint(m.isBefore(from) ? from : m, min(m.withDayOfMonth(m.lengthOfMonth()), to),
							indicators(months.get(m))));
				}
			}
			default -> throw new DomainException(ErrorKind.INVALID, "insight.granularity-unknown", granularity);
		}
		return new Trend(r.scope, unit, points);
	}

	Breakdown breakdown(Params params, String by, Actor actor) {
		Resolved r = resolve(params, actor);
		Dimension dimension = parse(Dimension.class, by, "insight.breakdown-unknown");
		Map<String, Counters> sums = reads.by(dimension, r.filter);
		Map<String, long[]> alerts = reads.alerts(dimension, r.filter);
		List<String> keys = new ArrayList<>(sums.keySet());
		alerts.keySet().stream().filter(k -> !sums.containsKey(k)).forEach(keys::add);
		keys.sort(null);
		Map<String, String> regionNames = dimension == Dimension.COMMUNITY || dimension == Dimension.GRID
				? regionNames(r.filter.regionCode(), keys) : Map.of();
		List<BreakdownRow> rows = new ArrayList<>();
		for (String key : keys) {
			long[] a = alerts.getOrDefault(key, new long[2]);
			String[] names = names(dimension, key, regionNames);
			rows.add(new BreakdownRow(key, names[0], names[1], Indicators.of(sums.getOrDefault(key, new Counters()), a[0], a[1])));
		}
		return new Breakdown(r.scope, dimension.name().toLowerCase(Locale.ROOT), rows);
	}

	Cases cases(Params params, String indicator, Integer page, Integer size, Actor actor) {
		Resolved r = resolve(params, actor);
		CountedBy counted = Arrays.stream(CountedBy.values())
			.filter(c -> c.key.equalsIgnoreCase(String.valueOf(indicator)))
			.findFirst()
			.orElseThrow(() -> new DomainException(ErrorKind.INVALID, "insight.indicator-unknown", String.valueOf(indicator)));
		PageQuery query = PageQuery.of(page, size);
		long[] total = new long[1];
		List<CaseItem> items = reads.cases(counted, r.filter, query.size(), query.offset(), total)
			.stream()
			.map(c -> new CaseItem(c.caseId().toString(), c.status(), c.gridCode(), c.communityCode(), c.categoryCode(),
					c.departmentCode(), c.source(), c.reportedAt(), c.countedAt()))
			.toList();
		return new Cases(r.scope, counted.key, Page.of(items, query, total[0]));
	}

	// --- parameters ---

	private record Resolved(Filter filter, Scope scope) {
	}

	Resolved resolve(Params p, Actor actor) {
		Period period = period(p.period(), p.from(), p.to());
		Region region = region(p.region(), actor);
		List<String> categories = categories(p.category());
		String source = blank(p.source()) == null ? null
				: parse(CaseSource.class, p.source(), "insight.source-unknown").name();
		String department = department(p.department());
		Filter filter = new Filter(period.from(), period.to(), region.code().value(), region.code().likePattern(),
				categories, department, source);
		return new Resolved(filter, new Scope(period, region.code().value(), region.name(), blank(p.category()), source,
				department));
	}

	Period period(String period, String from, String to) {
		LocalDate today = clock.instant().atZone(Contributions.ZONE).toLocalDate();
		boolean custom = blank(from) != null || blank(to) != null;
		if (blank(period) != null && custom) {
			throw new DomainException(ErrorKind.INVALID, "insight.period-conflict");
		}
		if (custom) {
			if (blank(from) == null || blank(to) == null) {
				throw new DomainException(ErrorKind.INVALID, "insight.period-incomplete");
			}
			LocalDate f = date(from);
			LocalDate t = date(to);
			if (f.isAfter(t)) {
				throw new DomainException(ErrorKind.INVALID, "insight.period-reversed", f, t);
			}
			if (t.isAfter(f.plusYears(MAX_YEARS).minusDays(1))) {
				throw new DomainException(ErrorKind.INVALID, "insight.period-too-long", MAX_YEARS);
			}
			return new Period(f, t);
		}
		String name = blank(period) == null ? "month" : period.toLowerCase(Locale.ROOT);
		return switch (name) {
			case "today" -> new Period(today, today);
			case "week" -> new Period(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today);
			case "month" -> new Period(today.withDayOfMonth(1), today);
			case "year" -> new Period(today.withDayOfYear(1), today);
			default -> throw new DomainException(ErrorKind.INVALID, "insight.period-unknown", period);
		};
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new DomainException(ErrorKind.INVALID, "insight.date-invalid", text);
		}
	}

	private Region region(String code, Actor actor) {
		String value = blank(code) == null ? actor.scope().value() : code.strip();
		if (!RegionCode.isValid(value)) {
			throw new DomainException(ErrorKind.INVALID, "insight.region-invalid", value);
		}
		RegionCode region = RegionCode.of(value);
		if (region.equals(actor.scope())) {
			Optional<Region> found = regions.find(region);
			if (found.isPresent()) {
				return found.get();
			}
			return new Region(region, region.value(), region.level(), null, null);
		}
		return regions.get(region, actor);
	}

	private List<String> categories(String code) {
		String c = blank(code);
		if (c == null) {
			return null;
		}
		Optional<CategoryInfo> leaf = catalogue.findLeaf(c);
		if (leaf.isPresent()) {
			return List.of(leaf.get().code());
		}
		List<String> leaves = catalogue.leaves().stream().filter(l -> c.equals(l.classCode())).map(CategoryInfo::code).toList();
		if (leaves.isEmpty()) {
			throw new DomainException(ErrorKind.INVALID, "insight.category-unknown", c);
		}
		return leaves;
	}

	private String department(String code) {
		String d = blank(code);
		if (d == null) {
			return null;
		}
		if (CaseFacts.GRID_WORKER.equals(d)) {
			return d;
		}
		return catalogue.findDepartment(d)
			.map(DepartmentInfo::code)
			.orElseThrow(() -> new DomainException(ErrorKind.INVALID, "insight.department-unknown", d));
	}

	/**
	 * The names of the regions under {@code regionCode} among {@code keys}, read in one query (the
	 * subtree) rather than one per row: a city's breakdown by grid has ten thousand rows.
	 */
	private Map<String, String> regionNames(String regionCode, List<String> keys) {
		if (keys.isEmpty() || !RegionCode.isValid(regionCode) || regions.find(RegionCode.of(regionCode)).isEmpty()) {
			return Map.of();
		}
		Map<String, String> names = new java.util.HashMap<>();
		java.util.ArrayDeque<RegionTreeNode> open = new java.util.ArrayDeque<>();
		open.add(regions.tree(RegionCode.of(regionCode)));
		while (!open.isEmpty()) {
			RegionTreeNode node = open.poll();
			names.put(node.code(), node.name());
			open.addAll(node.children());
		}
		return names;
	}

	private String[] names(Dimension dimension, String key, Map<String, String> regionNames) {
		return switch (dimension) {
			case COMMUNITY, GRID -> {
				String name = regionNames.get(key);
				if (name == null) {
					name = RegionCode.isValid(key) ? regions.find(RegionCode.of(key)).map(Region::name).orElse(key) : key;
				}
				yield new String[] { name, name };
			}
			case CATEGORY -> catalogue.findLeaf(key)
				.map(l -> new String[] { l.name(), l.nameEn() })
				.orElse(new String[] { key, key });
			case DEPARTMENT -> key.isEmpty() ? new String[] { "未派遣", "Not dispatched" }
					: CaseFacts.GRID_WORKER.equals(key) ? new String[] { "网格员", "Grid workers" }
							: catalogue.findDepartment(key)
								.map(d -> new String[] { d.name(), d.code() })
								.orElse(new String[] { key, key });
			case SOURCE -> new String[] { key, key };
		};
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String code) {
		try {
			return Enum.valueOf(type, String.valueOf(value).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new DomainException(ErrorKind.INVALID, code, String.valueOf(value));
		}
	}

	private static void requirePoints(long points) {
		if (points > MAX_POINTS) {
			throw new DomainException(ErrorKind.INVALID, "insight.too-many-points", MAX_POINTS);
		}
	}

	private static Indicators indicators(Counters c) {
		return Indicators.of(c == null ? new Counters() : c, null, null);
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
