-- The schema of the seed system (Phases 1-4), kept table for table and column for column so that
-- its API shapes map one to one. Timestamps are ISO-8601 UTC text with microseconds (see SqlDialect);
-- the application always writes them, the defaults only cover manual inserts.

CREATE TABLE tickets (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL,
    priority      TEXT NOT NULL DEFAULT 'medium',
    status        TEXT NOT NULL DEFAULT 'new',
    contact_email TEXT NOT NULL,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z'),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z')
);
CREATE INDEX tickets_created_idx ON tickets (created_at DESC, id DESC);
CREATE INDEX tickets_status_created_idx ON tickets (status, created_at DESC, id DESC);
CREATE INDEX tickets_priority_created_idx ON tickets (priority, created_at DESC, id DESC);
CREATE INDEX tickets_contact_email_idx ON tickets (contact_email, created_at DESC);

CREATE TABLE ticket_status_history (
    id         TEXT PRIMARY KEY,
    ticket_id  TEXT NOT NULL REFERENCES tickets (id),
    old_status TEXT,
    new_status TEXT NOT NULL,
    changed_by TEXT NOT NULL DEFAULT 'system',
    notes      TEXT,
    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z')
);
CREATE INDEX ticket_status_history_ticket_idx ON ticket_status_history (ticket_id, changed_at);

CREATE TABLE user_preferences (
    id                     TEXT PRIMARY KEY,
    email                  TEXT NOT NULL UNIQUE,
    email_notifications    INTEGER NOT NULL DEFAULT 1,
    sms_notifications      INTEGER NOT NULL DEFAULT 0,
    notification_frequency TEXT NOT NULL DEFAULT 'immediate',
    preferred_language     TEXT NOT NULL DEFAULT 'en',
    created_at             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z'),
    updated_at             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z')
);

CREATE TABLE notifications (
    id                TEXT PRIMARY KEY,
    ticket_id         TEXT REFERENCES tickets (id),
    recipient_email   TEXT NOT NULL,
    notification_type TEXT NOT NULL,
    subject           TEXT NOT NULL,
    content           TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'pending',
    sent_at           TEXT,
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z')
);
CREATE INDEX notifications_ticket_idx ON notifications (ticket_id, created_at);
CREATE INDEX notifications_status_idx ON notifications (status, created_at);

CREATE TABLE faqs (
    id         TEXT PRIMARY KEY,
    question   TEXT NOT NULL,
    answer     TEXT NOT NULL,
    category   TEXT NOT NULL DEFAULT 'general',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z')
);
CREATE INDEX faqs_created_idx ON faqs (created_at DESC, id DESC);
CREATE INDEX faqs_category_created_idx ON faqs (category, created_at DESC, id DESC);

CREATE TABLE ab_tests (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    description         TEXT,
    hypothesis          TEXT,
    control_variant     TEXT NOT NULL,
    test_variant        TEXT NOT NULL,
    target_metric       TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'draft',
    confidence_level    REAL NOT NULL DEFAULT 0.95,
    minimum_sample_size INTEGER NOT NULL DEFAULT 100,
    start_date          TEXT,
    end_date            TEXT,
    total_participants  INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z')
);
CREATE INDEX ab_tests_created_idx ON ab_tests (created_at DESC, id DESC);
CREATE INDEX ab_tests_status_idx ON ab_tests (status);

CREATE TABLE ab_test_assignments (
    id              TEXT PRIMARY KEY,
    test_id         TEXT NOT NULL REFERENCES ab_tests (id),
    user_identifier TEXT NOT NULL,
    variant         TEXT NOT NULL,
    assigned_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z'),
    hash_value      TEXT,
    UNIQUE (test_id, user_identifier)
);
CREATE INDEX ab_test_assignments_variant_idx ON ab_test_assignments (test_id, variant);

CREATE TABLE ab_test_events (
    id              TEXT PRIMARY KEY,
    test_id         TEXT NOT NULL REFERENCES ab_tests (id),
    user_identifier TEXT NOT NULL,
    event_name      TEXT NOT NULL,
    event_value     REAL,
    event_data      TEXT,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z')
);
CREATE INDEX ab_test_events_user_idx ON ab_test_events (test_id, user_identifier);
CREATE INDEX ab_test_events_name_idx ON ab_test_events (test_id, event_name, created_at);

CREATE TABLE ab_test_results (
    id                           TEXT PRIMARY KEY,
    test_id                      TEXT NOT NULL REFERENCES ab_tests (id),
    variant                      TEXT NOT NULL,
    sample_size                  INTEGER NOT NULL,
    conversion_count             INTEGER NOT NULL,
    conversion_rate              REAL NOT NULL,
    confidence_interval_lower    REAL,
    confidence_interval_upper    REAL,
    z_score                      REAL,
    p_value                      REAL,
    is_statistically_significant INTEGER,
    calculated_at                TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z')
);
CREATE INDEX ab_test_results_test_idx ON ab_test_results (test_id, calculated_at);
