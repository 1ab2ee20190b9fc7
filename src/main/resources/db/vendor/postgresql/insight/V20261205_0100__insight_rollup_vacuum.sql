-- PostgreSQL only (db/vendor/postgresql, ADR 0035: storage settings, not schema; H2 has no VACUUM).
-- The city's map, rankings and pages by grid read a period's 10,000 grid rows from the roll-ups'
-- period index alone (index-only scans), which skips the heap only for pages that VACUUM has marked
-- all-visible. Since PostgreSQL 14, VACUUM skips the index clean-up when under 2 % of a table's pages
-- hold dead tuples, and those pages then stay not all-visible: measured at 10 M cases, the year's
-- 10,000 grid rows took 4.8 ms to read instead of 1.9 ms after a VACUUM with the index clean-up.
-- So: always clean the indexes, and vacuum the roll-ups after 2 % of their rows changed, not 20 %;
-- the same for the alert counts, whose overdue figures the map reads from an index (V20261205_0200).
ALTER TABLE insight_rollup SET (vacuum_index_cleanup = on, autovacuum_vacuum_scale_factor = 0.02);
ALTER TABLE insight_alert_count SET (vacuum_index_cleanup = on, autovacuum_vacuum_scale_factor = 0.02);
