-- Keys generated on first start and shared by every instance through the database, e.g. the key
-- that signs customer access links and unsubscribe links.
CREATE TABLE app_secrets (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
