-- Generates :n cases over three years (2023-01-01 .. 2025-12-31, Asia/Shanghai) in 10,000 grids
-- (20 subdistricts x 25 communities x 20 grids of district 440704) into bench_case, the plain
-- cases table of the GROUP BY baseline, then the insight read models from them exactly as the
-- application lays them out: insight_case (one row per case, as CaseFold leaves it), insight_fact
-- (day x grid x category x department x source, the counters of Contributions.of) and
-- insight_rollup (day and month x every rung of RegionLadder). Deterministic (setseed).
--
-- Set-based and fast enough for 10 M cases on two cores: the tables are UNLOGGED and without
-- indexes while loading (the indexes of the migration are created afterwards, with the same
-- names); each case's contributions are merged per day first into a narrow staging table
-- (bench_contrib, integers), and every level is one INSERT ... SELECT ... GROUP BY over it or over
-- the level below. The derivation follows Contributions.of rule by rule (see the comments); the
-- delay benchmark (InsightDelayBenchmark --check) compares it with what the running application's
-- projection wrote for the same cases.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET maintenance_work_mem = '1GB';
SET work_mem = '1GB';
SET max_parallel_workers_per_gather = 2;
-- days are Asia/Shanghai days (Contributions.ZONE): ts::date in this session is (ts AT TIME ZONE 'Asia/Shanghai')::date
SET TIME ZONE 'Asia/Shanghai';
\timing on
DROP TABLE IF EXISTS bench_case;
SELECT setseed(0.20240101);

-- The cases. One in ten is solved on the spot by its grid worker (no acceptance, no dispatch,
-- handled at the spot moment); the others are accepted 3..52 min after the report, dispatched 10 min
-- later (to a department or a grid worker), handled 1 h..2 days later, verified 20 min after that and
-- closed 1 h later; one in 23 was returned once, one in 29 reworked, one in 167 is still open
-- (handled, not verified, overdue now), two in five closed cases are rated.
CREATE UNLOGGED TABLE bench_case AS
SELECT h.*,
  CASE WHEN NOT h.open THEN h.handled_at + interval '20 minutes' END AS verified_at,
  CASE WHEN NOT h.open THEN h.handled_at + interval '80 minutes' END AS closed_at,
  CASE WHEN h.rating IS NOT NULL THEN h.handled_at + interval '140 minutes' END AS rated_at
FROM (
  SELECT c.*,
    CASE WHEN c.spot THEN NULL ELSE c.reported_at + make_interval(secs => c.tta_s) END AS accepted_at,
    CASE WHEN c.spot THEN c.reported_at + interval '2 minutes' END AS spot_at,
    CASE WHEN c.spot THEN NULL ELSE c.reported_at + make_interval(secs => c.tta_s + 600) END AS dispatched_at,
    -- a case solved on the spot is handled by that very event (CaseHandled with solvedOnTheSpot)
    CASE WHEN c.spot THEN c.reported_at + interval '2 minutes'
      ELSE c.reported_at + make_interval(secs => c.tta_s + 600 + c.tth_s) END AS handled_at
  FROM (
    SELECT g.i AS id, g.spot,
      '440704' || lpad((1 + (g.gr / 500))::text, 3, '0') || lpad((1 + (g.gr / 20) % 25)::text, 3, '0')
        || lpad((1 + g.gr % 20)::text, 3, '0') AS grid_code,
      'CAT' || lpad((g.i % 40)::text, 2, '0') AS category_code,
      (ARRAY['PATROL','RESIDENT','HOTLINE','PETITION','IMPORT'])[1 + (g.i / 7) % 5] AS source,
      CASE WHEN g.spot OR g.i % 9 = 0 THEN 'GRID_WORKER'
        ELSE (ARRAY['URBAN_MGMT','MARKET_REG','ECO_ENV','POLICE','HOUSING','COMMUNITY'])[1 + (g.i / 11) % 6] END
        AS department_code,
      g.rep AS reported_at,
      CASE WHEN g.spot THEN 0 ELSE (3 + g.i % 50) * 60 END AS tta_s,
      (g.i % 50) < 30 AS accepted_on_time,
      CASE WHEN g.spot THEN 120 ELSE (60 + (g.i * 37) % 2880) * 60 END AS tth_s,
      g.spot OR (g.i * 37) % 2880 < 2400 AS handled_on_time,
      NOT g.spot AND g.i % 23 = 0 AS returned,
      g.i % 29 = 0 AS reworked,
      g.i % 167 = 0 AS open,
      CASE WHEN g.i % 167 <> 0 AND g.i % 5 < 2 THEN 3 + g.i % 3 END AS rating
    FROM (SELECT i, i % 10 = 0 AS spot, (random() * 9999)::int AS gr,
                 timestamptz '2023-01-01 00:00+08' + random() * interval '1095 days' AS rep
          FROM generate_series(1, :n) AS i) AS g
  ) AS c
) AS h;
VACUUM ANALYZE bench_case;

-- the read models from bench_case
\ir derive.sql
