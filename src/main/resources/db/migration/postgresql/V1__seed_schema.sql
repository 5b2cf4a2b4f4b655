-- The schema of the seed system (Phases 1-4), kept table for table and column for column so that
-- its API shapes map one to one. Ids stay text (the seed's UUID strings); timestamps are timestamptz.

CREATE TABLE tickets (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL,
    priority      TEXT NOT NULL DEFAULT 'medium',
    status        TEXT NOT NULL DEFAULT 'new',
    contact_email TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
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
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ticket_status_history_ticket_idx ON ticket_status_history (ticket_id, changed_at);

CREATE TABLE user_preferences (
    id                     TEXT PRIMARY KEY,
    email                  TEXT NOT NULL UNIQUE,
    email_notifications    BOOLEAN NOT NULL DEFAULT TRUE,
    sms_notifications      BOOLEAN NOT NULL DEFAULT FALSE,
    notification_frequency TEXT NOT NULL DEFAULT 'immediate',
    preferred_language     TEXT NOT NULL DEFAULT 'en',
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE notifications (
    id                TEXT PRIMARY KEY,
    ticket_id         TEXT REFERENCES tickets (id),
    recipient_email   TEXT NOT NULL,
    notification_type TEXT NOT NULL,
    subject           TEXT NOT NULL,
    content           TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'pending',
    sent_at           TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX notifications_ticket_idx ON notifications (ticket_id, created_at);
CREATE INDEX notifications_status_idx ON notifications (status, created_at);

CREATE TABLE faqs (
    id         TEXT PRIMARY KEY,
    question   TEXT NOT NULL,
    answer     TEXT NOT NULL,
    category   TEXT NOT NULL DEFAULT 'general',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
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
    confidence_level    DOUBLE PRECISION NOT NULL DEFAULT 0.95,
    minimum_sample_size INTEGER NOT NULL DEFAULT 100,
    start_date          TIMESTAMPTZ,
    end_date            TIMESTAMPTZ,
    total_participants  INTEGER NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ab_tests_created_idx ON ab_tests (created_at DESC, id DESC);
CREATE INDEX ab_tests_status_idx ON ab_tests (status);

CREATE TABLE ab_test_assignments (
    id              TEXT PRIMARY KEY,
    test_id         TEXT NOT NULL REFERENCES ab_tests (id),
    user_identifier TEXT NOT NULL,
    variant         TEXT NOT NULL,
    assigned_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    hash_value      TEXT,
    UNIQUE (test_id, user_identifier)
);
CREATE INDEX ab_test_assignments_variant_idx ON ab_test_assignments (test_id, variant);

CREATE TABLE ab_test_events (
    id              TEXT PRIMARY KEY,
    test_id         TEXT NOT NULL REFERENCES ab_tests (id),
    user_identifier TEXT NOT NULL,
    event_name      TEXT NOT NULL,
    event_value     DOUBLE PRECISION,
    event_data      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ab_test_events_user_idx ON ab_test_events (test_id, user_identifier);
CREATE INDEX ab_test_events_name_idx ON ab_test_events (test_id, event_name, created_at);

CREATE TABLE ab_test_results (
    id                           TEXT PRIMARY KEY,
    test_id                      TEXT NOT NULL REFERENCES ab_tests (id),
    variant                      TEXT NOT NULL,
    sample_size                  INTEGER NOT NULL,
    conversion_count             INTEGER NOT NULL,
    conversion_rate              DOUBLE PRECISION NOT NULL,
    confidence_interval_lower    DOUBLE PRECISION,
    confidence_interval_upper    DOUBLE PRECISION,
    z_score                      DOUBLE PRECISION,
    p_value                      DOUBLE PRECISION,
    is_statistically_significant BOOLEAN,
    calculated_at                TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ab_test_results_test_idx ON ab_test_results (test_id, calculated_at);
