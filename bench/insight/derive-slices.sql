-- Derives only the read models of ADR 0030 (insight_slice_rollup, insight_alert_count, the grids'
-- yearly rows of insight_rollup and the two (grid_code, moment) indexes of insight_case) from the already derived insight_fact and insight_case,
-- exactly as the application lays them out. Idempotent: on a database derived with the earlier
-- schema, apply V20261202_0100__insight_slices.sql with psql, then run this; derive.sql runs it at its
-- end. The tables are those the search path finds first (public, or check.sql's schema).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET maintenance_work_mem = '1GB';
SET work_mem = '1GB';
SET max_parallel_workers_per_gather = 2;
\timing on
TRUNCATE insight_slice_rollup, insight_alert_count;
ALTER TABLE insight_slice_rollup DROP CONSTRAINT IF EXISTS insight_slice_rollup_pkey;
ALTER TABLE insight_alert_count DROP CONSTRAINT IF EXISTS insight_alert_count_pkey;
DROP INDEX IF EXISTS insight_alert_count_level_idx;

\set int_sums 'SUM(reported::int), SUM(accepted::int), SUM(accepted_on_time::int), SUM(accept_timed::int), SUM(tta_sum_s::int), SUM(solved_on_the_spot::int), SUM(dispatched::int), SUM(returned::int), SUM(handled::int), SUM(handled_on_time::int), SUM(tth_sum_s::int), SUM(verified::int), SUM(reworked::int), SUM(closed::int), SUM(rated::int), SUM(rating_sum::int), SUM(rated_good::int), SUM(tta_b00::int), SUM(tta_b01::int), SUM(tta_b02::int), SUM(tta_b03::int), SUM(tta_b04::int), SUM(tta_b05::int), SUM(tta_b06::int), SUM(tta_b07::int), SUM(tta_b08::int), SUM(tta_b09::int), SUM(tta_b10::int), SUM(tta_b11::int), SUM(tta_b12::int), SUM(tta_b13::int), SUM(tta_b14::int), SUM(tta_b15::int), SUM(tta_b16::int), SUM(tta_b17::int), SUM(tta_b18::int), SUM(tta_b19::int), SUM(tth_b00::int), SUM(tth_b01::int), SUM(tth_b02::int), SUM(tth_b03::int), SUM(tth_b04::int), SUM(tth_b05::int), SUM(tth_b06::int), SUM(tth_b07::int), SUM(tth_b08::int), SUM(tth_b09::int), SUM(tth_b10::int), SUM(tth_b11::int), SUM(tth_b12::int), SUM(tth_b13::int), SUM(tth_b14::int), SUM(tth_b15::int), SUM(tth_b16::int), SUM(tth_b17::int), SUM(tth_b18::int), SUM(tth_b19::int)'
\set rollup_sums 'SUM(reported), SUM(accepted), SUM(accepted_on_time), SUM(accept_timed), SUM(tta_sum_s), SUM(solved_on_the_spot), SUM(dispatched), SUM(returned), SUM(handled), SUM(handled_on_time), SUM(tth_sum_s), SUM(verified), SUM(reworked), SUM(closed), SUM(rated), SUM(rating_sum), SUM(rated_good), SUM(tta_b00), SUM(tta_b01), SUM(tta_b02), SUM(tta_b03), SUM(tta_b04), SUM(tta_b05), SUM(tta_b06), SUM(tta_b07), SUM(tta_b08), SUM(tta_b09), SUM(tta_b10), SUM(tta_b11), SUM(tta_b12), SUM(tta_b13), SUM(tta_b14), SUM(tta_b15), SUM(tta_b16), SUM(tta_b17), SUM(tta_b18), SUM(tta_b19), SUM(tth_b00), SUM(tth_b01), SUM(tth_b02), SUM(tth_b03), SUM(tth_b04), SUM(tth_b05), SUM(tth_b06), SUM(tth_b07), SUM(tth_b08), SUM(tth_b09), SUM(tth_b10), SUM(tth_b11), SUM(tth_b12), SUM(tth_b13), SUM(tth_b14), SUM(tth_b15), SUM(tth_b16), SUM(tth_b17), SUM(tth_b18), SUM(tth_b19)'
\set measure_cols 'reported, accepted, accepted_on_time, accept_timed, tta_sum_s, solved_on_the_spot, dispatched, returned, handled, handled_on_time, tth_sum_s, verified, reworked, closed, rated, rating_sum, rated_good, tta_b00, tta_b01, tta_b02, tta_b03, tta_b04, tta_b05, tta_b06, tta_b07, tta_b08, tta_b09, tta_b10, tta_b11, tta_b12, tta_b13, tta_b14, tta_b15, tta_b16, tta_b17, tta_b18, tta_b19, tth_b00, tth_b01, tth_b02, tth_b03, tth_b04, tth_b05, tth_b06, tth_b07, tth_b08, tth_b09, tth_b10, tth_b11, tth_b12, tth_b13, tth_b14, tth_b15, tth_b16, tth_b17, tth_b18, tth_b19'

-- slice roll-ups (InsightStore.slicesOf: every fact row counts, for each of its category, department
-- and source, in the day's and the month's row of each rung of RegionLadder from COMMUNITY up): the
-- communities' days from the facts, their months from their days, every higher rung from the
-- communities' rows. A community's day or month stays far under 2^31 in each counter (read as int).
INSERT INTO insight_slice_rollup (granularity, region_code, slice_kind, slice_value, period_start, region_level,
  :measure_cols)
SELECT 'D', substr(f.grid_code, 1, 12), s.kind, s.value, f.fact_day, 'COMMUNITY', :int_sums
FROM insight_fact f
CROSS JOIN LATERAL (VALUES ('CATEGORY', f.category_code), ('DEPARTMENT', f.department_code),
  ('SOURCE', f.source)) AS s(kind, value)
GROUP BY substr(f.grid_code, 1, 12), s.kind, s.value, f.fact_day;
INSERT INTO insight_slice_rollup (granularity, region_code, slice_kind, slice_value, period_start, region_level,
  :measure_cols)
SELECT 'M', region_code, slice_kind, slice_value, date_trunc('month', period_start)::date, 'COMMUNITY', :int_sums
FROM insight_slice_rollup WHERE granularity = 'D' AND region_level = 'COMMUNITY'
GROUP BY region_code, slice_kind, slice_value, date_trunc('month', period_start)::date;
INSERT INTO insight_slice_rollup (granularity, region_code, slice_kind, slice_value, period_start, region_level,
  :measure_cols)
SELECT r.granularity, u.code, r.slice_kind, r.slice_value, r.period_start, u.level, :int_sums
FROM insight_slice_rollup r
CROSS JOIN LATERAL (VALUES (substr(r.region_code, 1, 9) || '000', 'SUBDISTRICT'),
  (substr(r.region_code, 1, 6) || '000000', 'DISTRICT'), (substr(r.region_code, 1, 4) || '00000000', 'CITY'),
  (substr(r.region_code, 1, 2) || '0000000000', 'PROVINCE'), ('000000000000', 'COUNTRY')) AS u(code, level)
WHERE r.region_level = 'COMMUNITY'
GROUP BY r.granularity, u.code, r.slice_kind, r.slice_value, r.period_start, u.level;

-- the grids' years in insight_rollup (granularity Y, period_start = 1 January; GRID level only, see
-- InsightStore.rollupsOf): from the grids' months, replaced whole
DELETE FROM insight_rollup WHERE granularity = 'Y';
INSERT INTO insight_rollup (granularity, region_code, period_start, region_level, :measure_cols)
SELECT 'Y', region_code, date_trunc('year', period_start)::date, 'GRID', :int_sums FROM insight_rollup
WHERE granularity = 'M' AND region_level = 'GRID' GROUP BY region_code, date_trunc('year', period_start)::date;

