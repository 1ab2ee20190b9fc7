-- The targeted registers: tags, households, residents with their tags and status history,
-- enterprises, visits, and import jobs with their refused rows.
-- ID numbers and phones are stored only encrypted (AES-GCM, key id in front) with an HMAC beside
-- them for exact search (ADR 0010). A credit code is public and stored in plain text.
CREATE TABLE registers_tag
(
    code       VARCHAR(32)  NOT NULL PRIMARY KEY,
    name_zh    VARCHAR(50)  NOT NULL,
    name_en    VARCHAR(80)  NOT NULL,
    category   VARCHAR(16)  NOT NULL,
    sort_order INT          NOT NULL,
    active     BOOLEAN      NOT NULL
);

CREATE TABLE registers_household
(
    id          UUID                     NOT NULL PRIMARY KEY,
    grid_code   VARCHAR(15)              NOT NULL,
    address     VARCHAR(200)             NOT NULL,
    building    VARCHAR(20),
    unit        VARCHAR(20),
    room        VARCHAR(20),
    head_id     UUID,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL,
    CONSTRAINT registers_household_address_uk UNIQUE (address, building, unit, room)
);
CREATE INDEX registers_household_grid_idx ON registers_household (grid_code);

CREATE TABLE registers_resident
(
    id           UUID                     NOT NULL PRIMARY KEY,
    name         VARCHAR(50)              NOT NULL,
    id_cipher    VARCHAR(200),
    id_hash      VARCHAR(64),
    gender       VARCHAR(8),
    birth_date   DATE,
    phone_cipher VARCHAR(200),
    phone_hash   VARCHAR(64),
    household_id UUID REFERENCES registers_household (id),
    address      VARCHAR(200),
    building     VARCHAR(20),
    unit         VARCHAR(20),
    room         VARCHAR(20),
    longitude    DOUBLE PRECISION,
    latitude     DOUBLE PRECISION,
    grid_code    VARCHAR(15)              NOT NULL,
    residency    VARCHAR(16)              NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    content_hash VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT                   NOT NULL,
    CONSTRAINT registers_resident_id_hash_uk UNIQUE (id_hash)
);
CREATE INDEX registers_resident_grid_idx ON registers_resident (grid_code, name);
CREATE INDEX registers_resident_phone_hash_idx ON registers_resident (phone_hash);
CREATE INDEX registers_resident_household_idx ON registers_resident (household_id);

CREATE TABLE registers_resident_tag
(
    resident_id UUID        NOT NULL REFERENCES registers_resident (id) ON DELETE CASCADE,
    tag_code    VARCHAR(32) NOT NULL REFERENCES registers_tag (code),
    PRIMARY KEY (resident_id, tag_code)
);
CREATE INDEX registers_resident_tag_code_idx ON registers_resident_tag (tag_code);

CREATE TABLE registers_resident_status
(
    id          UUID                     NOT NULL PRIMARY KEY,
    resident_id UUID                     NOT NULL REFERENCES registers_resident (id) ON DELETE CASCADE,
    from_status VARCHAR(16),
    to_status   VARCHAR(16)              NOT NULL,
    reason      VARCHAR(200),
    changed_by  VARCHAR(64),
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX registers_resident_status_resident_idx ON registers_resident_status (resident_id);

CREATE TABLE registers_enterprise
(
    id                   UUID                     NOT NULL PRIMARY KEY,
    name                 VARCHAR(100)             NOT NULL,
    credit_code          VARCHAR(18)              NOT NULL,
    address              VARCHAR(200),
    longitude            DOUBLE PRECISION,
    latitude             DOUBLE PRECISION,
    grid_code            VARCHAR(15)              NOT NULL,
    industry             VARCHAR(50),
    employee_count       INT,
    contact_name         VARCHAR(50),
    contact_phone_cipher VARCHAR(200),
    contact_phone_hash   VARCHAR(64),
    above_designated_size BOOLEAN                 NOT NULL,
    high_tech            BOOLEAN                  NOT NULL,
    srdi                 BOOLEAN                  NOT NULL,
    little_giant         BOOLEAN                  NOT NULL,
    listed               BOOLEAN                  NOT NULL,
    content_hash         VARCHAR(64)              NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT                   NOT NULL,
    CONSTRAINT registers_enterprise_credit_code_uk UNIQUE (credit_code)
);
CREATE INDEX registers_enterprise_grid_idx ON registers_enterprise (grid_code, name);

CREATE TABLE registers_visit
(
    id           UUID                     NOT NULL PRIMARY KEY,
    subject_kind VARCHAR(16)              NOT NULL,
    subject_id   UUID                     NOT NULL,
    grid_code    VARCHAR(15)              NOT NULL,
    channel      VARCHAR(16)              NOT NULL,
    visited_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    notes        VARCHAR(1000),
    longitude    DOUBLE PRECISION,
    latitude     DOUBLE PRECISION,
    visitor_id   UUID                     NOT NULL,
    visitor_name VARCHAR(64)              NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX registers_visit_subject_idx ON registers_visit (subject_kind, subject_id);
CREATE INDEX registers_visit_grid_idx ON registers_visit (grid_code, visited_at);

CREATE TABLE registers_import_job
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

CREATE TABLE registers_import_refusal
(
    job_id      UUID         NOT NULL REFERENCES registers_import_job (id) ON DELETE CASCADE,
    row_no      INT          NOT NULL,
    column_name VARCHAR(50),
    code        VARCHAR(64)  NOT NULL,
    message_zh  VARCHAR(300) NOT NULL,
    message_en  VARCHAR(300) NOT NULL,
    PRIMARY KEY (job_id, row_no, code)
);

INSERT INTO registers_tag (code, name_zh, name_en, category, sort_order, active) VALUES
('ELDERLY_ALONE', '独居老人', 'Elderly living alone', 'SPECIAL', 10, TRUE),
('DISABLED', '残疾人', 'Disabled', 'SPECIAL', 20, TRUE),
('LOW_INCOME', '低保户', 'Low income', 'SPECIAL', 30, TRUE),
('MINOR', '未成年人', 'Minor', 'SPECIAL', 40, TRUE),
('LEFT_BEHIND_CHILD', '留守儿童', 'Left-behind child', 'SPECIAL', 50, TRUE),
('VETERAN', '退役军人', 'Veteran', 'SPECIAL', 60, TRUE),
('LIMITED_MOBILITY', '行动不便', 'Limited mobility', 'SPECIAL', 70, TRUE),
('COMMUNITY_CORRECTION', '社区矫正对象', 'Under community correction', 'KEY', 110, TRUE),
('RELEASED_PRISONER', '刑满释放人员', 'Released prisoner', 'KEY', 120, TRUE),
('MENTAL_DISORDER', '严重精神障碍患者', 'Severe mental disorder', 'KEY', 130, TRUE),
('DRUG_REHAB', '社区戒毒康复人员', 'Drug rehabilitation', 'KEY', 140, TRUE),
('PETITIONER', '重点信访人员', 'Key petitioner', 'KEY', 150, TRUE),
('TRAVELLER', '返乡人员', 'Traveller', 'FOLLOW_UP', 210, TRUE),
('DAILY_CHECK', '每日询问居民', 'Daily check resident', 'FOLLOW_UP', 220, TRUE),
('ENTERPRISE_EMPLOYEE', '企业员工', 'Enterprise employee', 'FOLLOW_UP', 230, TRUE);
