-- Read models that keep the insight reads flat at city scale (ADR 0030). Nothing here changes the
-- columns or keys of insight_fact, insight_rollup or insight_case: a database derived with the earlier
-- schema stays usable after this migration and a derive step (bench/insight/derive-slices.sql).
--
-- insight_slice_rollup: the counters of insight_rollup per region (COMMUNITY and above) x one slice
-- (slice_kind CATEGORY, DEPARTMENT or SOURCE, slice_value the leaf category, department or source as
-- in insight_fact) x day (D) or month (M, period_start = the 1st). A breakdown by category, department
-- or source, and a summary or trend with exactly one such filter, read a few rows here instead of
-- summing the region's daily facts. Grids keep reading insight_fact (a grid has few facts).
CREATE TABLE insight_slice_rollup
(
    granularity          VARCHAR(1)               NOT NULL,
    region_code          VARCHAR(15)              NOT NULL,
    slice_kind           VARCHAR(10)              NOT NULL,
    slice_value          VARCHAR(64)              NOT NULL,
    period_start         DATE                     NOT NULL,
    region_level         VARCHAR(12)              NOT NULL,
    reported             BIGINT NOT NULL DEFAULT 0,
    accepted             BIGINT NOT NULL DEFAULT 0,
    accepted_on_time     BIGINT NOT NULL DEFAULT 0,
    accept_timed         BIGINT NOT NULL DEFAULT 0,
    tta_sum_s            BIGINT NOT NULL DEFAULT 0,
    solved_on_the_spot   BIGINT NOT NULL DEFAULT 0,
    dispatched           BIGINT NOT NULL DEFAULT 0,
    returned             BIGINT NOT NULL DEFAULT 0,
    handled              BIGINT NOT NULL DEFAULT 0,
    handled_on_time      BIGINT NOT NULL DEFAULT 0,
    tth_sum_s            BIGINT NOT NULL DEFAULT 0,
    verified             BIGINT NOT NULL DEFAULT 0,
    reworked             BIGINT NOT NULL DEFAULT 0,
    closed               BIGINT NOT NULL DEFAULT 0,
    rated                BIGINT NOT NULL DEFAULT 0,
    rating_sum           BIGINT NOT NULL DEFAULT 0,
    rated_good           BIGINT NOT NULL DEFAULT 0,
    tta_b00              BIGINT NOT NULL DEFAULT 0,
    tta_b01              BIGINT NOT NULL DEFAULT 0,
    tta_b02              BIGINT NOT NULL DEFAULT 0,
    tta_b03              BIGINT NOT NULL DEFAULT 0,
    tta_b04              BIGINT NOT NULL DEFAULT 0,
    tta_b05              BIGINT NOT NULL DEFAULT 0,
    tta_b06              BIGINT NOT NULL DEFAULT 0,
    tta_b07              BIGINT NOT NULL DEFAULT 0,
    tta_b08              BIGINT NOT NULL DEFAULT 0,
    tta_b09              BIGINT NOT NULL DEFAULT 0,
    tta_b10              BIGINT NOT NULL DEFAULT 0,
    tta_b11              BIGINT NOT NULL DEFAULT 0,
    tta_b12              BIGINT NOT NULL DEFAULT 0,
    tta_b13              BIGINT NOT NULL DEFAULT 0,
    tta_b14              BIGINT NOT NULL DEFAULT 0,
    tta_b15              BIGINT NOT NULL DEFAULT 0,
    tta_b16              BIGINT NOT NULL DEFAULT 0,
    tta_b17              BIGINT NOT NULL DEFAULT 0,
    tta_b18              BIGINT NOT NULL DEFAULT 0,
    tta_b19              BIGINT NOT NULL DEFAULT 0,
    tth_b00              BIGINT NOT NULL DEFAULT 0,
    tth_b01              BIGINT NOT NULL DEFAULT 0,
    tth_b02              BIGINT NOT NULL DEFAULT 0,
    tth_b03              BIGINT NOT NULL DEFAULT 0,
    tth_b04              BIGINT NOT NULL DEFAULT 0,
    tth_b05              BIGINT NOT NULL DEFAULT 0,
    tth_b06              BIGINT NOT NULL DEFAULT 0,
    tth_b07              BIGINT NOT NULL DEFAULT 0,
    tth_b08              BIGINT NOT NULL DEFAULT 0,
    tth_b09              BIGINT NOT NULL DEFAULT 0,
    tth_b10              BIGINT NOT NULL DEFAULT 0,
    tth_b11              BIGINT NOT NULL DEFAULT 0,
    tth_b12              BIGINT NOT NULL DEFAULT 0,
    tth_b13              BIGINT NOT NULL DEFAULT 0,
    tth_b14              BIGINT NOT NULL DEFAULT 0,
    tth_b15              BIGINT NOT NULL DEFAULT 0,
    tth_b16              BIGINT NOT NULL DEFAULT 0,
    tth_b17              BIGINT NOT NULL DEFAULT 0,
    tth_b18              BIGINT NOT NULL DEFAULT 0,
    tth_b19              BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (granularity, region_code, slice_kind, slice_value, period_start)
);

-- insight_alert_count: the cases overdue / due soon now (insight_case.alert) per region (GRID and above)
-- x slice (ALL with slice_value '', and for COMMUNITY and above also CATEGORY, DEPARTMENT, SOURCE with
-- the case's value, '' when unknown) x alert. The projection moves a case's +1 from its old keys to its
-- new ones when its alert, grid, category, department or source changes; rows that went back to 0 stay.
CREATE TABLE insight_alert_count
(
    region_code          VARCHAR(15)              NOT NULL,
    slice_kind           VARCHAR(10)              NOT NULL,
    slice_value          VARCHAR(64)              NOT NULL,
    alert                VARCHAR(8)               NOT NULL,
    region_level         VARCHAR(12)              NOT NULL,
    cases                BIGINT                   NOT NULL DEFAULT 0,
    PRIMARY KEY (region_code, slice_kind, slice_value, alert)
);
CREATE INDEX insight_alert_count_level_idx ON insight_alert_count (region_level, slice_kind, region_code);

-- the drill-down's first page of one grid (or the grids of a community) in the order of the moment,
-- without walking the moment's index over the whole city: the two moments the statistics page links
-- most (reported, closed). Both columns are indexed already, so the updates that could be HOT stay HOT.
CREATE INDEX insight_case_grid_reported_idx ON insight_case (grid_code, reported_at);
CREATE INDEX insight_case_grid_closed_idx ON insight_case (grid_code, closed_at);
