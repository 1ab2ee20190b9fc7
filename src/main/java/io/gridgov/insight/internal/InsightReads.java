package io.gridgov.insight.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.gridgov.platform.persistence.Databases;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.scope.RegionLevel;

/**
 * The queries of the indicators. Without a category, department or source filter they read the
 * region roll-ups (one row per region and month, plus the days of a partial month at either end);
 * with exactly one, in a region of COMMUNITY level or above, the slice roll-ups the same way; with
 * more (or in a grid) they sum the daily facts of the region. Alerts come from the current alert
 * counts where those answer (ADR 0030). Nothing here reads another module's tables.
 */
@Repository
class InsightReads {

	private static final int[] ALL_MEASURES = java.util.stream.IntStream.range(0, Measure.SIZE).toArray();
	private static final LocalDate NEVER_FROM = LocalDate.of(9999, 12, 31);
	private static final LocalDate NEVER_TO = LocalDate.of(1, 1, 1);

	private final JdbcClient jdbc;
	private final boolean postgreSql;

	InsightReads(JdbcClient jdbc, javax.sql.DataSource dataSource) {
		this.jdbc = jdbc;
		this.postgreSql = Databases.isPostgreSql(dataSource);
	}

	/**
	 * Plans this transaction's statements for their actual values (PostgreSQL): after five runs a
	 * prepared statement may switch to a generic plan, which for these reads — ranges of dates and
	 * codes, lists of keys — often reads far more than the values need (a page of a city's grids: 30
	 * instead of 5 ms). Planning costs a fraction of a millisecond per statement; only insight's reads
	 * pay it, not the write paths. Must run inside the read's transaction.
	 */
	void planForValues() {
		if (postgreSql) {
			jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
		}
	}

	/**
	 * What a read counts: days (inclusive), the region, and the optional filters (null: any). {@code spanTo} is the end used to choose the roll-up rows that sum the period
	 * (normally {@code to}): a period that runs to today may be read as running to the end of the
	 * year, so that the current month's and year's rows answer instead of a row per day — the same sums
	 * as long as nothing is dated after today (see {@code InsightService.resolve}).
	 */
	record Filter(LocalDate from, LocalDate to, String regionCode, String regionLike, List<String> categories,
			String department, String source, LocalDate spanTo) {

		Filter(LocalDate from, LocalDate to, String regionCode, String regionLike, List<String> categories,
				String department, String source) {
			this(from, to, regionCode, regionLike, categories, department, source, to);
		}

		/** The same filter, its roll-up rows chosen as if it ran to {@code end}. */
		Filter spanningTo(LocalDate end) {
			return new Filter(from, to, regionCode, regionLike, categories, department, source, end);
		}

		/**
		 * The same filter, its roll-up rows chosen as if it ran to the end of its month (a period within
		 * one month: the month's one row) or else of its year (the grids' one yearly row).
		 */
		Filter spanningToItsEnd() {
			return spanningTo(from.isBefore(to.withDayOfMonth(1)) ? to.withDayOfYear(to.lengthOfYear())
					: to.withDayOfMonth(to.lengthOfMonth()));
		}

		boolean unfiltered() {
			return categories == null && department == null && source == null;
		}

		/** The level of the region (null when its code is not a region code). */
		RegionLevel level() {
			return RegionCode.isValid(regionCode) ? RegionCode.of(regionCode).level() : null;
		}

		/** Whether the region has slice roll-ups and sliced alert counts (COMMUNITY and above). */
		boolean slicedRegion() {
			return level() != null && InsightStore.sliced(level());
		}

		/**
		 * Whether insight_alert_count answers for the region: a region code below the root (the root's
		 * filter on insight_case also counts cases without a grid, which no region counts).
		 */
		boolean alertCounts() {
			return level() != null && regionLike.length() > 1;
		}

		/** The one slice filter set (null unless exactly one of category, department, source is). */
		InsightStore.Slice oneSlice() {
			int set = (categories != null ? 1 : 0) + (department != null ? 1 : 0) + (source != null ? 1 : 0);
			if (set != 1) {
				return null;
			}
			return categories != null ? InsightStore.Slice.CATEGORY
					: department != null ? InsightStore.Slice.DEPARTMENT : InsightStore.Slice.SOURCE;
		}

		List<String> sliceValues() {
			return categories != null ? categories : List.of(department != null ? department : source);
		}

		/** The codes of the region and everything inside it: a range of the code prefix, usable by a b-tree index under any collation (a LIKE prefix is not, on PostgreSQL). */
		String regionRange(String column, Map<String, Object> p) {
			String prefix = regionLike.substring(0, regionLike.length() - 1);
			if (prefix.isEmpty()) {
				return "1 = 1";
			}
			p.put("regionLo", prefix);
			String hi = new java.math.BigInteger(prefix).add(java.math.BigInteger.ONE).toString();
			while (hi.length() < prefix.length()) {
				hi = "0" + hi;
			}
			if (hi.length() > prefix.length()) {
				return column + " >= :regionLo";
			}
			p.put("regionHi", hi);
			return column + " >= :regionLo AND " + column + " < :regionHi";
		}

		Instant start() {
			return from.atStartOfDay(Contributions.ZONE).toInstant();
		}

		Instant end() {
			return to.plusDays(1).atStartOfDay(Contributions.ZONE).toInstant();
		}
	}

