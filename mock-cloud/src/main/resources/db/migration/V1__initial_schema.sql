-- Portable between SQLite and PostgreSQL: TEXT ids (random UUIDs), BIGINT epoch milliseconds, INTEGER 0/1 booleans.
-- Secrets (passwords, auth keys, API tokens, device and user codes, session ids) are stored only as hashes.

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE organisations (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    trial_started_at BIGINT NOT NULL,
    created_at       BIGINT NOT NULL
);

CREATE TABLE memberships (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    user_id         TEXT NOT NULL REFERENCES users (id),
    role            TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

-- owner_kind is 'user' or 'organisation'; owner_id the id of that user or organisation.
-- public_key is NULL while the device is signed out.
CREATE TABLE devices (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    serial_number       TEXT NOT NULL,
    owner_kind          TEXT NOT NULL,
    owner_id            TEXT NOT NULL,
    public_key          TEXT,
    hostname            TEXT,
    board_model         TEXT,
    board_revision      TEXT,
    board_memory        TEXT,
    os_name             TEXT,
    os_version          TEXT,
    kernel_architecture TEXT,
    client_version      TEXT,
    created_at          BIGINT NOT NULL,
    last_seen           BIGINT,
    UNIQUE (owner_kind, owner_id, serial_number)
);
CREATE INDEX devices_owner ON devices (owner_kind, owner_id);

CREATE TABLE device_tags (
    device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    tag       TEXT NOT NULL,
    position  INTEGER NOT NULL,
    PRIMARY KEY (device_id, tag)
);

-- kind is 'personal' (rpuak_) or 'organisation' (rpoak_).
CREATE TABLE auth_keys (
    id             TEXT PRIMARY KEY,
    secret_hash    TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL,
    owner_kind     TEXT NOT NULL,
    owner_id       TEXT NOT NULL,
    description    TEXT NOT NULL,
    device_name    TEXT,
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL,
    used_at        BIGINT,
    used_by_device TEXT,
    revoked        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX auth_keys_owner ON auth_keys (owner_kind, owner_id);

CREATE TABLE auth_key_tags (
    auth_key_id TEXT NOT NULL REFERENCES auth_keys (id) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (auth_key_id, tag)
);

CREATE TABLE api_tokens (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    token_hash      TEXT NOT NULL UNIQUE,
    description     TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    last_used_at    BIGINT,
    revoked         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_tokens_organisation ON api_tokens (organisation_id);

-- A device-code sign-in in progress. facts is the DeviceFacts JSON the device sent (public key included: not secret).
-- status is 'pending' or 'complete' (then device_id is set).
CREATE TABLE device_codes (
    id               TEXT PRIMARY KEY,
    device_code_hash TEXT NOT NULL UNIQUE,
    user_code_hash   TEXT NOT NULL UNIQUE,
    facts            TEXT NOT NULL,
    status           TEXT NOT NULL,
    device_id        TEXT,
    created_at       BIGINT NOT NULL,
    expires_at       BIGINT NOT NULL
);

-- Events for connected devices; every server instance polls this table, so a change made by another process
-- (admin command, another cloud instance) reaches the device's socket.
CREATE TABLE device_events (
    id         TEXT PRIMARY KEY,
    device_id  TEXT NOT NULL,
    type       TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX device_events_created ON device_events (created_at);

CREATE TABLE outbox (
    id         TEXT PRIMARY KEY,
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX outbox_recipient ON outbox (recipient);

CREATE TABLE web_sessions (
    id_hash    TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
