-- Grid workers, the grids they serve, their training records and assessments.
-- The work phone is stored only encrypted (AES-GCM, key id in front) with an HMAC for exact search.
CREATE TABLE workforce_worker
(
    id           UUID                     NOT NULL PRIMARY KEY,
    name         VARCHAR(50)              NOT NULL,
    employment   VARCHAR(16)              NOT NULL,
    source       VARCHAR(32)              NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    phone_cipher VARCHAR(200)             NOT NULL,
    phone_hash   VARCHAR(64)              NOT NULL,
    user_id      UUID,
    username     VARCHAR(64),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT                   NOT NULL,
    CONSTRAINT workforce_worker_user_uk UNIQUE (user_id)
);
CREATE INDEX workforce_worker_phone_hash_idx ON workforce_worker (phone_hash);

-- lead_grid holds the grid code when the worker leads that grid, else NULL: the unique constraint
-- keeps one lead per grid on H2 and PostgreSQL alike (both allow many NULLs in a unique column).
CREATE TABLE workforce_assignment
(
    worker_id UUID        NOT NULL REFERENCES workforce_worker (id) ON DELETE CASCADE,
    grid_code VARCHAR(15) NOT NULL,
    is_lead   BOOLEAN     NOT NULL,
    lead_grid VARCHAR(15),
    PRIMARY KEY (worker_id, grid_code),
    CONSTRAINT workforce_assignment_lead_uk UNIQUE (lead_grid)
);
CREATE INDEX workforce_assignment_grid_idx ON workforce_assignment (grid_code);

CREATE TABLE workforce_training
(
    id          UUID                     NOT NULL PRIMARY KEY,
    worker_id   UUID                     NOT NULL REFERENCES workforce_worker (id) ON DELETE CASCADE,
    topic       VARCHAR(100)             NOT NULL,
    held_on     DATE                     NOT NULL,
    hours       DOUBLE PRECISION         NOT NULL,
    provider    VARCHAR(100)             NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX workforce_training_worker_idx ON workforce_training (worker_id);

CREATE TABLE workforce_assessment
(
    id          UUID                     NOT NULL PRIMARY KEY,
    worker_id   UUID                     NOT NULL REFERENCES workforce_worker (id) ON DELETE CASCADE,
    period      VARCHAR(7)               NOT NULL,
    score       INT                      NOT NULL,
    assessor    VARCHAR(50)              NOT NULL,
    note        VARCHAR(500),
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT workforce_assessment_period_uk UNIQUE (worker_id, period)
);
