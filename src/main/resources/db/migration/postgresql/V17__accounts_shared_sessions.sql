-- Page sessions shared by every instance on PostgreSQL (Spring Session JDBC, see SharedSessions).
-- Spring Session's own schema-postgresql.sql, with TEXT where it has CHAR(36)/VARCHAR(n): a staff
-- email (the principal name) may be 254 characters, and Spring Session names no index.
-- SQLite keeps sessions in memory and has no such tables (SchemaEquivalenceTests knows).

CREATE TABLE spring_session (
    primary_id            TEXT NOT NULL PRIMARY KEY,
    session_id            TEXT NOT NULL,
    creation_time         BIGINT NOT NULL,
    last_access_time      BIGINT NOT NULL,
    max_inactive_interval INTEGER NOT NULL,
    expiry_time           BIGINT NOT NULL,
    principal_name        TEXT
);
CREATE UNIQUE INDEX spring_session_id_idx ON spring_session (session_id);
-- The cleanup job deletes expired sessions by this column every minute.
CREATE INDEX spring_session_expiry_idx ON spring_session (expiry_time);
CREATE INDEX spring_session_principal_idx ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id TEXT NOT NULL REFERENCES spring_session (primary_id) ON DELETE CASCADE,
    attribute_name     TEXT NOT NULL,
    attribute_bytes    BYTEA NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);
