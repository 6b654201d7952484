-- CDS Hooks security (issue 15). Portable SQL: the same file runs on H2 (the embedded default) and PostgreSQL.

-- Secrets every instance of the service must share, by name. The first instance that needs one generates it and
-- inserts it; the others read it (the primary key settles a race). 'card-id-mac' keys the MAC that binds a card
-- uuid to the client it was issued to, unless primum.cdshooks.security.card-id-secret configures one.
-- Anyone who can read this table can forge card ids: configure the secret where the database is not trusted.
CREATE TABLE cds_server_secret (
    name       VARCHAR(100)             NOT NULL PRIMARY KEY,
    secret     VARCHAR(200)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Client JWT ids already used (replay protection across instances): one row per accepted token until it expires.
-- token_key is the SHA-256 (hex) of the issuer and the jti, so the key has a bounded length whatever the jti;
-- expires_at is the token's exp plus the clock skew allowed, in epoch seconds. Expired rows are swept.
CREATE TABLE cds_token_use (
    token_key  VARCHAR(64)  NOT NULL PRIMARY KEY,
    issuer     VARCHAR(500) NOT NULL,
    expires_at BIGINT       NOT NULL
);
CREATE INDEX cds_token_use_expiry ON cds_token_use (expires_at);

-- The feedback summary is read per client (the issuer of its JWT).
CREATE INDEX cds_feedback_client ON cds_feedback (client_issuer);
