-- Generates :n cases over three years (2023-01-01 .. 2025-12-31, Asia/Shanghai) in 10,000 grids
-- (20 subdistricts x 25 communities x 20 grids of district 440704) into bench_case, then the
-- insight read models from them exactly as the application lays them out: insight_fact (day x grid
-- x category x department x source) and insight_rollup (day and month x every region level).
-- Deterministic (setseed). Counters of the dashboard tiles are filled: reported, accepted (on time,
-- timed, time sums), handled (on time, time sums), closed, rated.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_case;
TRUNCATE insight_fact, insight_rollup, insight_case;
SELECT setseed(0.20240101);
CREATE UNLOGGED TABLE bench_case AS
SELECT g.i AS id,
       '440704' || lpad((1 + (gr / 500))::text, 3, '0') || lpad((1 + (gr / 20) % 25)::text, 3, '0')
         || lpad((1 + gr % 20)::text, 3, '0') AS grid_code,
       'CAT' || lpad((g.i % 40)::text, 2, '0') AS category_code,
       (ARRAY['PATROL','RESIDENT','HOTLINE','PETITION','IMPORT'])[1 + (g.i / 7) % 5] AS source,
       (ARRAY['URBAN_MGMT','MARKET_REG','ECO_ENV','POLICE','HOUSING','COMMUNITY'])[1 + (g.i / 11) % 6] AS department_code,
       rep AS reported_at,
       rep + make_interval(mins => 3 + (g.i % 50)) AS accepted_at,
       (g.i % 50) < 30 AS accepted_on_time,
       (3 + (g.i % 50)) * 60 AS tta_s,
       rep + make_interval(mins => 60 + (g.i * 37) % 2880) AS handled_at,
       (g.i * 37) % 2880 < 2400 AS handled_on_time,
       (60 + (g.i * 37) % 2880) * 60 AS tth_s,
       CASE WHEN g.i % 167 = 0 THEN NULL ELSE rep + make_interval(mins => 200 + (g.i * 37) % 2880) END AS closed_at,
       CASE WHEN g.i % 5 < 2 THEN 3 + g.i % 3 END AS rating
FROM (SELECT i, (random() * 9999)::int AS gr,
             timestamptz '2023-01-01 00:00+08' + random() * interval '1095 days' AS rep
      FROM generate_series(1, :n) AS i) AS g;
CREATE INDEX bench_case_grid_idx ON bench_case (grid_code, reported_at);
ANALYZE bench_case;

INSERT INTO insight_fact (fact_day, grid_code, community_code, category_code, department_code, source, reported,
  accepted, accepted_on_time, accept_timed, tta_sum_s, handled, handled_on_time, tth_sum_s, closed, rated, rating_sum,
  rated_good)
SELECT d, grid_code, substr(grid_code, 1, 12), category_code, department_code, source, SUM(rp), SUM(ac), SUM(aot),
  SUM(ac), SUM(tta), SUM(h), SUM(hot), SUM(tth), SUM(cl), SUM(ra), SUM(rs), SUM(rg)
FROM (
  SELECT (reported_at AT TIME ZONE 'Asia/Shanghai')::date d, grid_code, category_code, department_code, source,
    1 rp, 0 ac, 0 aot, 0 tta, 0 h, 0 hot, 0 tth, 0 cl, 0 ra, 0 rs, 0 rg FROM bench_case
  UNION ALL
  SELECT (accepted_at AT TIME ZONE 'Asia/Shanghai')::date, grid_code, category_code, department_code, source,
    0, 1, CASE WHEN accepted_on_time THEN 1 ELSE 0 END, tta_s, 0, 0, 0, 0, 0, 0, 0 FROM bench_case
  UNION ALL
  SELECT (handled_at AT TIME ZONE 'Asia/Shanghai')::date, grid_code, category_code, department_code, source,
    0, 0, 0, 0, 1, CASE WHEN handled_on_time THEN 1 ELSE 0 END, tth_s, 0, 0, 0, 0 FROM bench_case
  UNION ALL
  SELECT (closed_at AT TIME ZONE 'Asia/Shanghai')::date, grid_code, category_code, department_code, source,
    0, 0, 0, 0, 0, 0, 0, 1, CASE WHEN rating IS NULL THEN 0 ELSE 1 END, COALESCE(rating, 0),
    CASE WHEN rating >= 4 THEN 1 ELSE 0 END FROM bench_case WHERE closed_at IS NOT NULL
) x
GROUP BY d, grid_code, category_code, department_code, source;

-- roll-ups: each grid row counts at its grid, community, subdistrict, district, city, province and root
INSERT INTO insight_rollup (granularity, region_code, period_start, region_level, reported, accepted, accepted_on_time,
  accept_timed, tta_sum_s, handled, handled_on_time, tth_sum_s, closed, rated, rating_sum, rated_good)
SELECT g, code, p, lvl, SUM(reported), SUM(accepted), SUM(accepted_on_time), SUM(accept_timed), SUM(tta_sum_s),
  SUM(handled), SUM(handled_on_time), SUM(tth_sum_s), SUM(closed), SUM(rated), SUM(rating_sum), SUM(rated_good)
FROM (
  SELECT gran.g, l.code, CASE WHEN gran.g = 'D' THEN f.fact_day ELSE date_trunc('month', f.fact_day)::date END p,
    l.lvl, f.*
  FROM insight_fact f
  CROSS JOIN (VALUES ('D'), ('M')) AS gran(g)
  CROSS JOIN LATERAL (VALUES (f.grid_code, 'GRID'), (substr(f.grid_code, 1, 12), 'COMMUNITY'),
    (substr(f.grid_code, 1, 9) || '000', 'SUBDISTRICT'), (substr(f.grid_code, 1, 6) || '000000', 'DISTRICT'),
    (substr(f.grid_code, 1, 4) || '00000000', 'CITY'), (substr(f.grid_code, 1, 2) || '0000000000', 'PROVINCE'),
    ('000000000000', 'COUNTRY')) AS l(code, lvl)
) r
GROUP BY g, code, p, lvl;
ANALYZE insight_fact;
ANALYZE insight_rollup;
SELECT (SELECT COUNT(*) FROM bench_case) AS cases, (SELECT COUNT(*) FROM insight_fact) AS fact_rows,
  (SELECT COUNT(*) FROM insight_rollup) AS rollup_rows;
