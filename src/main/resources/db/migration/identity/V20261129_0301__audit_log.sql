-- The audit log: append-only. The application only inserts and reads; it has no statement
-- that updates or deletes a row. In production grant the application's database role
-- INSERT and SELECT on this table only (see docs/operations.md).
CREATE TABLE identity_audit_log
(
    id             UUID                     NOT NULL PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id        UUID,
    username       VARCHAR(64),
    roles          VARCHAR(200),
    scope_code     VARCHAR(15),
    action         VARCHAR(200)             NOT NULL,
    record_type    VARCHAR(64),
    record_id      VARCHAR(64),
    outcome        VARCHAR(16)              NOT NULL,
    client_address VARCHAR(64),
    request_id     VARCHAR(64),
    detail         VARCHAR(1000)
);
CREATE INDEX identity_audit_log_time_idx ON identity_audit_log (occurred_at);
CREATE INDEX identity_audit_log_user_idx ON identity_audit_log (username, occurred_at);
CREATE INDEX identity_audit_log_record_idx ON identity_audit_log (record_type, record_id);