	/** [from, to] as whole months (by their first day) and at most two runs of days at the ends. */
	record Span(LocalDate monthFrom, LocalDate monthTo, LocalDate headFrom, LocalDate headTo, LocalDate tailFrom,
			LocalDate tailTo) {

		static Span of(LocalDate from, LocalDate to) {
			LocalDate firstFull = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
			LocalDate lastFullEnd = to.equals(to.withDayOfMonth(to.lengthOfMonth())) ? to : to.withDayOfMonth(1).minusDays(1);
			if (firstFull.isAfter(lastFullEnd)) {
				return new Span(NEVER_FROM, NEVER_TO, from, to, NEVER_FROM, NEVER_TO);
			}
			LocalDate headTo = firstFull.minusDays(1);
			LocalDate tailFrom = lastFullEnd.plusDays(1);
			return new Span(firstFull, lastFullEnd.withDayOfMonth(1), from.isAfter(headTo) ? NEVER_FROM : from,
					from.isAfter(headTo) ? NEVER_TO : headTo, tailFrom.isAfter(to) ? NEVER_FROM : tailFrom,
					tailFrom.isAfter(to) ? NEVER_TO : to);
		}
	}

	/**
	 * The roll-up rows of the span — its whole months, and the days before and after them — as a
	 * condition on {@code granularity} and {@code period_start}, with its parameters (named with
	 * {@code prefix}) put into {@code p}. Only the parts the span has are written: an empty part would
	 * still make PostgreSQL combine several index scans (and choose worse plans for the rest).
	 */
	private static String spanWhere(String prefix, Span s, Map<String, Object> p) {
		List<String> parts = new ArrayList<>(3);
		LocalDate[][] ranges = { { s.monthFrom(), s.monthTo() }, { s.headFrom(), s.headTo() }, { s.tailFrom(), s.tailTo() } };
		String[] names = { "m", "h", "t" };
		for (int i = 0; i < ranges.length; i++) {
			if (ranges[i][0].equals(NEVER_FROM)) {
				continue;
			}
			String from = prefix + names[i] + "From";
			String to = prefix + names[i] + "To";
			p.put(from, ranges[i][0]);
			String g = "(granularity = '" + (i == 0 ? "M" : "D") + "' AND period_start ";
			if (ranges[i][0].equals(ranges[i][1])) {
				// one period: an equality, so that the period index gives the rows in region order (no sort)
				parts.add(g + "= :" + from + ")");
				continue;
			}
			p.put(to, ranges[i][1]);
			parts.add(g + "BETWEEN :" + from + " AND :" + to + ")");
		}
		return parts.isEmpty() ? "(1 = 0)" : "(" + String.join(" OR ", parts) + ")";
	}

	private static String spanWhere(Span s, Map<String, Object> p) {
		return spanWhere("", s, p);
	}

	/**
	 * The roll-up rows of the region that answer the filter — {@code insight_rollup} unfiltered,
	 * {@code insight_slice_rollup} with exactly one filter in a region of COMMUNITY level or above —
	 * as {@code FROM … WHERE …} (to be followed by {@code AND} and the period); null when only the
	 * daily facts answer it.
	 */
	private static String rollupRows(Filter f, Map<String, Object> p) {
		p.put("region", f.regionCode());
		if (f.unfiltered()) {
			return " FROM insight_rollup WHERE region_code = :region";
		}
		InsightStore.Slice slice = f.oneSlice();
		if (slice == null || !f.slicedRegion()) {
			return null;
		}
		p.put("kind", slice.name());
		p.put("values", f.sliceValues());
		return " FROM insight_slice_rollup WHERE region_code = :region AND slice_kind = :kind AND slice_value IN (:values)";
	}

