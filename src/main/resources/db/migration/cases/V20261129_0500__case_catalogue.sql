-- The case catalogue: departments that handle cases, the two-level category tree with the stage
-- deadlines of each leaf, the working calendar (holidays and make-up working days per year) and
-- the routing rules. Categories and rules name departments by code, so reference data can be
-- loaded before an installation has created its departments.
CREATE TABLE cases_department
(
    id          UUID                     NOT NULL PRIMARY KEY,
    code        VARCHAR(32)              NOT NULL,
    name        VARCHAR(100)             NOT NULL,
    region_code VARCHAR(15)              NOT NULL,
    active      BOOLEAN                  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL,
    CONSTRAINT cases_department_code_uk UNIQUE (code)
);

-- A class has no parent and no leaf columns; a leaf has a parent class, a default department and
-- the deadline of each stage in minutes (working minutes, or calendar minutes when emergency).
CREATE TABLE cases_category
(
    code               VARCHAR(32)              NOT NULL PRIMARY KEY,
    parent_code        VARCHAR(32) REFERENCES cases_category (code),
    name               VARCHAR(50)              NOT NULL,
    name_en            VARCHAR(100)             NOT NULL,
    sort_order         INT                      NOT NULL,
    default_department VARCHAR(32),
    accept_minutes     INT,
    dispatch_minutes   INT,
    handle_minutes     INT,
    verify_minutes     INT,
    emergency          BOOLEAN                  NOT NULL,
    closure_condition  VARCHAR(500),
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT                   NOT NULL
);
CREATE INDEX cases_category_parent_idx ON cases_category (parent_code);

CREATE TABLE cases_calendar_year
(
    calendar_year INT                      NOT NULL PRIMARY KEY,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL
);

-- kind is HOLIDAY or WORKDAY (a make-up working day); a date has one kind at most.
CREATE TABLE cases_calendar_day
(
    on_date       DATE        NOT NULL PRIMARY KEY,
    calendar_year INT         NOT NULL REFERENCES cases_calendar_year (calendar_year) ON DELETE CASCADE,
    kind          VARCHAR(16) NOT NULL
);
CREATE INDEX cases_calendar_day_year_idx ON cases_calendar_day (calendar_year);

CREATE TABLE cases_routing_rule
(
    id              UUID                     NOT NULL PRIMARY KEY,
    category_code   VARCHAR(32)              NOT NULL REFERENCES cases_category (code),
    region_code     VARCHAR(15)              NOT NULL,
    target_kind     VARCHAR(16)              NOT NULL,
    department_code VARCHAR(32),
    priority        INT                      NOT NULL,
    note            VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL
);
CREATE INDEX cases_routing_rule_category_idx ON cases_routing_rule (category_code);
