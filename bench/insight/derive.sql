-- Derives the insight read models from the cases in bench_case (see generate.sql), exactly as the
-- application lays them out; the tables are those the search path finds first (public, or the
-- schema of the derivation check, check.sql).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET maintenance_work_mem = '1GB';
SET work_mem = '1GB';
SET max_parallel_workers_per_gather = 2;
-- days are Asia/Shanghai days (Contributions.ZONE): ts::date in this session is (ts AT TIME ZONE 'Asia/Shanghai')::date
SET TIME ZONE 'Asia/Shanghai';
\timing on
DROP TABLE IF EXISTS bench_contrib;
TRUNCATE insight_fact, insight_rollup, insight_case;
-- no index while loading: dropped here, created again below exactly as in V20261130_0800__insight.sql
-- (and V20261202_0100__insight_slices.sql's, by derive-slices.sql at the end)
ALTER TABLE insight_fact DROP CONSTRAINT IF EXISTS insight_fact_pkey;
ALTER TABLE insight_rollup DROP CONSTRAINT IF EXISTS insight_rollup_pkey;
ALTER TABLE insight_case DROP CONSTRAINT IF EXISTS insight_case_pkey;
DROP INDEX IF EXISTS insight_fact_grid_idx, insight_rollup_level_idx, insight_rollup_period_idx, insight_case_alert_idx,
  insight_case_reported_idx, insight_case_accepted_idx, insight_case_handled_idx, insight_case_closed_idx,
  insight_case_grid_reported_idx, insight_case_grid_closed_idx, insight_case_community_reported_idx,
  insight_case_community_closed_idx;
ALTER TABLE insight_fact SET UNLOGGED;
ALTER TABLE insight_rollup SET UNLOGGED;
ALTER TABLE insight_case SET UNLOGGED;

-- One row per case and distinct day (Asia/Shanghai) on which it counts, with what it adds that day
-- (Contributions.of): reported on the report day; accepted (timed, its time summed and bucketed, on
-- time) on the acceptance day, or accepted on the spot day for a case solved on the spot; solved on
-- the spot on the spot day; dispatched (and returned) on the first dispatch day; handled (on time,
-- time summed and bucketed) on the handling day; verified (reworked) on the verification day; closed
-- on the closure day; rated (rating summed, good when >= 4) on the rating day. Buckets as
-- DurationBuckets.bucketOf (width_bucket over the same upper bounds).
CREATE UNLOGGED TABLE bench_contrib AS
SELECT m.day AS fact_day, c.grid_code, c.category_code, c.department_code, c.source,
  COALESCE(c.d_rep = m.day, FALSE)::int AS reported,
  COALESCE(c.d_acc = m.day OR (c.d_acc IS NULL AND c.d_spot = m.day), FALSE)::int AS accepted,
  COALESCE(c.d_acc = m.day AND c.accepted_on_time, FALSE)::int AS accepted_on_time,
  COALESCE(c.d_acc = m.day, FALSE)::int AS accept_timed,
  CASE WHEN c.d_acc = m.day THEN c.tta_s ELSE 0 END AS tta_sum_s,
  COALESCE(c.d_spot = m.day, FALSE)::int AS solved_on_the_spot,
  COALESCE(c.d_disp = m.day, FALSE)::int AS dispatched,
  COALESCE(c.d_disp = m.day AND c.returned, FALSE)::int AS returned,
  COALESCE(c.d_hand = m.day, FALSE)::int AS handled,
  COALESCE(c.d_hand = m.day AND c.handled_on_time, FALSE)::int AS handled_on_time,
  CASE WHEN c.d_hand = m.day THEN c.tth_s ELSE 0 END AS tth_sum_s,
  COALESCE(c.d_ver = m.day, FALSE)::int AS verified,
  COALESCE(c.d_ver = m.day AND c.reworked, FALSE)::int AS reworked,
  COALESCE(c.d_close = m.day, FALSE)::int AS closed,
  COALESCE(c.d_rate = m.day, FALSE)::int AS rated,
  CASE WHEN c.d_rate = m.day THEN c.rating ELSE 0 END AS rating_sum,
  COALESCE(c.d_rate = m.day AND c.rating >= 4, FALSE)::int AS rated_good,
  CASE WHEN c.d_acc = m.day THEN width_bucket(c.tta_s, c.bounds) END AS tta_bucket,
  CASE WHEN c.d_hand = m.day THEN width_bucket(c.tth_s, c.bounds) END AS tth_bucket
FROM (
  SELECT b.grid_code, b.category_code, b.department_code, b.source, b.accepted_on_time, b.tta_s, b.returned,
    b.handled_on_time, b.tth_s, b.reworked, b.rating,
    b.reported_at::date AS d_rep,
    b.accepted_at::date AS d_acc,
    b.spot_at::date AS d_spot,
    b.dispatched_at::date AS d_disp,
    b.handled_at::date AS d_hand,
    b.verified_at::date AS d_ver,
    b.closed_at::date AS d_close,
    b.rated_at::date AS d_rate,
    '{300,600,900,1800,2700,3600,5400,7200,10800,14400,21600,28800,43200,86400,129600,172800,259200,432000,864000}'::int[]
      AS bounds
  FROM bench_case b
  OFFSET 0 -- each day computed once per case, not once per reference
) AS c
CROSS JOIN LATERAL (VALUES (c.d_rep, TRUE), (c.d_acc, c.d_acc <> c.d_rep),
  (c.d_spot, c.d_spot <> c.d_rep),
  (c.d_disp, c.d_disp <> c.d_rep AND c.d_disp <> c.d_acc),
  (c.d_hand, c.d_hand <> c.d_rep AND c.d_hand IS DISTINCT FROM c.d_acc AND c.d_hand IS DISTINCT FROM c.d_spot
     AND c.d_hand IS DISTINCT FROM c.d_disp),
  (c.d_ver, c.d_ver <> c.d_hand),
  (c.d_close, c.d_close <> c.d_hand AND c.d_close <> c.d_ver),
  (c.d_rate, c.d_rate <> c.d_hand AND c.d_rate <> c.d_ver AND c.d_rate <> c.d_close)) AS m(day, first)
WHERE m.day IS NOT NULL AND m.first;

-- the counter columns of a fact or roll-up row summed over bench_contrib (buckets counted)
\set contrib_sums 'SUM(reported), SUM(accepted), SUM(accepted_on_time), SUM(accept_timed), SUM(tta_sum_s), SUM(solved_on_the_spot), SUM(dispatched), SUM(returned), SUM(handled), SUM(handled_on_time), SUM(tth_sum_s), SUM(verified), SUM(reworked), SUM(closed), SUM(rated), SUM(rating_sum), SUM(rated_good), COUNT(*) FILTER (WHERE tta_bucket = 0), COUNT(*) FILTER (WHERE tta_bucket = 1), COUNT(*) FILTER (WHERE tta_bucket = 2), COUNT(*) FILTER (WHERE tta_bucket = 3), COUNT(*) FILTER (WHERE tta_bucket = 4), COUNT(*) FILTER (WHERE tta_bucket = 5), COUNT(*) FILTER (WHERE tta_bucket = 6), COUNT(*) FILTER (WHERE tta_bucket = 7), COUNT(*) FILTER (WHERE tta_bucket = 8), COUNT(*) FILTER (WHERE tta_bucket = 9), COUNT(*) FILTER (WHERE tta_bucket = 10), COUNT(*) FILTER (WHERE tta_bucket = 11), COUNT(*) FILTER (WHERE tta_bucket = 12), COUNT(*) FILTER (WHERE tta_bucket = 13), COUNT(*) FILTER (WHERE tta_bucket = 14), COUNT(*) FILTER (WHERE tta_bucket = 15), COUNT(*) FILTER (WHERE tta_bucket = 16), COUNT(*) FILTER (WHERE tta_bucket = 17), COUNT(*) FILTER (WHERE tta_bucket = 18), COUNT(*) FILTER (WHERE tta_bucket = 19), COUNT(*) FILTER (WHERE tth_bucket = 0), COUNT(*) FILTER (WHERE tth_bucket = 1), COUNT(*) FILTER (WHERE tth_bucket = 2), COUNT(*) FILTER (WHERE tth_bucket = 3), COUNT(*) FILTER (WHERE tth_bucket = 4), COUNT(*) FILTER (WHERE tth_bucket = 5), COUNT(*) FILTER (WHERE tth_bucket = 6), COUNT(*) FILTER (WHERE tth_bucket = 7), COUNT(*) FILTER (WHERE tth_bucket = 8), COUNT(*) FILTER (WHERE tth_bucket = 9), COUNT(*) FILTER (WHERE tth_bucket = 10), COUNT(*) FILTER (WHERE tth_bucket = 11), COUNT(*) FILTER (WHERE tth_bucket = 12), COUNT(*) FILTER (WHERE tth_bucket = 13), COUNT(*) FILTER (WHERE tth_bucket = 14), COUNT(*) FILTER (WHERE tth_bucket = 15), COUNT(*) FILTER (WHERE tth_bucket = 16), COUNT(*) FILTER (WHERE tth_bucket = 17), COUNT(*) FILTER (WHERE tth_bucket = 18), COUNT(*) FILTER (WHERE tth_bucket = 19)'
-- the same columns summed over roll-up rows below the district (read as int), and over any rows
\set int_sums 'SUM(reported::int), SUM(accepted::int), SUM(accepted_on_time::int), SUM(accept_timed::int), SUM(tta_sum_s::int), SUM(solved_on_the_spot::int), SUM(dispatched::int), SUM(returned::int), SUM(handled::int), SUM(handled_on_time::int), SUM(tth_sum_s::int), SUM(verified::int), SUM(reworked::int), SUM(closed::int), SUM(rated::int), SUM(rating_sum::int), SUM(rated_good::int), SUM(tta_b00::int), SUM(tta_b01::int), SUM(tta_b02::int), SUM(tta_b03::int), SUM(tta_b04::int), SUM(tta_b05::int), SUM(tta_b06::int), SUM(tta_b07::int), SUM(tta_b08::int), SUM(tta_b09::int), SUM(tta_b10::int), SUM(tta_b11::int), SUM(tta_b12::int), SUM(tta_b13::int), SUM(tta_b14::int), SUM(tta_b15::int), SUM(tta_b16::int), SUM(tta_b17::int), SUM(tta_b18::int), SUM(tta_b19::int), SUM(tth_b00::int), SUM(tth_b01::int), SUM(tth_b02::int), SUM(tth_b03::int), SUM(tth_b04::int), SUM(tth_b05::int), SUM(tth_b06::int), SUM(tth_b07::int), SUM(tth_b08::int), SUM(tth_b09::int), SUM(tth_b10::int), SUM(tth_b11::int), SUM(tth_b12::int), SUM(tth_b13::int), SUM(tth_b14::int), SUM(tth_b15::int), SUM(tth_b16::int), SUM(tth_b17::int), SUM(tth_b18::int), SUM(tth_b19::int)'
\set rollup_sums 'SUM(reported), SUM(accepted), SUM(accepted_on_time), SUM(accept_timed), SUM(tta_sum_s), SUM(solved_on_the_spot), SUM(dispatched), SUM(returned), SUM(handled), SUM(handled_on_time), SUM(tth_sum_s), SUM(verified), SUM(reworked), SUM(closed), SUM(rated), SUM(rating_sum), SUM(rated_good), SUM(tta_b00), SUM(tta_b01), SUM(tta_b02), SUM(tta_b03), SUM(tta_b04), SUM(tta_b05), SUM(tta_b06), SUM(tta_b07), SUM(tta_b08), SUM(tta_b09), SUM(tta_b10), SUM(tta_b11), SUM(tta_b12), SUM(tta_b13), SUM(tta_b14), SUM(tta_b15), SUM(tta_b16), SUM(tta_b17), SUM(tta_b18), SUM(tta_b19), SUM(tth_b00), SUM(tth_b01), SUM(tth_b02), SUM(tth_b03), SUM(tth_b04), SUM(tth_b05), SUM(tth_b06), SUM(tth_b07), SUM(tth_b08), SUM(tth_b09), SUM(tth_b10), SUM(tth_b11), SUM(tth_b12), SUM(tth_b13), SUM(tth_b14), SUM(tth_b15), SUM(tth_b16), SUM(tth_b17), SUM(tth_b18), SUM(tth_b19)'
\set measure_cols 'reported, accepted, accepted_on_time, accept_timed, tta_sum_s, solved_on_the_spot, dispatched, returned, handled, handled_on_time, tth_sum_s, verified, reworked, closed, rated, rating_sum, rated_good, tta_b00, tta_b01, tta_b02, tta_b03, tta_b04, tta_b05, tta_b06, tta_b07, tta_b08, tta_b09, tta_b10, tta_b11, tta_b12, tta_b13, tta_b14, tta_b15, tta_b16, tta_b17, tta_b18, tta_b19, tth_b00, tth_b01, tth_b02, tth_b03, tth_b04, tth_b05, tth_b06, tth_b07, tth_b08, tth_b09, tth_b10, tth_b11, tth_b12, tth_b13, tth_b14, tth_b15, tth_b16, tth_b17, tth_b18, tth_b19'

-- daily facts: the cases' contributions summed per key (cases of one grid, day, category,
-- department and source share a row)
INSERT INTO insight_fact (fact_day, grid_code, community_code, category_code, department_code, source, :measure_cols)
SELECT fact_day, grid_code, substr(grid_code, 1, 12), category_code, department_code, source, :contrib_sums
FROM bench_contrib GROUP BY fact_day, grid_code, category_code, department_code, source;

