-- Idempotency-Key records (ADR 0017): one row per (scope, endpoint, key). A PROCESSING row is a
-- request under way, leased until lease_until; owner_token fences a request whose lease was taken
-- over. A COMPLETED row holds the response to replay. Rows older than the retention are purged.
CREATE TABLE platform_idempotency_key (
    scope VARCHAR(100) NOT NULL,
    endpoint VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    state VARCHAR(16) NOT NULL,
    owner_token UUID NOT NULL,
    response_status INT,
    response_body TEXT,
    response_location VARCHAR(2000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_platform_idempotency_key PRIMARY KEY (scope, endpoint, idempotency_key),
    CONSTRAINT ck_platform_idempotency_key_state CHECK (state IN ('PROCESSING', 'COMPLETED'))
);

CREATE INDEX ix_platform_idempotency_key_created ON platform_idempotency_key (created_at);
