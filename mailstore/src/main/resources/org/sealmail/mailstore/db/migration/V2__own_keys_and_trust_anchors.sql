-- the user's own private keys with their certificate chains; the PKCS#8 private key is sealed
-- with the store key (AES-256-GCM, StoreKeyCipher), never stored in clear
CREATE TABLE own_key (
    id                 INTEGER PRIMARY KEY,
    alias              TEXT    NOT NULL,
    sha256_fingerprint TEXT    NOT NULL UNIQUE,
    key_algorithm      TEXT    NOT NULL,
    sealed_private_key BLOB    NOT NULL,
    chain_pem          TEXT    NOT NULL,
    not_before         INTEGER NOT NULL,
    added_at           INTEGER NOT NULL
);

-- CA certificates S/MIME signatures and protected-message issuers are validated against
CREATE TABLE trust_anchor (
    sha256_fingerprint TEXT    PRIMARY KEY,
    certificate_pem    TEXT    NOT NULL,
    added_at           INTEGER NOT NULL
);

-- small per-profile settings (name -> value)
CREATE TABLE profile_setting (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
