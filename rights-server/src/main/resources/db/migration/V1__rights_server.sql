-- Rights server schema, version 1. The same SQL runs on SQLite and PostgreSQL.
-- No column ever holds a plain content-encryption key, a key share, a passcode or a session token:
-- keys are stored wrapped (JWE to a server key or to the key service), codes and tokens as hashes.

CREATE TABLE message (
    cid                TEXT PRIMARY KEY,
    issuer             TEXT NOT NULL,
    owner_thumbprint   TEXT NOT NULL,
    publishing_license TEXT NOT NULL,
    content_key        TEXT,
    share_a            TEXT,
    share_b            TEXT,
    key_service        TEXT,
    content            TEXT,
    branding           TEXT,
    registered_at      BIGINT NOT NULL,
    not_after          BIGINT,
    revoked_at         BIGINT,
    revocation_reason  TEXT
);

CREATE TABLE passcode (
    cid          TEXT NOT NULL,
    licensee     TEXT NOT NULL,
    salt         TEXT,
    code_hash    TEXT,
    expires_at   BIGINT NOT NULL,
    failures     INTEGER NOT NULL,
    locked_until BIGINT NOT NULL,
    PRIMARY KEY (cid, licensee)
);

CREATE TABLE passcode_send (
    id       TEXT PRIMARY KEY,
    cid      TEXT NOT NULL,
    licensee TEXT NOT NULL,
    sent_at  BIGINT NOT NULL
);
CREATE INDEX passcode_send_by_licensee ON passcode_send (cid, licensee, sent_at);

CREATE TABLE recipient_session (
    token_hash TEXT PRIMARY KEY,
    licensee   TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE access_log (
    id        TEXT PRIMARY KEY,
    cid       TEXT NOT NULL,
    seq       BIGINT NOT NULL,
    at_ms     BIGINT NOT NULL,
    licensee  TEXT,
    client    TEXT,
    channel   TEXT NOT NULL,
    outcome   TEXT NOT NULL,
    reason    TEXT NOT NULL,
    device    TEXT,
    not_after BIGINT
);
CREATE INDEX access_log_by_message ON access_log (cid, seq);

CREATE TABLE request_nonce (
    jti     TEXT PRIMARY KEY,
    seen_at BIGINT NOT NULL
);
