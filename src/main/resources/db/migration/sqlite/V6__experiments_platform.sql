-- Experiments gain a unique key (usable in paths), 2-10 weighted variants (JSON, the first is the
-- control; the seed's control_variant/test_variant stay filled with the first two keys), coverage,
-- secondary metrics, a targeting rule, a mutual-exclusion namespace and analysis options.

ALTER TABLE ab_tests ADD COLUMN experiment_key TEXT;
ALTER TABLE ab_tests ADD COLUMN variants TEXT;
ALTER TABLE ab_tests ADD COLUMN coverage REAL NOT NULL DEFAULT 1;
ALTER TABLE ab_tests ADD COLUMN secondary_metrics TEXT;
ALTER TABLE ab_tests ADD COLUMN targeting TEXT;
ALTER TABLE ab_tests ADD COLUMN namespace_id TEXT;
ALTER TABLE ab_tests ADD COLUMN namespace_start REAL;
ALTER TABLE ab_tests ADD COLUMN namespace_end REAL;
ALTER TABLE ab_tests ADD COLUMN sequential_testing INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ab_tests ADD COLUMN correction TEXT NOT NULL DEFAULT 'holm';
ALTER TABLE ab_tests ADD COLUMN minimum_detectable_effect REAL NOT NULL DEFAULT 0.1;
ALTER TABLE ab_tests ADD COLUMN updated_at TEXT;
ALTER TABLE ab_tests ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

UPDATE ab_tests SET experiment_key = id WHERE experiment_key IS NULL;
UPDATE ab_tests SET updated_at = created_at WHERE updated_at IS NULL;
CREATE UNIQUE INDEX ab_tests_key_idx ON ab_tests (experiment_key);

-- A client event id makes an event idempotent: a repeat is acknowledged and not stored twice.
ALTER TABLE ab_test_events ADD COLUMN event_id TEXT;
CREATE UNIQUE INDEX ab_test_events_event_id_idx ON ab_test_events (test_id, event_id);
-- Results aggregate per user: target events of an experiment, by user, in time order.
CREATE INDEX ab_test_events_metric_user_idx ON ab_test_events (test_id, event_name, user_identifier, created_at);

-- Results: one row per variant per metric (the seed's shape plus the metric), and the full analysis.
ALTER TABLE ab_test_results ADD COLUMN metric TEXT;
CREATE TABLE ab_test_analyses (
    test_id       TEXT PRIMARY KEY REFERENCES ab_tests (id),
    calculated_at TEXT NOT NULL,
    payload       TEXT NOT NULL
);

-- Every change to an experiment: who, when, what. Rows are never changed or deleted.
CREATE TABLE ab_test_audit (
    id         TEXT PRIMARY KEY,
    test_id    TEXT NOT NULL REFERENCES ab_tests (id),
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    details    TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX ab_test_audit_test_idx ON ab_test_audit (test_id, created_at);