	/**
	 * Whether any roll-up row is dated after {@code day}: none in normal operation (a fact's day is that
	 * of an event that has happened), but a clock set ahead, or another instance's clock running a
	 * little fast at midnight, can write one. One index probe per level.
	 */
	boolean rowsAfter(LocalDate day) {
		List<LocalDate> last = jdbc.sql(LATEST_DAY).query(LocalDate.class).list();
		return !last.isEmpty() && last.get(0) != null && last.get(0).isAfter(day);
	}

	/**
	 * The latest day of any roll-up row: each level's from the period index backwards (one row read),
	 * with no parameter — a prepared "period_start > ?" turned generic after five runs and scanned the
	 * whole index (1.7 s at 10 M).
	 */
	private static final String LATEST_DAY = "SELECT MAX(latest) FROM ("
			+ String.join(" UNION ALL ", java.util.Arrays.stream(RegionLevel.values())
				.map(level -> "SELECT MAX(period_start) AS latest FROM insight_rollup WHERE granularity = 'D'"
						+ " AND region_level = '" + level.name() + "'")
				.toList())
			+ ") levels";

	/** The sum over the filter. */
	Counters sum(Filter f) {
		Map<String, Object> rp = new LinkedHashMap<>();
		String span = spanWhere(Span.of(f.from(), f.spanTo()), rp);
		String rows = rollupRows(f, rp);
		if (rows != null) {
			return jdbc.sql("SELECT " + InsightStore.MEASURE_SUMS + rows + " AND " + span)
				.params(rp)
				.query((rs, n) -> InsightStore.mapCounters(rs, 1))
				.single();
		}
		Map<String, Object> p = new LinkedHashMap<>();
		String where = factWhere(f, p);
		return jdbc.sql("SELECT " + InsightStore.MEASURE_SUMS + " FROM insight_fact WHERE " + where)
			.params(p)
			.query((rs, n) -> InsightStore.mapCounters(rs, 1))
			.single();
	}

	/** Sums per day (every day of the filter that has any row). */
	Map<LocalDate, Counters> byDay(Filter f) {
		Map<String, Object> p = new LinkedHashMap<>();
		String sql;
		String rows = rollupRows(f, p);
		if (rows != null) {
			p.put("from", f.from());
			p.put("to", f.to());
			sql = "SELECT period_start, " + InsightStore.MEASURE_SUMS + rows + " AND granularity = 'D' "
					+ "AND period_start BETWEEN :from AND :to GROUP BY period_start";
		}
		else {
			p.clear();
			sql = "SELECT fact_day, " + InsightStore.MEASURE_SUMS + " FROM insight_fact WHERE " + factWhere(f, p)
					+ " GROUP BY fact_day";
		}
		Map<LocalDate, Counters> result = new TreeMap<>();
		jdbc.sql(sql).params(p).query((rs, n) -> {
			result.put(rs.getObject(1, LocalDate.class), InsightStore.mapCounters(rs, 2));
			return null;
		}).list();
		return result;
	}

	/** Sums per month (keyed by the first day); whole months from the monthly roll-up when unfiltered. */
	Map<LocalDate, Counters> byMonth(Filter f) {
		Map<LocalDate, Counters> result = new TreeMap<>();
		Map<String, Object> p = new LinkedHashMap<>();
		String span = spanWhere(Span.of(f.from(), f.spanTo()), p);
		String rows = rollupRows(f, p);
		if (rows == null) {
			byDay(f).forEach((day, c) -> result.computeIfAbsent(day.withDayOfMonth(1), k -> new Counters()).add(c, 1));
			return result;
		}
		jdbc.sql("SELECT period_start, " + InsightStore.MEASURE_SUMS + rows + " AND " + span
				+ " GROUP BY period_start").params(p).query((rs, n) -> {
					LocalDate start = rs.getObject(1, LocalDate.class);
					result.computeIfAbsent(start.withDayOfMonth(1), k -> new Counters())
						.add(InsightStore.mapCounters(rs, 2), 1);
					return null;
				}).list();
		return result;
	}

