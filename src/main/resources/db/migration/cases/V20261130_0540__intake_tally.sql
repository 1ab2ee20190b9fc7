-- The intake tally: one row per reported case, written by the CaseReported listener (through the
-- outbox, so a crash cannot lose a case and a redelivery cannot count one twice), with the local
-- day it was reported on. The dashboard counts intakes per day, source and grid from here.
CREATE TABLE cases_intake_tally
(
    case_id       UUID                     NOT NULL PRIMARY KEY,
    intake_day    DATE                     NOT NULL,
    source        VARCHAR(16)              NOT NULL,
    grid_code     VARCHAR(15)              NOT NULL,
    category_code VARCHAR(32)              NOT NULL,
    reported_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cases_intake_tally_day_idx ON cases_intake_tally (intake_day, source);
