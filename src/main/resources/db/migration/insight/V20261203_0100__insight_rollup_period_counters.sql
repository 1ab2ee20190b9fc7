-- The city's map and its rankings and pages by grid (ADR 0032) read a few counters of ten thousand
-- roll-up rows of one period: with those counters in the period index, PostgreSQL answers from the
-- index alone instead of fetching ten thousand wide rows from the heap. (Key columns rather than
-- INCLUDE, which H2 does not have; the index's leading columns, and so its other uses, are unchanged.)
DROP INDEX insight_rollup_period_idx;
CREATE INDEX insight_rollup_period_idx ON insight_rollup (granularity, region_level, period_start, region_code,
    reported, accepted, closed);
