package io.gridgov.insight.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.gridgov.cases.CaseStatus;
import io.gridgov.platform.scope.RegionLevel;

/**
 * The read models' tables: {@code insight_case} (one row per case), {@code insight_fact} (day × grid
 * × category × department × source) and {@code insight_rollup} (day and month × region at every
 * level), {@code insight_slice_rollup} (the same per category, department and source, COMMUNITY and
 * above) and {@code insight_alert_count} (ADR 0030). Changes are applied as differences of counters, in key order, so that concurrent listeners
 * lock rows in the same order.
 */
@Repository
class InsightStore {

	static final List<String> MEASURES = Measure.columns();
	private static final String MEASURE_LIST = String.join(", ", MEASURES);
	private static final String MEASURE_PARAMS = String.join(", ", MEASURES.stream().map(c -> "?").toList());
	private static final String MEASURE_INCREMENTS = String.join(", ",
			MEASURES.stream().map(c -> c + " = " + c + " + ?").toList());
	/**
	 * The sums of every measure, each as a BIGINT: SUM of a BIGINT column answers a NUMERIC on both
	 * databases, which the driver would parse into a BigDecimal per value (a city's breakdown by grid
	 * reads ten thousand rows of them).
	 */
	static final String MEASURE_SUMS = String.join(", ",
			MEASURES.stream().map(c -> "CAST(SUM(" + c + ") AS BIGINT)").toList());

	private static final String CASE_COLUMNS = """
			grid_code, grid_at, community_code, category_code, source, department_code, department_at, status,
			status_at, reported_at, accepted_at, accepted_on_time, time_to_accept_s, spot_at, first_dispatched_at,
			returned, handled_at, handled_on_time, time_to_handle_s, reworked, verified_at, closed_at, rated_at, rating,
			due_soon, overdue, alert_at, alert, updated_at""";

	/** A case's row, written whole (a new case) or its facts written back (a known one). */
	private static final String CASE_INSERT = "INSERT INTO insight_case (case_id, " + CASE_COLUMNS + ") VALUES (?"
			+ ", ?".repeat(CASE_COLUMNS.split(",").length) + ")";
	private static final String CASE_UPDATE = "UPDATE insight_case SET "
			+ String.join(", ", List.of(CASE_COLUMNS.split(",")).stream().map(c -> c.strip() + " = ?").toList())
			+ " WHERE case_id = ?";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	InsightStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * The facts of the cases that have a row, their rows locked for this transaction (one locking read);
	 * a case without one is not in the answer. Only within the projection's turn ({@link ProjectionWork}:
	 * its lock row keeps every other instance's fold out, so a missing row cannot appear meanwhile).
	 */
	Map<UUID, CaseFacts> lockCases(Collection<UUID> caseIds) {
		List<UUID> ids = new ArrayList<>(new java.util.TreeSet<>(caseIds));
		Map<UUID, CaseFacts> cases = new java.util.HashMap<>();
		jdbc.sql("SELECT * FROM insight_case WHERE case_id IN (:ids) ORDER BY case_id FOR UPDATE")
			.param("ids", ids)
			.query(InsightStore::mapCase)
			.list()
			.forEach(f -> cases.put(f.caseId, f));
		return cases;
	}