	/**
	 * [from, to] for the grids' roll-ups (which have yearly rows, ADR 0030): whole calendar years from
	 * the yearly rows, the rest at either end as months and days ({@link Span}). A city's breakdown by
	 * grid for a year then reads one row per grid instead of twelve.
	 */
	private static String yearSpanWhere(LocalDate from, LocalDate to, Map<String, Object> p) {
		LocalDate firstYear = from.getDayOfYear() == 1 ? from : from.plusYears(1).withDayOfYear(1);
		LocalDate yearsEnd = to.plusDays(1).withDayOfYear(1);
		if (!firstYear.isBefore(yearsEnd)) {
			return spanWhere(Span.of(from, to), p);
		}
		p.put("yFrom", firstYear);
		List<String> parts = new ArrayList<>();
		if (firstYear.plusYears(1).equals(yearsEnd)) {
			parts.add("(granularity = 'Y' AND period_start = :yFrom)");
		}
		else {
			p.put("yEnd", yearsEnd);
			parts.add("(granularity = 'Y' AND period_start >= :yFrom AND period_start < :yEnd)");
		}
		if (from.isBefore(firstYear)) {
			parts.add(spanWhere("h", Span.of(from, firstYear.minusDays(1)), p));
		}
		if (!yearsEnd.isAfter(to)) {
			parts.add(spanWhere("t", Span.of(yearsEnd, to), p));
		}
		return "(" + String.join(" OR ", parts) + ")";
	}

	/**
	 * Sums per value of a breakdown dimension: unfiltered, by community or grid from the region
	 * roll-ups and by category, department or source from the slice roll-ups (COMMUNITY and above).
	 */
	Map<String, Counters> by(Dimension dimension, Filter f) {
		return by(dimension, f, null, null);
	}

	/**
	 * Sums per value of the dimension, of the counters at {@code measures} only (null: every one; the
	 * others stay zero) and for the values among {@code keys} only (null: every value): a breakdown
	 * sorted by one indicator reads the few counters it needs for every row, then every counter for
	 * the page's rows.
	 */
	Map<String, Counters> by(Dimension dimension, Filter f, int[] measures, java.util.Collection<String> keys) {
		// a hash map: a city's breakdown by grid has 10,000 keys of a long common prefix, and inserting them
		// into a tree map was most of the call's time; the callers order the rows themselves
		Map<String, Counters> result = new java.util.HashMap<>();
		if (keys != null && keys.isEmpty()) {
			return result;
		}
		int[] read = measures == null ? ALL_MEASURES : measures;
		sumsBy(dimension, f, read, keys, false, rs -> {
			long[] values = new long[Measure.SIZE];
			for (int j = 0; j < read.length; j++) {
				values[read[j]] = rs.getLong(2 + j);
			}
			result.put(rs.getString(1), new Counters(values));
		});
		return result;
	}

	/**
	 * The counters at {@code measures} per value of the dimension, handed to {@code row} as they are read
	 * in one {@link Counters} reused for every row (the other counters stay zero): for a caller that keeps
	 * what it works out of a row, not the row (a ranking of 10,000 grids keeps one value per grid).
	 */
	void eachBy(Dimension dimension, Filter f, int[] measures, java.util.function.BiConsumer<String, Counters> row) {
		Counters scratch = new Counters();
		sumsBy(dimension, f, measures, null, false, rs -> {
			for (int j = 0; j < measures.length; j++) {
				scratch.values[measures[j]] = rs.getLong(2 + j);
			}
			row.accept(rs.getString(1), scratch);
		});
	}

	/**
	 * Cases reported per value of the dimension, and nothing else: what the map colours its regions
	 * by, read from the same rows as {@link #by} but one column of them instead of every counter.
	 */
	KeyedCounts reportedBy(Dimension dimension, Filter f) {
		KeyedCounts result = new KeyedCounts(1024);
		sumsBy(dimension, f, new int[] { Measure.REPORTED.index() }, null, true,
				rs -> result.add(rs.getString(1), rs.getLong(2)));
		return result;
	}