-- roll-ups (InsightStore.rollupsOf: every fact row counts in the day's and the month's row of each
-- rung of RegionLadder): the grids' days from the contributions, every other row from the level
-- below. Below the district a row's counters stay far under 2^31, so the sums over them read the
-- counters as int (SUM(int) accumulates in bigint; SUM(bigint) would use a 128-bit state, several
-- times slower).
INSERT INTO insight_rollup (granularity, region_code, period_start, region_level, :measure_cols)
SELECT 'D', grid_code, fact_day, 'GRID', :contrib_sums FROM bench_contrib GROUP BY grid_code, fact_day;
INSERT INTO insight_rollup (granularity, region_code, period_start, region_level, :measure_cols)
SELECT 'M', region_code, date_trunc('month', period_start)::date, 'GRID', :int_sums FROM insight_rollup
WHERE granularity = 'D' AND region_level = 'GRID' GROUP BY region_code, date_trunc('month', period_start)::date;
INSERT INTO insight_rollup (granularity, region_code, period_start, region_level, :measure_cols)
SELECT 'D', substr(region_code, 1, 12), period_start, 'COMMUNITY', :int_sums FROM insight_rollup
WHERE granularity = 'D' AND region_level = 'GRID' GROUP BY substr(region_code, 1, 12), period_start;
INSERT INTO insight_rollup (granularity, region_code, period_start, region_level, :measure_cols)
SELECT 'M', region_code, date_trunc('month', period_start)::date, 'COMMUNITY', :int_sums FROM insight_rollup
WHERE granularity = 'D' AND region_level = 'COMMUNITY' GROUP BY region_code, date_trunc('month', period_start)::date;
INSERT INTO insight_rollup (granularity, region_code, period_start, region_level, :measure_cols)
SELECT r.granularity, u.code, r.period_start, u.level, :int_sums
FROM insight_rollup r
CROSS JOIN LATERAL (VALUES (substr(r.region_code, 1, 9) || '000', 'SUBDISTRICT'),
  (substr(r.region_code, 1, 6) || '000000', 'DISTRICT'), (substr(r.region_code, 1, 4) || '00000000', 'CITY'),
  (substr(r.region_code, 1, 2) || '0000000000', 'PROVINCE'), ('000000000000', 'COUNTRY')) AS u(code, level)
