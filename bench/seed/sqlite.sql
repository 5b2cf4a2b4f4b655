-- Bench data for SQLite: 1 000 000 tickets and a running experiment 'bench' with 1 000 000
-- assignments and 1 000 000 events (one per user; every fifth a 'convert').
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO tickets (id, number, title, description, priority, status, contact_email, assignee, version, created_at, updated_at)
SELECT printf('%08x-0000-4000-8000-%012x', i, i), 100000 + i, 'Bench ticket ' || i,
       'Generated description number ' || i || ' about invoices, passwords and exports',
       CASE i % 4 WHEN 0 THEN 'low' WHEN 1 THEN 'medium' WHEN 2 THEN 'high' ELSE 'urgent' END,
       CASE i % 4 WHEN 0 THEN 'new' WHEN 1 THEN 'in-progress' WHEN 2 THEN 'resolved' ELSE 'closed' END,
       'customer' || (i % 50000) || '@example.com', NULL, 1,
       strftime('%Y-%m-%dT%H:%M:%f', '2025-01-01', '+' || (i * 30) || ' seconds') || '000Z',
       strftime('%Y-%m-%dT%H:%M:%f', '2025-01-01', '+' || (i * 30) || ' seconds') || '000Z'
FROM n;

INSERT INTO ab_tests (id, name, description, control_variant, test_variant, target_metric, status, confidence_level,
    minimum_sample_size, start_date, total_participants, created_at, experiment_key, variants, coverage,
    secondary_metrics, correction, updated_at, version)
VALUES ('00000000-0000-4000-8000-00000000b0b0', 'Bench experiment', 'Seeded by bench/run', 'control', 'test', 'convert',
    'running', 0.95, 1000, '2025-01-01T00:00:00.000000Z', 1000000, '2025-01-01T00:00:00.000000Z', 'bench',
    '[{"key":"control","name":"Control","weight":0.5},{"key":"test","name":"Test","weight":0.5}]', 1.0, '[]', 'holm',
    '2025-01-01T00:00:00.000000Z', 1);

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO ab_test_assignments (id, test_id, user_identifier, variant, assigned_at, hash_value)
SELECT printf('a%07x-0000-4000-8000-%012x', i, i), '00000000-0000-4000-8000-00000000b0b0', 'u' || i,
       CASE i % 2 WHEN 0 THEN 'control' ELSE 'test' END,
       strftime('%Y-%m-%dT%H:%M:%f', '2025-01-01', '+' || (i / 10) || ' seconds') || '000Z', NULL
FROM n;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO ab_test_events (id, test_id, user_identifier, event_name, event_value, event_data, created_at)
SELECT printf('e%07x-0000-4000-8000-%012x', i, i), '00000000-0000-4000-8000-00000000b0b0', 'u' || i,
       CASE WHEN i % 5 = 0 OR (i % 2 = 1 AND i % 7 = 0) THEN 'convert' ELSE 'view' END, 1, NULL,
       strftime('%Y-%m-%dT%H:%M:%f', '2025-01-01', '+' || (i / 10 + 5) || ' seconds') || '000Z'
FROM n;
COMMIT;
ANALYZE;
