-- What a case's assignee (a department or a grid worker) is told: dispatched to them, put under
-- supervision (督办), due soon, overdue, sent back for rework, extension approved. Written by a
-- listener in the transaction that publishes the event, so a notification is never lost nor
-- written twice. grid_code is the case's grid when the event happened (the reader's scope check).
CREATE TABLE cases_notification
(
    id            UUID                     NOT NULL PRIMARY KEY,
    case_id       UUID                     NOT NULL REFERENCES cases_case (id),
    grid_code     VARCHAR(15)              NOT NULL,
    assignee_kind VARCHAR(16)              NOT NULL,
    assignee_id   VARCHAR(64)              NOT NULL,
    kind          VARCHAR(24)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX cases_notification_assignee_idx ON cases_notification (assignee_id, created_at);
CREATE INDEX cases_notification_case_idx ON cases_notification (case_id);
