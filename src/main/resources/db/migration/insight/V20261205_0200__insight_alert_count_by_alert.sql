-- The city's map reads the cases overdue now of its 10,000 grids, in code order (ADR 0035). Through
-- insight_alert_count_level_idx PostgreSQL fetched the rows of both alerts from the heap and sorted the
-- overdue ones (7-11 ms in PostgreSQL at 10 M cases); with the alert before the code, and the count in
-- the index, it reads them in order from the index alone (3-4 ms). The rankings' and pages' reads of both
-- alerts use it as well. (Key columns rather than INCLUDE, which H2 does not have.)
CREATE INDEX insight_alert_count_alert_idx ON insight_alert_count (region_level, slice_kind, alert, region_code, cases);