	/**
	 * Runs the sums of the counters at {@code measures} per value of the dimension (among {@code keys}
	 * when not null; in key order when {@code ordered}) from the cheapest rows that answer the filter. When those rows hold one row per value
	 * — a whole month, or a whole year of the grids — the counters are read as they are: summing 10,000
	 * grids' rows one by one (as NUMERIC, PostgreSQL's sum of BIGINT) took five times as long as reading
	 * them.
	 */
	private void sumsBy(Dimension dimension, Filter f, int[] measures, java.util.Collection<String> keys, boolean ordered,
			org.springframework.jdbc.core.RowCallbackHandler row) {
		Map<String, Object> p = new LinkedHashMap<>();
		String sql;
		String keyColumn;
		boolean onePeriod;
		if (f.unfiltered() && dimension.rollupLevel != null && f.level() != null
				&& f.level().ordinal() <= RegionLevel.valueOf(dimension.rollupLevel).ordinal()) {
			// (by community within a grid: no community roll-up row lies in the grid's code range; the facts answer)
			p.put("level", dimension.rollupLevel);
			String span = dimension == Dimension.GRID ? yearSpanWhere(f.from(), f.spanTo(), p)
					: spanWhere(Span.of(f.from(), f.spanTo()), p);
			keyColumn = "region_code";
			onePeriod = wholeMonth(f.from(), f.spanTo()) || (dimension == Dimension.GRID && wholeYear(f.from(), f.spanTo()));
			sql = "SELECT region_code, " + counters(measures, onePeriod) + " FROM insight_rollup WHERE region_level = :level "
					+ "AND " + f.regionRange("region_code", p) + " AND " + span;
		}
		else if (f.unfiltered() && dimension.slice != null && f.slicedRegion()) {
			String span = spanWhere(Span.of(f.from(), f.spanTo()), p);
			p.put("region", f.regionCode());
			p.put("kind", dimension.slice.name());
			keyColumn = "slice_value";
			onePeriod = wholeMonth(f.from(), f.spanTo());
			sql = "SELECT slice_value, " + counters(measures, onePeriod) + " FROM insight_slice_rollup WHERE region_code = :region "
					+ "AND slice_kind = :kind AND " + span;
		}
		else {
			keyColumn = dimension.column;
			onePeriod = false;
			sql = "SELECT " + dimension.column + ", " + counters(measures, false) + " FROM insight_fact WHERE " + factWhere(f, p);
		}
		if (keys != null) {
			sql += " AND " + keyColumn + " IN (:keys)";
			p.put("keys", List.copyOf(keys));
		}
		jdbc.sql((onePeriod ? sql : sql + " GROUP BY " + keyColumn) + (ordered ? " ORDER BY " + keyColumn : ""))
			.params(p)
			.query(row);
	}

	/** The select list of the counters at {@code measures}: as they are, or summed. */
	private static String counters(int[] measures, boolean asTheyAre) {
		return String.join(", ", java.util.Arrays.stream(measures)
			.mapToObj(i -> asTheyAre ? InsightStore.MEASURES.get(i) : "CAST(SUM(" + InsightStore.MEASURES.get(i) + ") AS BIGINT)")
			.toList());
	}

	/** Whether [from, to] is one calendar month (read from one monthly roll-up row per region). */
	static boolean wholeMonth(LocalDate from, LocalDate to) {
		return from.getDayOfMonth() == 1 && to.equals(from.withDayOfMonth(from.lengthOfMonth()));
	}

