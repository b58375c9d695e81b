-- Sealmail store, schema version 1. Times are UTC epoch milliseconds; booleans are 0/1.

CREATE TABLE account (
    id                 INTEGER PRIMARY KEY,
    name               TEXT    NOT NULL UNIQUE,
    imap_host          TEXT,
    imap_port          INTEGER,
    imap_security      TEXT,
    imap_username      TEXT,
    smtp_host          TEXT,
    smtp_port          INTEGER,
    smtp_security      TEXT,
    smtp_username      TEXT,
    default_protection TEXT    NOT NULL
);

CREATE TABLE identity (
    id                   INTEGER PRIMARY KEY,
    account_id           INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    position             INTEGER NOT NULL,
    display_name         TEXT,
    address              TEXT    NOT NULL,
    signing_key_store    TEXT,
    encryption_key_store TEXT
);
CREATE INDEX identity_by_account ON identity (account_id, position);

-- account_id NULL: a local folder (imports, archives)
CREATE TABLE folder (
    id             INTEGER PRIMARY KEY,
    account_id     INTEGER REFERENCES account (id) ON DELETE CASCADE,
    name           TEXT    NOT NULL,
    delimiter      TEXT,
    special_use    TEXT,
    uid_validity   INTEGER,
    uid_next       INTEGER,
    highest_modseq INTEGER,
    subscribed     INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX folder_by_name ON folder (ifnull(account_id, 0), name);

CREATE TABLE message (
    id              INTEGER PRIMARY KEY,
    folder_id       INTEGER NOT NULL REFERENCES folder (id) ON DELETE CASCADE,
    uid             INTEGER,
    message_id      TEXT,
    content_hash    BLOB,
    subject         TEXT,
    from_list       TEXT,
    to_list         TEXT,
    cc_list         TEXT,
    sent_date       INTEGER,
    internal_date   INTEGER NOT NULL,
    in_reply_to     TEXT,
    references_list TEXT,
    conversation_id INTEGER NOT NULL,
    flags           INTEGER NOT NULL DEFAULT 0,
    keywords        TEXT    NOT NULL DEFAULT '',
    size            INTEGER NOT NULL,
    mime_structure  TEXT,
    protection      TEXT    NOT NULL,
    parse_warning   TEXT,
    body_fetched    INTEGER NOT NULL
);
CREATE INDEX message_by_folder_date ON message (folder_id, internal_date DESC, id DESC);
CREATE INDEX message_by_conversation ON message (conversation_id);
CREATE INDEX message_by_message_id ON message (message_id);
CREATE UNIQUE INDEX message_by_uid ON message (folder_id, uid) WHERE uid IS NOT NULL;
CREATE UNIQUE INDEX message_dedupe ON message (folder_id, ifnull(message_id, ''), content_hash)
    WHERE content_hash IS NOT NULL;

-- the raw message as received (RFC 5322 bytes), deflate-compressed; absent while not fetched
CREATE TABLE message_raw (
    message_id INTEGER PRIMARY KEY REFERENCES message (id) ON DELETE CASCADE,
    compressed BLOB NOT NULL
);

-- every Message-ID seen (own, References, In-Reply-To) -> its conversation;
-- owned = 1 once a stored message carries this Message-ID
CREATE TABLE conversation_link (
    header_message_id TEXT PRIMARY KEY,
    conversation_id   INTEGER NOT NULL,
    owned             INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX conversation_link_by_conversation ON conversation_link (conversation_id);

-- full-text index, contentless: only terms are kept; rowid = message.id
CREATE VIRTUAL TABLE message_fts USING fts5(
    subject, sender, recipients, body,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER message_fts_delete AFTER DELETE ON message BEGIN
    DELETE FROM message_fts WHERE rowid = old.id;
END;

CREATE TABLE certificate (
    id                        INTEGER PRIMARY KEY,
    address                   TEXT    NOT NULL,
    sha256_fingerprint        TEXT    NOT NULL,
    der                       BLOB    NOT NULL,
    subject                   TEXT    NOT NULL,
    issuer                    TEXT    NOT NULL,
    not_before                INTEGER NOT NULL,
    not_after                 INTEGER NOT NULL,
    smime_capabilities        TEXT    NOT NULL DEFAULT '',
    encryption_key_preference INTEGER NOT NULL DEFAULT 0,
    source                    TEXT    NOT NULL,
    first_seen                INTEGER NOT NULL,
    last_seen                 INTEGER NOT NULL,
    UNIQUE (address, sha256_fingerprint)
);

-- AES-256-GCM (nonce || ciphertext || tag) of the license under the store key
CREATE TABLE use_license (
    content_id TEXT    NOT NULL,
    licensee   TEXT    NOT NULL,
    not_after  INTEGER NOT NULL,
    sealed     BLOB    NOT NULL,
    PRIMARY KEY (content_id, licensee)
) WITHOUT ROWID;
CREATE INDEX use_license_by_not_after ON use_license (not_after);

CREATE TABLE draft (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER REFERENCES account (id) ON DELETE CASCADE,
    protection   TEXT    NOT NULL,
    subject      TEXT,
    content      BLOB    NOT NULL,
    sealed       INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    envelope_from   TEXT    NOT NULL,
    recipients      TEXT    NOT NULL,
    compressed      BLOB    NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('QUEUED', 'SENDING', 'SENT', 'FAILED')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    queued_at       INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at, id);

-- Transport (IMAP/SMTP) state per account (the mail transport's tables).

-- what an account trusts for TLS beyond the platform's CAs:
-- ANCHOR = a CA certificate (PEM) trusted with PKIX path validation;
-- PIN    = the SHA-256 fingerprint (AA:BB:..) of one server certificate the user accepted explicitly
CREATE TABLE account_tls_trust (
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('ANCHOR', 'PIN')),
    value      TEXT    NOT NULL,
    added_at   INTEGER NOT NULL,
    PRIMARY KEY (account_id, kind, value)
);

-- an account whose credentials a server rejected; nothing connects for it until they change
CREATE TABLE account_status (
    account_id             INTEGER PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    authentication_failure TEXT,
    updated_at             INTEGER NOT NULL
);
