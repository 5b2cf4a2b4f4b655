-- Staff audit log: who did what, when, and from which address. Append-only: the triggers refuse
-- every UPDATE and DELETE, so not even a bug in the application can rewrite history.
CREATE TABLE audit_log (
    id         TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    target     TEXT,
    details    TEXT,
    address    TEXT
);
CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, created_at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, created_at DESC);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Tickets from the public form that look automated (honeypot filled in, or sent faster than a person
-- can type) are kept but flagged: hidden from the default list, no email to the given address.
ALTER TABLE tickets ADD COLUMN spam INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN spam_reason TEXT;
CREATE INDEX tickets_spam_created_idx ON tickets (spam, created_at DESC, id DESC);

-- Experiment assignments and events are found by user (any letter case) when a customer's data is exported
-- or erased.
CREATE INDEX ab_test_assignments_user_idx ON ab_test_assignments (lower(user_identifier));
CREATE INDEX ab_test_events_user_only_idx ON ab_test_events (lower(user_identifier));
CREATE INDEX notifications_recipient_idx ON notifications (recipient_email);
