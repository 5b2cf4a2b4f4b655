-- Live updates published in the last few minutes, so that a page's stream that reconnects, to this
-- instance or any other, is sent what it missed. PostgreSQL only: with SQLite there is one instance,
-- which keeps the recent events in memory. Every instance deletes rows older than five minutes but
-- the newest of them (see PostgresLiveUpdates); nothing else refers to them.
CREATE TABLE live_events (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel      TEXT NOT NULL,
    event        TEXT NOT NULL,
    data         TEXT NOT NULL,
    published_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
