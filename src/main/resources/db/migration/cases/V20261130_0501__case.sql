-- Cases, their timeline, and which users act for which department.
-- grid_code is the grid the locator resolved the report to (with the boundary version it was
-- resolved against), or, for a point outside every grid, the region the case was reported in:
-- such a case is "unassigned" until the command centre assigns a grid.
CREATE TABLE cases_case
(
    id                   UUID                     NOT NULL PRIMARY KEY,
    tracking_code        VARCHAR(12)              NOT NULL,
    source               VARCHAR(16)              NOT NULL,
    category_code        VARCHAR(32)              NOT NULL,
    status               VARCHAR(16)              NOT NULL,
    grid_code            VARCHAR(15)              NOT NULL,
    community_code       VARCHAR(15),
    boundary_version     INT,
    unassigned           BOOLEAN                  NOT NULL,
    longitude            DOUBLE PRECISION,
    latitude             DOUBLE PRECISION,
    address              VARCHAR(200),
    description          VARCHAR(4000)            NOT NULL,
    reporter_user_id     UUID,
    reporter_name        VARCHAR(50),
    reporter_phone       VARCHAR(200),
    reporter_phone_hash  VARCHAR(64),
    reporter_phone_masked VARCHAR(20),
    hotline_order_no     VARCHAR(64),
    assignee_kind        VARCHAR(16),
    assignee_id          VARCHAR(64),
    routing_rule_id      UUID,
    merged_into          UUID,
    reported_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    accept_deadline      TIMESTAMP WITH TIME ZONE NOT NULL,
    first_dispatched_at  TIMESTAMP WITH TIME ZONE,
    deadline_from        TIMESTAMP WITH TIME ZONE,
    deadline             TIMESTAMP WITH TIME ZONE,
    due_soon_at          TIMESTAMP WITH TIME ZONE,
    pending_extension    TIMESTAMP WITH TIME ZONE,
    accepted_on_time     BOOLEAN,
    dispatched_correctly BOOLEAN                  NOT NULL,
    handled_on_time      BOOLEAN,
    time_to_accept_s     BIGINT,
    time_to_handle_s     BIGINT,
    rework_count         INT                      NOT NULL,
    return_count         INT                      NOT NULL,
    extension_count      INT                      NOT NULL,
    supervised           BOOLEAN                  NOT NULL,
    supervision_count    INT                      NOT NULL,
    due_soon             BOOLEAN                  NOT NULL,
    overdue              BOOLEAN                  NOT NULL,
    solved_on_the_spot   BOOLEAN                  NOT NULL,
    rating               INT,
    rating_comment       VARCHAR(500),
    closed_at            TIMESTAMP WITH TIME ZONE,
    timeline_size        INT                      NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT                   NOT NULL,
    CONSTRAINT cases_case_tracking_uk UNIQUE (tracking_code),
    CONSTRAINT cases_case_hotline_uk UNIQUE (hotline_order_no)
);
CREATE INDEX cases_case_grid_idx ON cases_case (grid_code, reported_at);
CREATE INDEX cases_case_status_idx ON cases_case (status, reported_at);
CREATE INDEX cases_case_category_idx ON cases_case (category_code, reported_at);
CREATE INDEX cases_case_assignee_idx ON cases_case (assignee_id, status);
CREATE INDEX cases_case_due_soon_idx ON cases_case (due_soon_at);
CREATE INDEX cases_case_deadline_idx ON cases_case (deadline);
CREATE INDEX cases_case_phone_idx ON cases_case (reporter_phone_hash);

-- One row per step; attachment_ids is a comma-separated list of attachment ids.
CREATE TABLE cases_timeline
(
    case_id        UUID                     NOT NULL REFERENCES cases_case (id),
    seq            INT                      NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id       UUID,
    actor_name     VARCHAR(100),
    role           VARCHAR(32)              NOT NULL,
    from_status    VARCHAR(16),
    to_status      VARCHAR(16)              NOT NULL,
    action         VARCHAR(32)              NOT NULL,
    note           VARCHAR(4000),
    attachment_ids VARCHAR(1000),
    public_safe    BOOLEAN                  NOT NULL,
    PRIMARY KEY (case_id, seq)
);

CREATE TABLE cases_department_member
(
    department_code VARCHAR(32) NOT NULL,
    user_id         UUID        NOT NULL,
    PRIMARY KEY (department_code, user_id)
);
CREATE INDEX cases_department_member_user_idx ON cases_department_member (user_id);