	/**
	 * Writes the facts of several cases, in one batch each: an insert for the cases that had no row
	 * (written once, whole: an empty row first and the update after cost every index of the table
	 * twice, ADR 0034), an update for the others.
	 */
	void saveCases(Collection<CaseFacts> created, Collection<CaseFacts> changed, Instant now) {
		if (!created.isEmpty()) {
			template.batchUpdate(CASE_INSERT, created.stream().map(f -> {
				List<Object> params = new ArrayList<>(31);
				params.add(f.caseId);
				params.addAll(caseParams(f, now));
				return params.toArray();
			}).toList());
		}
		if (changed.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(changed.size());
		for (CaseFacts f : changed) {
			List<Object> params = caseParams(f, now);
			params.add(f.caseId);
			rows.add(params.toArray());
		}
		template.batchUpdate(CASE_UPDATE, rows);
	}

	/**
	 * Adds the differences to the fact rows and their roll-ups: one batch of increments for the fact
	 * rows and one for the roll-ups (one round trip each), then inserts for the rows that did not exist.
	 */
	void apply(Map<FactKey, Counters> diff) {
		// in key order (facts, then roll-ups), whatever map the caller passed
		Map<FactKey, Counters> facts = new TreeMap<>(diff);
		Map<RollupKey, Counters> rollups = rollupsOf(facts);
		String factUpdate = "UPDATE insight_fact SET " + MEASURE_INCREMENTS
				+ " WHERE fact_day = ? AND grid_code = ? AND category_code = ? AND department_code = ? AND source = ?";
		String factInsert = "INSERT INTO insight_fact (fact_day, grid_code, community_code, category_code, "
				+ "department_code, source, " + MEASURE_LIST + ") VALUES (?, ?, ?, ?, ?, ?, " + MEASURE_PARAMS
				+ ") ON CONFLICT DO NOTHING";
		upsert(factUpdate, factInsert, facts.entrySet().stream().map(e -> {
			FactKey k = e.getKey();
			return new Object[][] { { k.day(), k.gridCode(), k.categoryCode(), k.departmentCode(), k.source() },
					{ k.day(), k.gridCode(), k.communityCode(), k.categoryCode(), k.departmentCode(), k.source() } };
		}).toList(), values(facts.values()));
		String rollupUpdate = "UPDATE insight_rollup SET " + MEASURE_INCREMENTS
				+ " WHERE granularity = ? AND region_code = ? AND period_start = ?";
		String rollupInsert = "INSERT INTO insight_rollup (granularity, region_code, period_start, region_level, "
				+ MEASURE_LIST + ") VALUES (?, ?, ?, ?, " + MEASURE_PARAMS + ") ON CONFLICT DO NOTHING";
		upsert(rollupUpdate, rollupInsert, rollups.keySet().stream().map(k -> new Object[][] {
				{ k.granularity(), k.regionCode(), k.periodStart() },
				{ k.granularity(), k.regionCode(), k.periodStart(), k.level() } }).toList(),
				values(rollups.values()));
		Map<SliceKey, Counters> slices = slicesOf(facts);
		String sliceUpdate = "UPDATE insight_slice_rollup SET " + MEASURE_INCREMENTS
				+ " WHERE granularity = ? AND region_code = ? AND slice_kind = ? AND slice_value = ? AND period_start = ?";
		String sliceInsert = "INSERT INTO insight_slice_rollup (granularity, region_code, slice_kind, slice_value, "
				+ "period_start, region_level, " + MEASURE_LIST + ") VALUES (?, ?, ?, ?, ?, ?, " + MEASURE_PARAMS
				+ ") ON CONFLICT DO NOTHING";
		upsert(sliceUpdate, sliceInsert, slices.keySet().stream().map(k -> new Object[][] {
				{ k.granularity(), k.regionCode(), k.kind(), k.value(), k.periodStart() },
				{ k.granularity(), k.regionCode(), k.kind(), k.value(), k.periodStart(), k.level() } }).toList(),
				values(slices.values()));
	}

	/**
	 * Adds the differences to the current alert counts (after the counters, in key order): a case
	 * whose alert, grid, category, department or source changed moves from its old keys to its new.
	 */
	void applyAlerts(Map<AlertKey, Long> diff) {
		Map<AlertKey, Long> sorted = new TreeMap<>(diff);
		sorted.values().removeIf(v -> v == 0);
		upsert("UPDATE insight_alert_count SET cases = cases + ? WHERE region_code = ? AND slice_kind = ? "
				+ "AND slice_value = ? AND alert = ?",
				"INSERT INTO insight_alert_count (region_code, slice_kind, slice_value, alert, region_level, cases) "
						+ "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
				sorted.keySet().stream().map(k -> new Object[][] { { k.regionCode(), k.kind(), k.value(), k.alert() },
						{ k.regionCode(), k.kind(), k.value(), k.alert(), k.level() } }).toList(),
				sorted.values().stream().map(v -> new long[] { v }).toList());
	}

	private static List<long[]> values(Collection<Counters> counters) {
		return counters.stream().map(c -> c.values).toList();
	}

	/**
	 * Adds {@code counters} to the rows of {@code keys} (each: the key's values for the update, then
	 * for the insert): a batch of updates, inserts for the rows not found, and the update again for a
	 * row that another instance inserted meanwhile.
	 */
	private void upsert(String update, String insert, List<Object[][]> keys, List<long[]> counters) {
		if (keys.isEmpty()) {
			return;
		}
		List<Object[]> updates = new ArrayList<>(keys.size());
		for (int i = 0; i < keys.size(); i++) {
			updates.add(concat(counters.get(i), keys.get(i)[0]));
		}
		int[] updated = template.batchUpdate(update, updates);
		List<Integer> missing = new ArrayList<>();
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] == 0) {
				missing.add(i);
			}
		}
		if (missing.isEmpty()) {
			return;
		}
		int[] inserted = template.batchUpdate(insert,
				missing.stream().map(i -> concat(keys.get(i)[1], counters.get(i))).toList());
		List<Object[]> again = new ArrayList<>();
		for (int j = 0; j < inserted.length; j++) {
			if (inserted[j] == 0) {
				again.add(updates.get(missing.get(j)));
			}
		}
		if (!again.isEmpty()) {
			template.batchUpdate(update, again);
		}
	}

	record RollupKey(String granularity, String regionCode, LocalDate periodStart, String level)
			implements Comparable<RollupKey> {

		@Override
		public int compareTo(RollupKey o) {
			int c = granularity.compareTo(o.granularity);
			if (c == 0) {
				c = regionCode.compareTo(o.regionCode);
			}
			return c == 0 ? periodStart.compareTo(o.periodStart) : c;
		}
	}

	static Map<RollupKey, Counters> rollupsOf(Map<FactKey, Counters> facts) {
		Map<RollupKey, Counters> rollups = new TreeMap<>();
		for (Map.Entry<FactKey, Counters> e : facts.entrySet()) {
			FactKey k = e.getKey();
			for (RegionLadder.Rung rung : RegionLadder.of(k.gridCode())) {
				rollups.computeIfAbsent(new RollupKey("D", rung.code(), k.day(), rung.level().name()), x -> new Counters())
					.add(e.getValue(), 1);
				rollups
					.computeIfAbsent(new RollupKey("M", rung.code(), k.day().withDayOfMonth(1), rung.level().name()),
							x -> new Counters())
					.add(e.getValue(), 1);
				if (rung.level() == RegionLevel.GRID) {
					// the grids' years (ADR 0030): a city's breakdown by grid for a year reads one row per grid
					rollups.computeIfAbsent(new RollupKey("Y", rung.code(), k.day().withDayOfYear(1), rung.level().name()),
							x -> new Counters()).add(e.getValue(), 1);
				}
			}
		}
		return rollups;
	}

	/** The slices of insight_slice_rollup, each with the fact key's value it is keyed by. */
	enum Slice {
		CATEGORY, DEPARTMENT, SOURCE;

		String of(FactKey k) {
			return switch (this) {
				case CATEGORY -> k.categoryCode();
				case DEPARTMENT -> k.departmentCode();
				case SOURCE -> k.source();
			};
		}

		String of(CaseFacts f) {
			String value = switch (this) {
				case CATEGORY -> f.categoryCode;
				case DEPARTMENT -> f.departmentCode;
				case SOURCE -> f.source;
			};
			return value == null ? "" : value;
		}
	}

	/** The kind of the alert counts of a region without a slice. */
	static final String ALL = "ALL";

	/** Whether a region of this level has slice roll-ups and sliced alert counts (COMMUNITY and above). */
	static boolean sliced(RegionLevel level) {
		return level.ordinal() <= RegionLevel.COMMUNITY.ordinal();
	}

	record SliceKey(String granularity, String regionCode, String kind, String value, LocalDate periodStart,
			String level) implements Comparable<SliceKey> {

		@Override
		public int compareTo(SliceKey o) {
			int c = granularity.compareTo(o.granularity);
			if (c == 0) {
				c = regionCode.compareTo(o.regionCode);
			}
			if (c == 0) {
				c = kind.compareTo(o.kind);
			}
			if (c == 0) {
				c = value.compareTo(o.value);
			}
			return c == 0 ? periodStart.compareTo(o.periodStart) : c;
		}
	}

	static Map<SliceKey, Counters> slicesOf(Map<FactKey, Counters> facts) {
		Map<SliceKey, Counters> slices = new TreeMap<>();
		for (Map.Entry<FactKey, Counters> e : facts.entrySet()) {
			FactKey k = e.getKey();
			for (RegionLadder.Rung rung : RegionLadder.of(k.gridCode())) {
				if (!sliced(rung.level())) {
					continue;
				}
				for (Slice slice : Slice.values()) {
					String value = slice.of(k);
					slices.computeIfAbsent(new SliceKey("D", rung.code(), slice.name(), value, k.day(), rung.level().name()),
							x -> new Counters()).add(e.getValue(), 1);
					slices.computeIfAbsent(new SliceKey("M", rung.code(), slice.name(), value, k.day().withDayOfMonth(1),
							rung.level().name()), x -> new Counters()).add(e.getValue(), 1);
				}
			}
		}
		return slices;
	}

	record AlertKey(String regionCode, String kind, String value, String alert, String level)
			implements Comparable<AlertKey> {

		@Override
		public int compareTo(AlertKey o) {
			int c = regionCode.compareTo(o.regionCode);
			if (c == 0) {
				c = kind.compareTo(o.kind);
			}
			if (c == 0) {
				c = value.compareTo(o.value);
			}
			return c == 0 ? alert.compareTo(o.alert) : c;
		}
	}

	/** The alert counts a case adds to (+1 each): none unless it is overdue or due soon now. */
	static Map<AlertKey, Long> alertsOf(CaseFacts f) {
		Map<AlertKey, Long> keys = new TreeMap<>();
		String alert = f.alert();
		if (alert == null || f.gridCode == null) {
			return keys;
		}
		for (RegionLadder.Rung rung : RegionLadder.of(f.gridCode)) {
			String level = rung.level().name();
			keys.merge(new AlertKey(rung.code(), ALL, "", alert, level), 1L, Long::sum);
			if (sliced(rung.level())) {
				for (Slice slice : Slice.values()) {
					keys.merge(new AlertKey(rung.code(), slice.name(), slice.of(f), alert, level), 1L, Long::sum);
				}
			}
		}
		return keys;
	}

	/** {@code alertsOf(after) − alertsOf(before)}, added to {@code into}. */
	static void alertDifference(CaseFacts before, CaseFacts after, Map<AlertKey, Long> into) {
		if (before != null) {
			alertsOf(before).forEach((k, v) -> into.merge(k, -v, Long::sum));
		}
		alertsOf(after).forEach((k, v) -> into.merge(k, v, Long::sum));
	}

	// --- rebuild ---

	void deleteAll() {
		// the order in which a live event locks rows: its case, then facts, then roll-ups
		jdbc.sql("DELETE FROM insight_case").update();
		jdbc.sql("DELETE FROM insight_fact").update();
		jdbc.sql("DELETE FROM insight_rollup").update();
		jdbc.sql("DELETE FROM insight_slice_rollup").update();
		jdbc.sql("DELETE FROM insight_alert_count").update();
	}

	void insertAlerts(Map<AlertKey, Long> counts) {
		List<Object[]> rows = new ArrayList<>();
		new TreeMap<>(counts).forEach((k, v) -> {
			if (v != 0) {
				rows.add(new Object[] { k.regionCode(), k.kind(), k.value(), k.alert(), k.level(), v });
			}
		});
		insertMany("insight_alert_count (region_code, slice_kind, slice_value, alert, region_level, cases)", rows);
	}

	void insertCases(Collection<CaseFacts> cases, Instant now) {
		List<Object[]> rows = new ArrayList<>(cases.size());
		for (CaseFacts f : cases) {
			List<Object> p = new ArrayList<>();
			p.add(f.caseId);
			p.addAll(caseParams(f, now));
			rows.add(p.toArray());
		}
		insertMany("insight_case (case_id, " + CASE_COLUMNS + ")", rows);
	}

	void insertFacts(Map<FactKey, Counters> facts) {
		List<Object[]> rows = new ArrayList<>();
		for (Map.Entry<FactKey, Counters> e : facts.entrySet()) {
			FactKey k = e.getKey();
			rows.add(concat(new Object[] { k.day(), k.gridCode(), k.communityCode(), k.categoryCode(),
					k.departmentCode(), k.source() }, e.getValue().values));
		}
		insertMany("insight_fact (fact_day, grid_code, community_code, category_code, department_code, source, "
				+ MEASURE_LIST + ")", rows);
		List<Object[]> rollupRows = new ArrayList<>();
		for (Map.Entry<RollupKey, Counters> e : rollupsOf(facts).entrySet()) {
			RollupKey k = e.getKey();
			rollupRows.add(concat(new Object[] { k.granularity(), k.regionCode(), k.periodStart(), k.level() },
					e.getValue().values));
		}
		insertMany("insight_rollup (granularity, region_code, period_start, region_level, " + MEASURE_LIST + ")",
				rollupRows);
		List<Object[]> sliceRows = new ArrayList<>();
		for (Map.Entry<SliceKey, Counters> e : slicesOf(facts).entrySet()) {
			SliceKey k = e.getKey();
			sliceRows.add(concat(new Object[] { k.granularity(), k.regionCode(), k.kind(), k.value(), k.periodStart(),
					k.level() }, e.getValue().values));
		}
		insertMany("insight_slice_rollup (granularity, region_code, slice_kind, slice_value, period_start, "
				+ "region_level, " + MEASURE_LIST + ")", sliceRows);
	}

	/**
	 * Inserts rows with multi-row {@code VALUES} lists (a few hundred rows a statement, under the
	 * drivers' parameter limits): one round trip per statement on PostgreSQL as on H2.
	 */
	private void insertMany(String into, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		int width = rows.get(0).length;
		String tuple = "(" + String.join(", ", java.util.Collections.nCopies(width, "?")) + ")";
		int perStatement = Math.max(1, 30000 / width);
		for (int from = 0; from < rows.size(); from += perStatement) {
			List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
			Object[] params = new Object[chunk.size() * width];
			for (int i = 0; i < chunk.size(); i++) {
				System.arraycopy(chunk.get(i), 0, params, i * width, width);
			}
			template.update("INSERT INTO " + into + " VALUES "
					+ String.join(", ", java.util.Collections.nCopies(chunk.size(), tuple)), params);
		}
	}

	long caseCount() {
		return jdbc.sql("SELECT COUNT(*) FROM insight_case").query(Long.class).single();
	}

	// --- mapping ---

	private static List<Object> caseParams(CaseFacts f, Instant now) {
		List<Object> p = new ArrayList<>(30);
		p.add(f.gridCode);
		p.add(ts(f.gridAt));
		p.add(f.gridCode == null ? null : f.communityCode());
		p.add(f.categoryCode);
		p.add(f.source);
		p.add(f.departmentCode);
		p.add(ts(f.departmentAt));
		p.add(f.status == null ? null : f.status.name());
		p.add(ts(f.statusAt));
		p.add(ts(f.reportedAt));
		p.add(ts(f.acceptedAt));
		p.add(f.acceptedOnTime);
		p.add(f.timeToAcceptSeconds);
		p.add(ts(f.spotAt));
		p.add(ts(f.firstDispatchedAt));
		p.add(f.returned);
		p.add(ts(f.handledAt));
		p.add(f.handledOnTime);
		p.add(f.timeToHandleSeconds);
		p.add(f.reworked);
		p.add(ts(f.verifiedAt));
		p.add(ts(f.closedAt));
		p.add(ts(f.ratedAt));
		p.add(f.rating);
		p.add(f.dueSoon);
		p.add(f.overdue);
		p.add(ts(f.alertAt));
		p.add(f.alert());
		p.add(ts(now));
		return p;
	}

	static CaseFacts mapCase(ResultSet rs, int n) throws SQLException {
		CaseFacts f = new CaseFacts(rs.getObject("case_id", UUID.class));
		f.gridCode = rs.getString("grid_code");
		f.gridAt = instant(rs, "grid_at");
		f.categoryCode = rs.getString("category_code");
		f.source = rs.getString("source");
		f.departmentCode = rs.getString("department_code");
		f.departmentAt = instant(rs, "department_at");
		String status = rs.getString("status");
		f.status = status == null ? null : CaseStatus.valueOf(status);
		f.statusAt = instant(rs, "status_at");
		f.reportedAt = instant(rs, "reported_at");
		f.acceptedAt = instant(rs, "accepted_at");
		f.acceptedOnTime = bool(rs, "accepted_on_time");
		f.timeToAcceptSeconds = rs.getObject("time_to_accept_s", Long.class);
		f.spotAt = instant(rs, "spot_at");
		f.firstDispatchedAt = instant(rs, "first_dispatched_at");
		f.returned = rs.getBoolean("returned");
		f.handledAt = instant(rs, "handled_at");
		f.handledOnTime = bool(rs, "handled_on_time");
		f.timeToHandleSeconds = rs.getObject("time_to_handle_s", Long.class);
		f.reworked = rs.getBoolean("reworked");
		f.verifiedAt = instant(rs, "verified_at");
		f.closedAt = instant(rs, "closed_at");
		f.ratedAt = instant(rs, "rated_at");
		f.rating = rs.getObject("rating", Integer.class);
		f.dueSoon = rs.getBoolean("due_soon");
		f.overdue = rs.getBoolean("overdue");
		f.alertAt = instant(rs, "alert_at");
		return f;
	}

	static Counters mapCounters(ResultSet rs, int offset) throws SQLException {
		long[] values = new long[Measure.SIZE];
		for (int i = 0; i < values.length; i++) {
			values[i] = rs.getLong(offset + i);
		}
		return new Counters(values);
	}

	private static Object[] concat(Object[] head, long[] tail) {
		Object[] all = new Object[head.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		for (int i = 0; i < tail.length; i++) {
			all[head.length + i] = tail[i];
		}
		return all;
	}

	private static Object[] concat(long[] head, Object[] tail) {
		Object[] all = new Object[head.length + tail.length];
		for (int i = 0; i < head.length; i++) {
			all[i] = head[i];
		}
		System.arraycopy(tail, 0, all, head.length, tail.length);
		return all;
	}

	private static Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