WHERE r.granularity = 'D' AND r.region_level = 'COMMUNITY'
GROUP BY r.granularity, u.code, r.period_start, u.level;
INSERT INTO insight_rollup (granularity, region_code, period_start, region_level, :measure_cols)
SELECT 'M', region_code, date_trunc('month', period_start)::date, region_level, :rollup_sums FROM insight_rollup
WHERE granularity = 'D' AND region_level IN ('SUBDISTRICT', 'DISTRICT', 'CITY', 'PROVINCE', 'COUNTRY')
GROUP BY region_code, date_trunc('month', period_start)::date, region_level;

-- the cases' rows as CaseFold leaves them after their events (status, alert of the open ones)
INSERT INTO insight_case (case_id, grid_code, grid_at, community_code, category_code, source, department_code,
  department_at, status, status_at, reported_at, accepted_at, accepted_on_time, time_to_accept_s, spot_at,
  first_dispatched_at, returned, handled_at, handled_on_time, time_to_handle_s, reworked, verified_at, closed_at,
  rated_at, rating, due_soon, overdue, alert_at, alert, updated_at)
SELECT lpad(to_hex(id), 32, '0')::uuid, grid_code, reported_at, substr(grid_code, 1, 12), category_code, source,
  department_code, COALESCE(dispatched_at, spot_at), CASE WHEN open THEN 'HANDLED' ELSE 'CLOSED' END,
  COALESCE(closed_at, handled_at), reported_at, accepted_at, CASE WHEN NOT spot THEN accepted_on_time END,
  CASE WHEN NOT spot THEN tta_s END, spot_at, dispatched_at, returned, handled_at, handled_on_time, tth_s, reworked,
  verified_at, closed_at, rated_at, rating, open, open, CASE WHEN open THEN handled_at + interval '1 day' END,
  CASE WHEN open THEN 'OVERDUE' END, COALESCE(rated_at, closed_at, handled_at)
