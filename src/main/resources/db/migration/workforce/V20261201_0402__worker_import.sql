-- Import jobs of the grid-worker register and their refused rows (ADR 0027): the same columns as
-- registers' import jobs (ADR 0021), read and written by platform's ImportJobs, kept in workforce's
-- own tables so that no module reads another's.
CREATE TABLE workforce_import_job
(
    id           UUID                     NOT NULL PRIMARY KEY,
    kind         VARCHAR(16)              NOT NULL,
    file_name    VARCHAR(200)             NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    total        INT                      NOT NULL,
    processed    INT                      NOT NULL,
    accepted     INT                      NOT NULL,
    updated      INT                      NOT NULL,
    unchanged    INT                      NOT NULL,
    refused      INT                      NOT NULL,
    problem_code VARCHAR(64),
    problem_arg  VARCHAR(200),
    created_by   UUID                     NOT NULL,
    scope_code   VARCHAR(15)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE workforce_import_refusal
(
    job_id      UUID         NOT NULL REFERENCES workforce_import_job (id) ON DELETE CASCADE,
    row_no      INT          NOT NULL,
    column_name VARCHAR(50),
    code        VARCHAR(64)  NOT NULL,
    message_zh  VARCHAR(300) NOT NULL,
    message_en  VARCHAR(300) NOT NULL,
    PRIMARY KEY (job_id, row_no, code)
);