-- current alert counts (InsightStore.alertsOf: every case overdue or due soon now counts once in each
-- rung of its grid's RegionLadder, without a slice, and from COMMUNITY up also under its category,
-- department and source, '' when unknown)
INSERT INTO insight_alert_count (region_code, slice_kind, slice_value, alert, region_level, cases)
SELECT r.code, s.kind, s.value, c.alert, r.level, COUNT(*)
FROM insight_case c
CROSS JOIN LATERAL (VALUES (c.grid_code, 'GRID'), (substr(c.grid_code, 1, 12), 'COMMUNITY'),
  (substr(c.grid_code, 1, 9) || '000', 'SUBDISTRICT'), (substr(c.grid_code, 1, 6) || '000000', 'DISTRICT'),
  (substr(c.grid_code, 1, 4) || '00000000', 'CITY'), (substr(c.grid_code, 1, 2) || '0000000000', 'PROVINCE'),
  ('000000000000', 'COUNTRY')) AS r(code, level)
CROSS JOIN LATERAL (VALUES ('ALL', ''), ('CATEGORY', COALESCE(c.category_code, '')),
  ('DEPARTMENT', c.department_code), ('SOURCE', COALESCE(c.source, ''))) AS s(kind, value)
WHERE c.alert IS NOT NULL AND length(c.grid_code) = 15 AND (s.kind = 'ALL' OR r.level <> 'GRID')
GROUP BY r.code, s.kind, s.value, c.alert, r.level;

-- the migration's keys and indexes
ALTER TABLE insight_slice_rollup ADD PRIMARY KEY (granularity, region_code, slice_kind, slice_value, period_start);
ALTER TABLE insight_alert_count ADD PRIMARY KEY (region_code, slice_kind, slice_value, alert);
CREATE INDEX insight_alert_count_level_idx ON insight_alert_count (region_level, slice_kind, region_code);
CREATE INDEX IF NOT EXISTS insight_case_grid_reported_idx ON insight_case (grid_code, reported_at);
CREATE INDEX IF NOT EXISTS insight_case_grid_closed_idx ON insight_case (grid_code, closed_at);
-- (and V20261204_0100__insight_case_community_moments.sql's)
CREATE INDEX IF NOT EXISTS insight_case_community_reported_idx ON insight_case (community_code, reported_at);
CREATE INDEX IF NOT EXISTS insight_case_community_closed_idx ON insight_case (community_code, closed_at);
VACUUM ANALYZE insight_slice_rollup;
VACUUM ANALYZE insight_alert_count;
VACUUM ANALYZE insight_rollup;
ANALYZE insight_case;
\timing off
SELECT (SELECT COUNT(*) FROM insight_slice_rollup) AS slice_rows, (SELECT COUNT(*) FROM insight_alert_count) AS alert_rows,
  pg_size_pretty(pg_total_relation_size('insight_slice_rollup') + pg_total_relation_size('insight_alert_count')) AS slices;
