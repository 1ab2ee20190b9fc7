-- Follow-up campaigns (专项行动): a target group from the registers, a schedule and an outcome form;
-- the target list frozen at start, one follow-up per subject and due day, home-service tasks.
CREATE TABLE campaigns_campaign
(
    id               UUID                     NOT NULL PRIMARY KEY,
    name             VARCHAR(100)             NOT NULL,
    description      VARCHAR(1000),
    scope_code       VARCHAR(15)              NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    -- target: CRITERIA (the columns below) or LIST (campaigns_list_entry)
    target_mode      VARCHAR(16)              NOT NULL,
    subject_kind     VARCHAR(16)              NOT NULL,
    tag_codes        VARCHAR(1000),
    region_codes     VARCHAR(2000),
    residency        VARCHAR(16),
    enterprise_flags VARCHAR(200),
    -- schedule: ONCE on start_date, DAILY, or WEEKLY on the weekdays (1 = Monday … 7 = Sunday, comma separated)
    schedule_kind    VARCHAR(16)              NOT NULL,
    start_date       DATE                     NOT NULL,
    end_date         DATE,
    weekdays         VARCHAR(20),
    outcome_form     TEXT                     NOT NULL,
    target_count     INT                      NOT NULL,
    generated_through DATE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       VARCHAR(64),
    started_at       TIMESTAMP WITH TIME ZONE,
    ended_at         TIMESTAMP WITH TIME ZONE,
    version          BIGINT                   NOT NULL
);
CREATE INDEX campaigns_campaign_scope_idx ON campaigns_campaign (scope_code);

-- An uploaded target list: the subjects its rows resolved to, until the campaign starts.
CREATE TABLE campaigns_list_entry
(
    campaign_id  UUID        NOT NULL REFERENCES campaigns_campaign (id) ON DELETE CASCADE,
    subject_kind VARCHAR(16) NOT NULL,
    subject_id   UUID        NOT NULL,
    PRIMARY KEY (campaign_id, subject_id)
);

-- The frozen target list: who was targeted when the campaign started, and in which grid.
CREATE TABLE campaigns_target
(
    campaign_id  UUID         NOT NULL REFERENCES campaigns_campaign (id) ON DELETE CASCADE,
    subject_kind VARCHAR(16)  NOT NULL,
    subject_id   UUID         NOT NULL,
    subject_name VARCHAR(200) NOT NULL,
    grid_code    VARCHAR(15)  NOT NULL,
    PRIMARY KEY (campaign_id, subject_id)
);
CREATE INDEX campaigns_target_grid_idx ON campaigns_target (campaign_id, grid_code);

-- One follow-up per campaign, due day and subject: the unique key makes a second generation run
-- (a rerun, or another instance) unable to double a list.
CREATE TABLE campaigns_followup
(
    id                 UUID                     NOT NULL PRIMARY KEY,
    campaign_id        UUID                     NOT NULL REFERENCES campaigns_campaign (id) ON DELETE CASCADE,
    due_day            DATE                     NOT NULL,
    subject_kind       VARCHAR(16)              NOT NULL,
    subject_id         UUID                     NOT NULL,
    subject_name       VARCHAR(200)             NOT NULL,
    grid_code          VARCHAR(15)              NOT NULL,
    worker_id          UUID,
    worker_name        VARCHAR(50),
    status             VARCHAR(16)              NOT NULL,
    checked            BOOLEAN,
    reason_missed      VARCHAR(500),
    needs_home_service BOOLEAN,
    outcome            TEXT,
    recorded_at        TIMESTAMP WITH TIME ZONE,
    recorded_by        VARCHAR(64),
    latitude           DOUBLE PRECISION,
    longitude          DOUBLE PRECISION,
    CONSTRAINT campaigns_followup_uk UNIQUE (campaign_id, due_day, subject_id)
);
CREATE INDEX campaigns_followup_day_grid_idx ON campaigns_followup (campaign_id, due_day, grid_code);
CREATE INDEX campaigns_followup_grid_day_idx ON campaigns_followup (grid_code, due_day);

-- A home visit the grid owes someone who cannot come out (上门服务); the case loop may take it over.
CREATE TABLE campaigns_home_service_task
(
    id           UUID                     NOT NULL PRIMARY KEY,
    campaign_id  UUID                     NOT NULL REFERENCES campaigns_campaign (id) ON DELETE CASCADE,
    followup_id  UUID                     NOT NULL REFERENCES campaigns_followup (id) ON DELETE CASCADE,
    subject_kind VARCHAR(16)              NOT NULL,
    subject_id   UUID                     NOT NULL,
    subject_name VARCHAR(200)             NOT NULL,
    grid_code    VARCHAR(15)              NOT NULL,
    note         VARCHAR(1000),
    status       VARCHAR(16)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64),
    done_at      TIMESTAMP WITH TIME ZONE,
    done_by      VARCHAR(64),
    CONSTRAINT campaigns_home_service_followup_uk UNIQUE (followup_id)
);
CREATE INDEX campaigns_home_service_grid_idx ON campaigns_home_service_task (grid_code, status);
