-- The derivation check: the cases the delay benchmark sent through the running application
-- (bench_live_case, today) are derived with derive.sql into a schema of their own, and the result
-- is compared row by row with what the application's projection wrote for today (daily facts) and
-- this month (roll-ups; the generated history ends in January 2026, so these rows hold only the
-- live events; the slice roll-ups likewise). The alert counts and the grids' yearly roll-ups are not
-- compared: the application's hold the generated history's open cases and January 2026 as well. The projection keeps rows whose counters went back to zero (a case's report moves
-- from department '' to its department when it is dispatched); those are left out, as they add
-- nothing. Prints the rows found on one side only: 0 and 0 means identical.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench_check CASCADE;
CREATE SCHEMA bench_check;
SET search_path = bench_check, public;
\ir ../../src/main/resources/db/migration/insight/V20261130_0800__insight.sql
\ir ../../src/main/resources/db/migration/insight/V20261202_0100__insight_slices.sql
CREATE TABLE bench_check.bench_case AS SELECT * FROM public.bench_live_case;
\ir derive.sql
\timing off
SET TIME ZONE 'Asia/Shanghai';
SELECT 'fact rows' AS rows, (SELECT COUNT(*) FROM bench_check.insight_fact) AS derived,
  (SELECT COUNT(*) FROM (SELECT * FROM public.insight_fact WHERE fact_day >= current_date - 1 AND (reported + accepted + accept_timed + solved_on_the_spot + dispatched + handled + verified + closed + rated) > 0
     EXCEPT SELECT * FROM bench_check.insight_fact) x) AS only_in_projection,
  (SELECT COUNT(*) FROM (SELECT * FROM bench_check.insight_fact
     EXCEPT SELECT * FROM public.insight_fact WHERE fact_day >= current_date - 1 AND (reported + accepted + accept_timed + solved_on_the_spot + dispatched + handled + verified + closed + rated) > 0) x) AS only_in_derivation
UNION ALL
SELECT 'roll-up rows', (SELECT COUNT(*) FROM bench_check.insight_rollup),
  (SELECT COUNT(*) FROM (SELECT * FROM public.insight_rollup WHERE period_start >= date_trunc('month', current_date - 1)::date AND (reported + accepted + accept_timed + solved_on_the_spot + dispatched + handled + verified + closed + rated) > 0
     AND granularity <> 'Y' EXCEPT SELECT * FROM bench_check.insight_rollup) x),
  (SELECT COUNT(*) FROM (SELECT * FROM bench_check.insight_rollup WHERE granularity <> 'Y'
     EXCEPT SELECT * FROM public.insight_rollup WHERE period_start >= date_trunc('month', current_date - 1)::date AND (reported + accepted + accept_timed + solved_on_the_spot + dispatched + handled + verified + closed + rated) > 0) x)
UNION ALL
SELECT 'slice roll-up rows', (SELECT COUNT(*) FROM bench_check.insight_slice_rollup),
  (SELECT COUNT(*) FROM (SELECT * FROM public.insight_slice_rollup WHERE period_start >= date_trunc('month', current_date - 1)::date AND (reported + accepted + accept_timed + solved_on_the_spot + dispatched + handled + verified + closed + rated) > 0
     EXCEPT SELECT * FROM bench_check.insight_slice_rollup) x),
  (SELECT COUNT(*) FROM (SELECT * FROM bench_check.insight_slice_rollup
     EXCEPT SELECT * FROM public.insight_slice_rollup WHERE period_start >= date_trunc('month', current_date - 1)::date AND (reported + accepted + accept_timed + solved_on_the_spot + dispatched + handled + verified + closed + rated) > 0) x);
DROP SCHEMA bench_check CASCADE;
