-- p50 and p95 (ms, inside PostgreSQL) of the insight API's queries against the GROUP BY baseline
-- over bench_case, for the city (district 440704), one community and one grid, for a month and a
-- year. The insight SQL is the SQL InsightReads sends for the same call.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE OR REPLACE FUNCTION bench_time(q text, n int) RETURNS TABLE(p50 float8, p95 float8) AS $$
DECLARE t0 timestamptz; ms float8[] := '{}'; i int;
BEGIN
  EXECUTE q;
  FOR i IN 1..n LOOP
    t0 := clock_timestamp();
    EXECUTE q;
    ms := ms || (extract(epoch FROM clock_timestamp() - t0) * 1000)::float8;
  END LOOP;
  RETURN QUERY SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x), percentile_cont(0.95) WITHIN GROUP (ORDER BY x)
    FROM unnest(ms) AS x;
END $$ LANGUAGE plpgsql;

CREATE TEMP TABLE bench_result (call text, region text, period text, insight_p50 float8, insight_p95 float8,
  baseline_p50 float8, baseline_p95 float8);

CREATE OR REPLACE FUNCTION bench_run(runs int) RETURNS void AS $$
DECLARE
  r record; p record; ins record; base record;
  sums text := 'SUM(reported), SUM(accepted), SUM(closed), SUM(handled), SUM(handled_on_time), SUM(accept_timed), SUM(accepted_on_time), SUM(tta_sum_s), SUM(tth_sum_s), SUM(rated), SUM(rating_sum), SUM(rated_good)';
  span text; base_where text; q_ins text; q_base text; lvl text;
BEGIN
  FOR r IN SELECT * FROM (VALUES ('city', '440700000000', '4407'), ('community', '440704001001', '440704001001'),
      ('grid', '440704001001001', '440704001001001')) AS t(name, code, prefix) LOOP
    FOR p IN SELECT * FROM (VALUES ('month', date '2025-06-01', date '2025-06-30'),
        ('year', date '2025-01-01', date '2025-12-31')) AS t(name, f, t) LOOP
      span := format($s$((granularity = 'M' AND period_start BETWEEN %L AND %L) OR (granularity = 'D' AND period_start BETWEEN %L AND %L) OR (granularity = 'D' AND period_start BETWEEN %L AND %L))$s$,
        p.f, date_trunc('month', p.t)::date, date '9999-12-31', date '0001-01-01', date '9999-12-31', date '0001-01-01');
      base_where := format($s$grid_code LIKE %L AND ((reported_at >= %L::date::timestamptz AND reported_at < (%L::date + 1)::timestamptz) OR (closed_at >= %L::date::timestamptz AND closed_at < (%L::date + 1)::timestamptz) OR (accepted_at >= %L::date::timestamptz AND accepted_at < (%L::date + 1)::timestamptz) OR (handled_at >= %L::date::timestamptz AND handled_at < (%L::date + 1)::timestamptz))$s$,
        r.prefix || '%', p.f, p.t, p.f, p.t, p.f, p.t, p.f, p.t);
      -- summary (headline tiles)
      q_ins := format('SELECT %s FROM insight_rollup WHERE region_code = %L AND %s', sums, r.code, span);
      q_base := format($s$SELECT COUNT(*) FILTER (WHERE reported_at >= %L::date::timestamptz AND reported_at < (%L::date + 1)::timestamptz),
        COUNT(*) FILTER (WHERE accepted_at >= %L::date::timestamptz AND accepted_at < (%L::date + 1)::timestamptz),
        COUNT(*) FILTER (WHERE closed_at >= %L::date::timestamptz AND closed_at < (%L::date + 1)::timestamptz),
        COUNT(*) FILTER (WHERE handled_at >= %L::date::timestamptz AND handled_at < (%L::date + 1)::timestamptz AND handled_on_time),
        SUM(tta_s) FILTER (WHERE accepted_at >= %L::date::timestamptz AND accepted_at < (%L::date + 1)::timestamptz),
        AVG(rating) FILTER (WHERE closed_at >= %L::date::timestamptz AND closed_at < (%L::date + 1)::timestamptz)
        FROM bench_case WHERE %s$s$, p.f, p.t, p.f, p.t, p.f, p.t, p.f, p.t, p.f, p.t, p.f, p.t, base_where);
      SELECT * INTO ins FROM bench_time(q_ins, runs);
      SELECT * INTO base FROM bench_time(q_base, runs);
      INSERT INTO bench_result VALUES ('summary', r.name, p.name, ins.p50, ins.p95, base.p50, base.p95);
      -- trend (by day for a month, by month for a year)
      IF p.name = 'month' THEN
        q_ins := format('SELECT period_start, %s FROM insight_rollup WHERE granularity = %L AND region_code = %L AND period_start BETWEEN %L AND %L GROUP BY period_start', sums, 'D', r.code, p.f, p.t);
        q_base := format($s$SELECT (reported_at AT TIME ZONE 'Asia/Shanghai')::date, COUNT(*), COUNT(closed_at) FROM bench_case WHERE %s GROUP BY 1$s$, base_where);
      ELSE
        q_ins := format('SELECT period_start, %s FROM insight_rollup WHERE region_code = %L AND %s GROUP BY period_start', sums, r.code, span);
        q_base := format($s$SELECT date_trunc('month', reported_at AT TIME ZONE 'Asia/Shanghai'), COUNT(*), COUNT(closed_at) FROM bench_case WHERE %s GROUP BY 1$s$, base_where);
      END IF;
      SELECT * INTO ins FROM bench_time(q_ins, runs);
      SELECT * INTO base FROM bench_time(q_base, runs);
      INSERT INTO bench_result VALUES ('trend', r.name, p.name, ins.p50, ins.p95, base.p50, base.p95);
      -- breakdown (ranking) one level down: communities of the city, grids of a community
      IF r.name <> 'grid' THEN
        lvl := CASE WHEN r.name = 'city' THEN 'COMMUNITY' ELSE 'GRID' END;
        q_ins := format('SELECT region_code, %s FROM insight_rollup WHERE region_level = %L AND region_code >= %L AND region_code < %L AND %s GROUP BY region_code', sums, lvl, r.prefix, (r.prefix::numeric + 1)::text, span);
        q_base := format($s$SELECT %s, COUNT(*), COUNT(closed_at) FROM bench_case WHERE %s GROUP BY 1$s$,
          CASE WHEN r.name = 'city' THEN 'substr(grid_code, 1, 12)' ELSE 'grid_code' END, base_where);
        SELECT * INTO ins FROM bench_time(q_ins, runs);
        SELECT * INTO base FROM bench_time(q_base, greatest(3, runs / 4));
        INSERT INTO bench_result VALUES ('breakdown', r.name, p.name, ins.p50, ins.p95, base.p50, base.p95);
      END IF;
    END LOOP;
  END LOOP;
END $$ LANGUAGE plpgsql;

SELECT bench_run(:runs);
SELECT call, region, period, round(insight_p50::numeric, 2) AS insight_p50_ms, round(insight_p95::numeric, 2) AS insight_p95_ms,
  round(baseline_p50::numeric, 1) AS group_by_p50_ms, round(baseline_p95::numeric, 1) AS group_by_p95_ms,
  round((baseline_p95 / NULLIF(insight_p95, 0))::numeric, 0) AS ratio_p95
FROM bench_result ORDER BY call, region, period;
