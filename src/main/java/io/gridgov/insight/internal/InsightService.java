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

	/**
	 * A breakdown: every row, or one page of them ({@code page} and {@code size} set) in the order of
	 * {@code sort} ("key", or an indicator) and {@code order}; {@code total} counts every row.
	 */
	record Breakdown(Scope scope, String by, List<BreakdownRow> rows, long total, String sort, String order,
			Integer page, Integer size) {
	}

	/**
	 * What the dashboard's map colours its grids by, and nothing else, as columns: the grids' codes and,
	 * at the same positions, the cases reported in the period and overdue now. (A city has 10,000
	 * grids: as columns the answer is half the bytes of an object per grid, ADR 0035.)
	 */
	record GridMap(Scope scope, String level, String[] keys, long[] reported, long[] overdueNow) {
	}

	record CaseItem(String caseId, String status, String gridCode, String gridName, String communityCode, String categoryCode,
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
		return breakdown(params, by, null, null, null, null, actor);
	}

	/**
	 * The rows of a breakdown, sorted and optionally one page of them. Every row's counters are read
	 * (the sort needs them), but names are looked up and indicators sent for the page's rows only: a
	 * city's breakdown by grid has ten thousand rows, a page of the statistics table a few dozen.
	 */
	Breakdown breakdown(Params params, String by, String sort, String order, Integer page, Integer size, Actor actor) {
		Resolved r = resolve(params, actor);
		Dimension dimension = parse(Dimension.class, by, "insight.breakdown-unknown");
		RowOrder rowOrder = RowOrder.of(sort, order);
		PageQuery query = page == null && size == null ? null : PageQuery.of(page, size);
		// a page: first only the counters the order needs, for every row, ranked as they are read (the row's
		// counters are not kept); then every counter for the page's rows
		Map<String, long[]> alerts = reads.alerts(dimension, r.filter);
		List<Ranked> all = new ArrayList<>(alerts.size() + 64);
		long[] noAlerts = new long[2];
		Map<String, Counters> sums = query == null ? reads.by(dimension, r.filter) : null;
		// a row takes its alerts out of the map, so that what is left are the alerts without a row
		java.util.function.BiConsumer<String, Counters> ranked = (key, counters) -> {
			long[] a = alerts.remove(key);
			a = a == null ? noAlerts : a;
			all.add(rowOrder.rank(key, counters, a[0], a[1]));
		};
		if (sums == null) {
			reads.eachBy(dimension, r.filter, rowOrder.measures(), ranked);
		}
		else {
			sums.forEach(ranked);
		}
		Counters none = new Counters();
		alerts.forEach((key, a) -> all.add(rowOrder.rank(key, none, a[0], a[1])));
		if (query == null) {
			all.sort(rowOrder.comparator());
		}
		List<Ranked> shown = query == null ? all : RowOrder.page(all, rowOrder.comparator(), query.offset(), query.size());
		List<String> shownKeys = shown.stream().map(Ranked::key).toList();
		Map<String, Counters> full = query == null ? sums : reads.by(dimension, r.filter, null, shownKeys);
		Map<String, String> regionNames = dimension == Dimension.COMMUNITY || dimension == Dimension.GRID
				? regions.names(shownKeys) : Map.of();
		List<BreakdownRow> rows = new ArrayList<>(shown.size());
		for (Ranked row : shown) {
			String[] names = names(dimension, row.key(), regionNames);
			rows.add(new BreakdownRow(row.key(), names[0], names[1],
					Indicators.of(full.getOrDefault(row.key(), new Counters()), row.overdueNow(), row.dueSoon())));
		}
		return new Breakdown(r.scope, dimension.name().toLowerCase(Locale.ROOT), rows, all.size(), rowOrder.sort(),
				rowOrder.order(), query == null ? null : query.page(), query == null ? null : query.size());
	}

	/**
	 * Cases reported and overdue now per grid of the region: the dashboard map's figures. A grid with
	 * neither is left out (the map shows it as nothing to report).
	 */
	GridMap map(Params params, Actor actor) {
		Resolved r = resolve(params, actor);
		// both in key order (region codes of one level: digits of one length, so SQL's order is String's):
		// merged as they come, without a map or a sort of 10,000 keys
		KeyedCounts reported = reads.reportedBy(Dimension.GRID, r.filter);
		KeyedCounts overdue = reads.overdueBy(Dimension.GRID, r.filter);
		int capacity = reported.size() + overdue.size();
		String[] keys = new String[capacity];
		long[] counts = new long[capacity];
		long[] late = new long[capacity];
		int n = 0;
		int a = 0;
		int b = 0;
		while (a < reported.size() || b < overdue.size()) {
			int c = a == reported.size() ? 1 : b == overdue.size() ? -1 : reported.key(a).compareTo(overdue.key(b));
			String key = c <= 0 ? reported.key(a) : overdue.key(b);
			long x = c <= 0 ? reported.count(a++) : 0;
			long y = c >= 0 ? overdue.count(b++) : 0;
			if (x != 0 || y != 0) {
				keys[n] = key;
				counts[n] = x;
				late[n] = y;
				n++;
			}
		}
		return new GridMap(r.scope, "grid", java.util.Arrays.copyOf(keys, n), java.util.Arrays.copyOf(counts, n),
				java.util.Arrays.copyOf(late, n));
	}

	/**
	 * A row of a breakdown with the value it is sorted by (worked out once, not per comparison; NaN when
	 * the indicator has no value, a rate over nothing), its cases reported (the tie-break) and its alerts
	 * now (shown with the row if it lands on the page).
	 */
	record Ranked(String key, double value, long reported, long overdueNow, long dueSoon) {

		/** A row with no case overdue or due soon. */
		Ranked(String key, double value, long reported) {
			this(key, value, reported, 0, 0);
		}
	}

	/**
	 * The order of a breakdown's rows: by key (ascending unless asked otherwise), or by an indicator
	 * (descending unless asked otherwise) with the rows without a value (a rate over nothing) last
	 * either way, then more cases reported first, then by key — the same order on every request.
	 */
	record RowOrder(String sort, String order, java.util.Comparator<Ranked> comparator, java.lang.reflect.Method accessor,
			int[] measures) {

		private static final Map<String, java.lang.reflect.RecordComponent> INDICATORS = new LinkedHashMap<>();
		private static final Map<String, int[]> NEEDS = new LinkedHashMap<>();

		static {
			for (java.lang.reflect.RecordComponent c : Indicators.class.getRecordComponents()) {
				INDICATORS.put(c.getName(), c);
				NEEDS.put(c.getName(), needs(c.getAccessor()));
			}
		}

		/**
		 * The counters an indicator's value depends on (and the reported count, the order's tie-break),
		 * found by changing each counter in turn on a few sets of counters and watching the value: what
		 * a breakdown sorted by it must read for every row. Kept in step with {@link Indicators#of} by
		 * construction; a duration bucket found counts for all the buckets of its kind.
		 */
		private static int[] needs(java.lang.reflect.Method accessor) {
			java.util.BitSet needed = new java.util.BitSet(Measure.SIZE);
			needed.set(Measure.REPORTED.index());
			for (int seed = 1; seed <= 3; seed++) {
				long[] base = new long[Measure.SIZE];
				for (int i = 0; i < base.length; i++) {
					base[i] = 5 + (i * 7L + seed * 13L) % 17;
				}
				Double before = value(accessor, Indicators.of(new Counters(base.clone()), 1L, 1L));
				for (int i = 0; i < base.length; i++) {
					long[] changed = base.clone();
					changed[i] += 3 + seed;
					if (!java.util.Objects.equals(before, value(accessor, Indicators.of(new Counters(changed), 1L, 1L)))) {
						needed.set(i);
					}
				}
			}
			for (int[] kind : new int[][] { { Measure.TTA_BUCKETS, Measure.TTH_BUCKETS },
					{ Measure.TTH_BUCKETS, Measure.SIZE } }) {
				if (needed.get(kind[0], kind[1]).cardinality() > 0) {
					needed.set(kind[0], kind[1]);
				}
			}
			return needed.stream().toArray();
		}

		/** The counters the order needs for every row. */
		public int[] measures() {
			return measures.clone();
		}

		static RowOrder of(String sort, String order) {
			String key = blank(sort) == null ? "key" : sort.strip();
			if (!key.equals("key") && !INDICATORS.containsKey(key)) {
				throw new DomainException(ErrorKind.INVALID, "insight.sort-unknown", key);
			}
			String direction = blank(order) == null ? (key.equals("key") ? "asc" : "desc")
					: order.strip().toLowerCase(Locale.ROOT);
			if (!direction.equals("asc") && !direction.equals("desc")) {
				throw new DomainException(ErrorKind.INVALID, "insight.order-unknown", order);
			}
			int sign = direction.equals("asc") ? 1 : -1;
			if (key.equals("key")) {
				return new RowOrder(key, direction, (a, b) -> sign * a.key().compareTo(b.key()), null,
						new int[] { Measure.REPORTED.index() });
			}
			// on primitives: a city's ranking of grids compares 10,000 rows
			java.util.Comparator<Ranked> comparator = (a, b) -> {
				boolean aNone = Double.isNaN(a.value());
				boolean bNone = Double.isNaN(b.value());
				if (aNone != bNone) {
					return aNone ? 1 : -1;
				}
				int c = aNone ? 0 : sign * Double.compare(a.value(), b.value());
				if (c == 0) {
					c = Long.compare(b.reported(), a.reported());
				}
				return c != 0 ? c : a.key().compareTo(b.key());
			};
			return new RowOrder(key, direction, comparator, INDICATORS.get(key).getAccessor(), NEEDS.get(key));
		}

		/**
		 * The row with the value this order sorts by: the indicators are worked out only when the order is
		 * by one of them.
		 */
		Ranked rank(String key, Counters counters, long overdueNow, long dueSoon) {
			if (accessor == null) {
				return new Ranked(key, Double.NaN, counters.get(Measure.REPORTED), overdueNow, dueSoon);
			}
			Double v = value(accessor, Indicators.of(counters, overdueNow, dueSoon));
			return new Ranked(key, v == null ? Double.NaN : v, counters.get(Measure.REPORTED), overdueNow, dueSoon);
		}

		/**
		 * The rows from {@code offset} to {@code offset + size} in the order: a near page (a dashboard's top
		 * ten among 10,000 grids) kept in a bounded heap while the rows go by instead of sorting them all.
		 */
		static List<Ranked> page(List<Ranked> rows, java.util.Comparator<Ranked> comparator, long offset, int size) {
			long end = Math.min(rows.size(), offset + size);
			if (offset >= end) {
				return List.of();
			}
			if (end * 8 > rows.size()) {
				rows.sort(comparator);
				return rows.subList((int) offset, (int) end);
			}
			java.util.PriorityQueue<Ranked> best = new java.util.PriorityQueue<>((int) end + 1, comparator.reversed());
			for (Ranked row : rows) {
				if (best.size() < end) {
					best.add(row);
				}
				else if (comparator.compare(row, best.peek()) < 0) {
					best.poll();
					best.add(row);
				}
			}
			List<Ranked> first = new ArrayList<>(best);
			first.sort(comparator);
			return first.subList((int) offset, (int) end);
		}

		private static Double value(java.lang.reflect.Method accessor, Indicators indicators) {
			try {
				Object v = accessor.invoke(indicators);
				return v == null ? null : ((Number) v).doubleValue();
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException(e);
			}
		}
	}

	Cases cases(Params params, String indicator, Integer page, Integer size, Actor actor) {
		Resolved r = resolve(params, actor);
		CountedBy counted = Arrays.stream(CountedBy.values())
			.filter(c -> c.key.equalsIgnoreCase(String.valueOf(indicator)))
			.findFirst()
			.orElseThrow(() -> new DomainException(ErrorKind.INVALID, "insight.indicator-unknown", String.valueOf(indicator)));
		PageQuery query = PageQuery.of(page, size);
		long[] total = new long[1];
		var rows = reads.cases(counted, r.filter, query.size(), query.offset(), total);
		// the grids' names of this page only, in one query
		Map<String, String> gridNames = regions
			.names(rows.stream().map(c -> c.gridCode()).filter(java.util.Objects::nonNull).toList());
		List<CaseItem> items = rows.stream()
			.map(c -> new CaseItem(c.caseId().toString(), c.status(), c.gridCode(),
					c.gridCode() == null ? null : gridNames.get(c.gridCode()), c.communityCode(), c.categoryCode(),
					c.departmentCode(), c.source(), c.reportedAt(), c.countedAt()))
			.toList();
		return new Cases(r.scope, counted.key, Page.of(items, query, total[0]));
	}

	// --- parameters ---

	private record Resolved(Filter filter, Scope scope) {
	}

	Resolved resolve(Params p, Actor actor) {
		reads.planForValues();
		Period period = period(p.period(), p.from(), p.to());
		Region region = region(p.region(), actor);
		List<String> categories = categories(p.category());
		String source = blank(p.source()) == null ? null
				: parse(CaseSource.class, p.source(), "insight.source-unknown").name();
		String department = department(p.department());
		Filter filter = new Filter(period.from(), period.to(), region.code().value(), region.code().likePattern(),
				categories, department, source);
		// "this month", "this year" (and any period to today): nothing is dated after today, so the current
		// month's and year's roll-up rows hold exactly the days so far — one row per region instead of one
		// per day (a city's map by grid: 10,000 rows instead of up to 310,000) — unless a row is dated later
		LocalDate today = today();
		InsightReads.Filter toItsEnd = filter.spanningToItsEnd();
		if (!period.to().isBefore(today) && toItsEnd.spanTo().isAfter(period.to()) && !reads.rowsAfter(today)) {
			filter = toItsEnd;
		}
		return new Resolved(filter, new Scope(period, region.code().value(), region.name(), blank(p.category()), source,
				department));
	}

	/** Today in the subdistrict's time zone (the days the read models count in). */
	private LocalDate today() {
		return clock.instant().atZone(Contributions.ZONE).toLocalDate();
	}

	Period period(String period, String from, String to) {
		LocalDate today = today();
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

	private String[] names(Dimension dimension, String key, Map<String, String> regionNames) {
		return switch (dimension) {
			case COMMUNITY, GRID -> {
				String name = regionNames.getOrDefault(key, key);
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