FROM bench_case;

-- the migration's keys and indexes
ALTER TABLE insight_fact ADD PRIMARY KEY (fact_day, grid_code, category_code, department_code, source);
CREATE INDEX insight_fact_grid_idx ON insight_fact (grid_code, fact_day);
ALTER TABLE insight_rollup ADD PRIMARY KEY (granularity, region_code, period_start);
CREATE INDEX insight_rollup_level_idx ON insight_rollup (region_level, region_code, granularity, period_start);
CREATE INDEX insight_rollup_period_idx ON insight_rollup (granularity, region_level, period_start, region_code,
    reported, accepted, closed);
ALTER TABLE insight_case ADD PRIMARY KEY (case_id);
CREATE INDEX insight_case_alert_idx ON insight_case (alert, grid_code);
CREATE INDEX insight_case_reported_idx ON insight_case (reported_at);
CREATE INDEX insight_case_accepted_idx ON insight_case (accepted_at);
CREATE INDEX insight_case_handled_idx ON insight_case (handled_at);
CREATE INDEX insight_case_closed_idx ON insight_case (closed_at);
-- the baseline's index: the cases module's cases_case_grid_idx
CREATE INDEX bench_case_grid_idx ON bench_case (grid_code, reported_at);
DROP TABLE bench_contrib;
VACUUM ANALYZE insight_fact;
VACUUM ANALYZE insight_rollup;
VACUUM ANALYZE insight_case;
VACUUM ANALYZE bench_case;
\timing off
SELECT (SELECT COUNT(*) FROM bench_case) AS cases, (SELECT COUNT(*) FROM insight_fact) AS fact_rows,
  (SELECT COUNT(*) FROM insight_rollup) AS rollup_rows,
  pg_size_pretty(pg_total_relation_size('insight_fact') + pg_total_relation_size('insight_rollup')
    + pg_total_relation_size('insight_case')) AS read_models, pg_size_pretty(pg_total_relation_size('bench_case')) AS cases_table;

-- the read models of ADR 0030, from the facts and cases derived above
\ir derive-slices.sql