	/** Whether [from, to] is one calendar year (one yearly roll-up row per grid). */
	static boolean wholeYear(LocalDate from, LocalDate to) {
		return from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear()));
	}

	/** Cases overdue and due soon now, per value of the dimension ("" without one): [overdue, dueSoon]. */
	Map<String, long[]> alerts(Dimension dimension, Filter f) {
		Map<String, long[]> result = new java.util.HashMap<>();
		alertRows(dimension, f, false,
				(key, overdue, cases) -> result.computeIfAbsent(key, k -> new long[2])[overdue ? 0 : 1] += cases);
		return result;
	}

	/**
	 * Cases overdue now per value of the dimension, in key order: what the map colours by, half the rows
	 * of {@link #alerts} (one row per value: added as read, without a map).
	 */
	KeyedCounts overdueBy(Dimension dimension, Filter f) {
		KeyedCounts result = new KeyedCounts(1024);
		alertRows(dimension, f, true, (key, overdue, cases) -> result.add(key, cases));
		return result;
	}

	/** A count of cases with an alert ({@code overdue}, else due soon) for a value of a dimension. */
	@FunctionalInterface
	private interface AlertRow {

		void accept(String key, boolean overdue, long cases);
	}

	/**
	 * The rows of {@link #alerts}, non-zero counts only; when {@code overdueOnly} the overdue cases only,
	 * one row per value, in key order.
	 */
	private void alertRows(Dimension dimension, Filter f, boolean overdueOnly, AlertRow sink) {
		if (alertCounts(dimension, f, overdueOnly, sink)) {
			return;
		}
		Map<String, Object> p = new LinkedHashMap<>();
		String where = caseWhere(f, p);
		String select = dimension == null ? "alert" : dimension.column + ", alert";
		jdbc.sql("SELECT " + select + ", COUNT(*) FROM insight_case WHERE "
				+ (overdueOnly ? "alert = 'OVERDUE' AND " + dimension.column + " IS NOT NULL" : "alert IS NOT NULL") + " AND " + where
				+ " GROUP BY " + select + (overdueOnly ? " ORDER BY 1" : "")).params(p).query(rs -> {
					int i = dimension == null ? 0 : 1;
					String key = dimension == null || rs.getString(1) == null ? "" : rs.getString(1);
					sink.accept(key, "OVERDUE".equals(rs.getString(i + 1)), rs.getLong(i + 2));
				});
	}

	/**
	 * The alerts from the current counts (insight_alert_count, ADR 0030) when they answer the filter:
	 * a region below the root, without a filter (by community, grid, category, department, source or
	 * none) or with one filter and no dimension; COMMUNITY and above for the slices. False otherwise.
	 */
	private boolean alertCounts(Dimension dimension, Filter f, boolean overdueOnly, AlertRow sink) {
		if (!f.alertCounts()) {
			return false;
		}
		Map<String, Object> p = new LinkedHashMap<>();
		String key;
		String where;
		if (dimension == null && f.unfiltered()) {
			key = "''";
			where = "region_code = :region AND slice_kind = 'ALL'";
			p.put("region", f.regionCode());
		}
		else if (dimension == null && f.oneSlice() != null && f.slicedRegion()) {
			key = "''";
			where = "region_code = :region AND slice_kind = :kind AND slice_value IN (:values)";
			p.put("region", f.regionCode());
			p.put("kind", f.oneSlice().name());
			p.put("values", f.sliceValues());
		}
		else if (dimension != null && f.unfiltered() && dimension.rollupLevel != null
				&& f.level().ordinal() <= RegionLevel.valueOf(dimension.rollupLevel).ordinal()) {
			key = "region_code";
			where = "region_level = :level AND slice_kind = 'ALL' AND " + f.regionRange("region_code", p);
			p.put("level", dimension.rollupLevel);
		}
		else if (dimension != null && f.unfiltered() && dimension.slice != null && f.slicedRegion()) {
			key = "slice_value";
			where = "region_code = :region AND slice_kind = :kind";
			p.put("region", f.regionCode());
			p.put("kind", dimension.slice.name());
		}
		else {
			return false;
		}
		if (overdueOnly) {
			where += " AND alert = 'OVERDUE' AND cases <> 0";
		}
		// per region or slice value (of one region and kind, or the kind ALL whose value is ''), the primary
		// key holds one row per value and alert: read as they are; the totals sum over the values.
		// (PostgreSQL refuses a constant in GROUP BY)
		String select = key.equals("''") ? "SELECT '', alert, CAST(SUM(cases) AS BIGINT) FROM insight_alert_count WHERE "
				+ where + " GROUP BY alert" : "SELECT " + key + ", alert, cases FROM insight_alert_count WHERE " + where;
		jdbc.sql(overdueOnly ? select + " ORDER BY 1" : select).params(p).query(rs -> {
			long cases = rs.getLong(3);
			if (cases != 0) {
				sink.accept(rs.getString(1), "OVERDUE".equals(rs.getString(2)), cases);
			}
		});
		return true;
	}

	/** One case behind a number. */
	record CaseRow(UUID caseId, String status, String gridCode, String communityCode, String categoryCode,
			String departmentCode, String source, Instant reportedAt, Instant countedAt) {
	}

	/**
	 * The cases an indicator counts under the filter, newest first, and how many there are: the total
	 * from the roll-up counter the number came from when one answers the filter (the alert counts for
	 * overdue / due soon), else counted. A case counts only with its grid and category known (what
	 * Contributions requires).
	 */
	List<CaseRow> cases(CountedBy indicator, Filter f, int limit, long offset, long[] total) {
		Map<String, Object> p = new LinkedHashMap<>();
		String where = casesWhere(indicator, f, p);
		Long fromRollups = rolledUpTotal(indicator, f);
		total[0] = fromRollups != null ? fromRollups : count(indicator, f);
		p.put("limit", limit);
		p.put("offset", offset);
		return jdbc.sql("SELECT case_id, status, grid_code, community_code, category_code, department_code, source, "
				+ "reported_at, " + indicator.countedAt + " AS counted_at FROM insight_case WHERE " + where
				+ " ORDER BY counted_at DESC, case_id LIMIT :limit OFFSET :offset").params(p).query((rs, n) -> {
					Timestamp reported = rs.getTimestamp("reported_at");
					Timestamp counted = rs.getTimestamp("counted_at");
					return new CaseRow(rs.getObject("case_id", UUID.class), rs.getString("status"),
							rs.getString("grid_code"), rs.getString("community_code"), rs.getString("category_code"),
							rs.getString("department_code"), rs.getString("source"),
							reported == null ? null : reported.toInstant(), counted == null ? null : counted.toInstant());
				}).list();
	}

	/** The cases' count by COUNT(*) over insight_case (what the roll-up total must equal). */
	long count(CountedBy indicator, Filter f) {
		Map<String, Object> p = new LinkedHashMap<>();
		return jdbc.sql("SELECT COUNT(*) FROM insight_case WHERE " + casesWhere(indicator, f, p))
			.params(p)
			.query(Long.class)
			.single();
	}

	/** The total from the roll-ups or the alert counts; null when they do not answer the filter. */
	Long rolledUpTotal(CountedBy indicator, Filter f) {
		if (!indicator.periodic) {
			long[] counted = new long[2];
			boolean overdue = indicator == CountedBy.OVERDUE;
			return alertCounts(null, f, false, (key, isOverdue, cases) -> counted[isOverdue ? 0 : 1] += cases)
					? counted[overdue ? 0 : 1] : null;
		}
		if (indicator.counter == null) {
			return null;
		}
		Map<String, Object> p = new LinkedHashMap<>();
		String span = spanWhere(Span.of(f.from(), f.spanTo()), p);
		String rows = rollupRows(f, p);
		if (rows == null) {
			return null;
		}
		return jdbc.sql("SELECT COALESCE(SUM(" + indicator.counter + "), 0)" + rows + " AND " + span)
			.params(p)
			.query(Long.class)
			.single();
	}

	/**
	 * The condition of the indicator's cases. In one grid the grid is an equality, in one community the
	 * community, so that the (grid_code, moment) and (community_code, moment) indexes give the first
	 * page in order.
	 */
	private static String casesWhere(CountedBy indicator, Filter f, Map<String, Object> p) {
		List<String> where = new ArrayList<>();
		// a grid's or a community's own code (CaseFacts: a community's is the first twelve digits of the
		// grid code) instead of the grid-code range, so that the (grid_code, moment) and (community_code,
		// moment) indexes give the first page in order (with the range as well, PostgreSQL combined both
		// indexes and sorted every case of a community: 17 ms, not 0.1)
		String own = f.level() == RegionLevel.GRID ? "grid_code" : f.level() == RegionLevel.COMMUNITY ? "community_code" : null;
		if (own != null) {
			where.add(own + " = :ownRegion");
			p.put("ownRegion", f.regionCode());
			filters(f, p, where);
		}
		else {
			where.add(caseWhere(f, p));
		}
		where.add(indicator.condition);
		if (indicator.periodic) {
			where.add("category_code IS NOT NULL AND grid_code IS NOT NULL");
			p.put("start", Timestamp.from(f.start()));
			p.put("end", Timestamp.from(f.end()));
		}
		return String.join(" AND ", where);
	}

	private static String factWhere(Filter f, Map<String, Object> p) {
		List<String> where = new ArrayList<>();
		where.add("fact_day BETWEEN :from AND :to");
		p.put("from", f.from());
		p.put("to", f.to());
		where.add(f.regionRange("grid_code", p));
		filters(f, p, where);
		return String.join(" AND ", where);
	}

	private static String caseWhere(Filter f, Map<String, Object> p) {
		List<String> where = new ArrayList<>();
		where.add(f.regionRange("grid_code", p));
		filters(f, p, where);
		return String.join(" AND ", where);
	}

	private static void filters(Filter f, Map<String, Object> p, List<String> where) {
		if (f.categories() != null) {
			where.add("category_code IN (:categories)");
			p.put("categories", f.categories());
		}
		if (f.department() != null) {
			where.add("department_code = :department");
			p.put("department", f.department());
		}
		if (f.source() != null) {
			where.add("source = :source");
			p.put("source", f.source());
		}
	}

	/** The dimensions of a breakdown: the fact column, and the roll-up level that answers it unfiltered. */
	enum Dimension {
		COMMUNITY("community_code", "COMMUNITY", null), GRID("grid_code", "GRID", null),
		CATEGORY("category_code", null, InsightStore.Slice.CATEGORY),
		DEPARTMENT("department_code", null, InsightStore.Slice.DEPARTMENT),
		SOURCE("source", null, InsightStore.Slice.SOURCE);

		final String column;
		final String rollupLevel;
		final InsightStore.Slice slice;

		Dimension(String column, String rollupLevel, InsightStore.Slice slice) {
			this.column = column;
			this.rollupLevel = rollupLevel;
			this.slice = slice;
		}
	}

	/** The cases behind each countable indicator: the condition on insight_case and the moment it counts on. */
	enum CountedBy {
		REPORTED("reported", "reported_at >= :start AND reported_at < :end", "reported_at", "reported"),
		ACCEPTED("accepted", "COALESCE(accepted_at, spot_at) >= :start AND COALESCE(accepted_at, spot_at) < :end",
				"COALESCE(accepted_at, spot_at)", "accepted"),
		ACCEPTED_ON_TIME("acceptedOnTime", "accepted_at >= :start AND accepted_at < :end AND accepted_on_time = TRUE "
				+ "AND time_to_accept_s IS NOT NULL", "accepted_at", "accepted_on_time"),
		ACCEPTED_LATE("acceptedLate", "accepted_at >= :start AND accepted_at < :end AND accepted_on_time = FALSE "
				+ "AND time_to_accept_s IS NOT NULL", "accepted_at", null),
		/** Accepted in the period and not closed (yet): the complement of the closure rate's numerator. */
		NOT_CLOSED("notClosed", "COALESCE(accepted_at, spot_at) >= :start AND COALESCE(accepted_at, spot_at) < :end "
				+ "AND closed_at IS NULL", "COALESCE(accepted_at, spot_at)", null),
		CLOSED("closed", "closed_at >= :start AND closed_at < :end", "closed_at", "closed"),
		SOLVED_ON_THE_SPOT("solvedOnTheSpot", "spot_at >= :start AND spot_at < :end", "spot_at", "solved_on_the_spot"),
		DISPATCHED("dispatched", "first_dispatched_at >= :start AND first_dispatched_at < :end", "first_dispatched_at", "dispatched"),
		RETURNED("returned", "first_dispatched_at >= :start AND first_dispatched_at < :end AND returned = TRUE",
				"first_dispatched_at", "returned"),
		HANDLED("handled", "handled_at >= :start AND handled_at < :end", "handled_at", "handled"),
		HANDLED_ON_TIME("handledOnTime", "handled_at >= :start AND handled_at < :end AND handled_on_time = TRUE",
				"handled_at", "handled_on_time"),
		HANDLED_LATE("handledLate",
				"handled_at >= :start AND handled_at < :end AND (handled_on_time IS NULL OR handled_on_time = FALSE)",
				"handled_at", "handled - handled_on_time"),
		VERIFIED("verified", "verified_at >= :start AND verified_at < :end", "verified_at", "verified"),
		REWORKED("reworked", "verified_at >= :start AND verified_at < :end AND reworked = TRUE", "verified_at", "reworked"),
		RATED("rated", "rated_at >= :start AND rated_at < :end AND rating IS NOT NULL", "rated_at", "rated"),
		RATED_GOOD("ratedGood", "rated_at >= :start AND rated_at < :end AND rating >= 4", "rated_at", "rated_good"),
		OVERDUE("overdueNow", "alert = 'OVERDUE'", "alert_at", false, null),
		DUE_SOON("dueSoon", "alert = 'DUE_SOON'", "alert_at", false, null);

		final String key;
		final String condition;
		final String countedAt;
		final boolean periodic;
		/** The roll-up counters whose sum is the number of these cases (null: none is). */
		final String counter;

		CountedBy(String key, String condition, String countedAt, String counter) {
			this(key, condition, countedAt, true, counter);
		}

		CountedBy(String key, String condition, String countedAt, boolean periodic, String counter) {
			this.key = key;
			this.condition = condition;
			this.countedAt = countedAt;
			this.periodic = periodic;
			this.counter = counter;
		}
	}
}
