-- The seed's notifications table becomes the outbox: a row is written in the transaction of the change
-- that causes it and a dispatcher sends it, retrying with backoff. Rows held for a daily or weekly
-- digest wait in status 'held' until the digest that includes them ('digested', digest_id).

ALTER TABLE notifications ADD COLUMN html_content TEXT;
ALTER TABLE notifications ADD COLUMN message_id TEXT;
ALTER TABLE notifications ADD COLUMN thread_id TEXT;
ALTER TABLE notifications ADD COLUMN unsubscribe_url TEXT;
ALTER TABLE notifications ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notifications ADD COLUMN next_attempt_at TEXT;
ALTER TABLE notifications ADD COLUMN claimed_until TEXT;
ALTER TABLE notifications ADD COLUMN last_error TEXT;
ALTER TABLE notifications ADD COLUMN digest_id TEXT;

CREATE INDEX notifications_due_idx ON notifications (status, next_attempt_at);
CREATE INDEX notifications_held_idx ON notifications (status, recipient_email, created_at);

-- One row per digest period ('daily:2025-01-31', 'weekly:2025-W05'); inserting it is how one instance
-- among several claims the run.
CREATE TABLE digest_runs (
    period     TEXT PRIMARY KEY,
    started_at TEXT NOT NULL
);
