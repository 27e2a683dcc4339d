-- The Management API (issue 4): trial and billing state, device search columns, API token rate windows, device
-- identities, remote-update artefacts and deployments, the audit log. Portable between SQLite and PostgreSQL as V1;
-- what is not (PostgreSQL collations) and what needs Java (backfilling search columns) is V2.1,
-- org.openrpiconnect.cloud.db.SearchColumnsMigration.

-- The trial ends four weeks after it started unless an operator moves it; billing_enabled is the billing flag.
ALTER TABLE organisations ADD COLUMN trial_ends_at BIGINT;
ALTER TABLE organisations ADD COLUMN billing_enabled INTEGER NOT NULL DEFAULT 0;
UPDATE organisations SET trial_ends_at = trial_started_at + 2419200000;

-- Search columns, derived from the device by DeviceStore on every write (device_tags stays the record of tags):
-- name_key: the lower-cased name the device list sorts by (byte order on both databases);
-- filter_*: the values of the model:, memory: and os: search qualifiers that match the device (null when unknown);
-- tag_list: ",tag1,tag2," for tag: matches; search_text: lower-cased name, newline, serial number for free text.
-- billable_since: when an organisation starts paying for the device (its first sign-in to the organisation).
ALTER TABLE devices ADD COLUMN name_key TEXT;
ALTER TABLE devices ADD COLUMN filter_model TEXT;
ALTER TABLE devices ADD COLUMN filter_memory TEXT;
ALTER TABLE devices ADD COLUMN filter_os TEXT;
ALTER TABLE devices ADD COLUMN tag_list TEXT;
ALTER TABLE devices ADD COLUMN search_text TEXT;
ALTER TABLE devices ADD COLUMN billable_since BIGINT;
-- Index-only reads, measured by bench/management: a page of the plain device list and its count use the narrow
-- devices_owner_name (deep OFFSETs skip small entries); a search and its count read one of the covering
-- devices_search_* (in name order; by model first when the search has model:), never the table.
CREATE INDEX devices_owner_name ON devices (owner_kind, owner_id, name_key, id);
CREATE INDEX devices_search_name ON devices (owner_kind, owner_id, name_key, id, filter_model, filter_memory,
    filter_os, tag_list, search_text);
CREATE INDEX devices_search_model ON devices (owner_kind, owner_id, filter_model, name_key, id, filter_memory,
    filter_os, tag_list, search_text);

-- A fixed one-hour window of Management API requests per token, shared by every server instance.
ALTER TABLE api_tokens ADD COLUMN rate_window_start BIGINT NOT NULL DEFAULT 0;
ALTER TABLE api_tokens ADD COLUMN rate_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE api_tokens ADD COLUMN revoked_at BIGINT;

-- A device's key registered ahead of its first sign-in. key_fingerprint (SHA-256 of the DER public key) finds it at
-- sign-in and keeps one key in one organisation only. exchanged_at: first sign-in; device_id: the device it made.
CREATE TABLE device_identities (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    public_key      TEXT NOT NULL,
    key_fingerprint TEXT NOT NULL UNIQUE,
    description     TEXT NOT NULL,
    description_key TEXT NOT NULL,
    device_name     TEXT,
    created_at      BIGINT NOT NULL,
    exchanged_at    BIGINT,
    device_id       TEXT
);
CREATE INDEX device_identities_organisation ON device_identities (organisation_id, description_key, id);
CREATE INDEX device_identities_device ON device_identities (device_id);

CREATE TABLE device_identity_tags (
    device_identity_id TEXT NOT NULL REFERENCES device_identities (id) ON DELETE CASCADE,
    tag                TEXT NOT NULL,
    position           INTEGER NOT NULL,
    PRIMARY KEY (device_identity_id, tag)
);

CREATE TABLE artefacts (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    name            TEXT NOT NULL,
    name_key        TEXT NOT NULL,
    uri             TEXT NOT NULL,
    checksum        TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    UNIQUE (organisation_id, name)
);
CREATE INDEX artefacts_organisation ON artefacts (organisation_id, name_key, id);

-- state: pending, in_progress, succeeded, failed (state_reason says why) or cancelled.
CREATE TABLE deployments (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    device_id       TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    artefact_id     TEXT NOT NULL REFERENCES artefacts (id),
    state           TEXT NOT NULL,
    state_reason    TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX deployments_device ON deployments (device_id, created_at);
CREATE INDEX deployments_artefact ON deployments (artefact_id);

-- What changed in an organisation, by whom, from where: source 'API' or 'Dashboard'; the actor's country code
-- only (never an IP address; null when unknown, e.g. on loopback). Kept 90 days.
CREATE TABLE audit_events (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    source          TEXT NOT NULL,
    action          TEXT NOT NULL,
    subject_type    TEXT NOT NULL,
    subject_id      TEXT,
    subject_name    TEXT,
    actor_type      TEXT NOT NULL,
    actor_id        TEXT,
    actor_name      TEXT,
    country_code    TEXT
);
CREATE INDEX audit_events_organisation ON audit_events (organisation_id, created_at);
CREATE INDEX audit_events_created ON audit_events (created_at);
