-- Users, their roles and region scope.
CREATE TABLE identity_user
(
    id                  UUID                     NOT NULL PRIMARY KEY,
    username            VARCHAR(64)              NOT NULL,
    display_name        VARCHAR(100)             NOT NULL,
    password_hash       VARCHAR(100)             NOT NULL,
    scope_code          VARCHAR(15)              NOT NULL,
    enabled             BOOLEAN                  NOT NULL,
    failed_attempts     INT                      NOT NULL DEFAULT 0,
    locked_until        TIMESTAMP WITH TIME ZONE,
    last_login_at       TIMESTAMP WITH TIME ZONE,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT                   NOT NULL,
    CONSTRAINT identity_user_username_uk UNIQUE (username)
);
CREATE INDEX identity_user_scope_idx ON identity_user (scope_code);

CREATE TABLE identity_user_role
(
    user_id UUID        NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    role    VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, role)
);
