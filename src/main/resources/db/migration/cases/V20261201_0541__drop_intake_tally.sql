-- The intake tally (V20261130_0540) was the first outbox listener of CaseReported, kept until the
-- insight read models existed. The insight projection now counts every intake (per day, grid,
-- category, source and department) from the same events, so the tally was a second publication and
-- a second transaction per intake that nothing read (ADR 0029).
DROP TABLE cases_intake_tally;
