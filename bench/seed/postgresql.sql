-- Bench data for PostgreSQL: 1 000 000 tickets and a running experiment 'bench' with 1 000 000
-- assignments and 1 000 000 events (one per user; every fifth a 'convert').
BEGIN;
INSERT INTO tickets (id, number, title, description, priority, status, contact_email, assignee, version, created_at, updated_at)
SELECT lpad(to_hex(i), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(i), 12, '0'), 100000 + i, 'Bench ticket ' || i,
       'Generated description number ' || i || ' about invoices, passwords and exports',
       (ARRAY['low', 'medium', 'high', 'urgent'])[i % 4 + 1], (ARRAY['new', 'in-progress', 'resolved', 'closed'])[i % 4 + 1],
       'customer' || (i % 50000) || '@example.com', NULL, 1,
       timestamptz '2025-01-01 00:00:00+00' + i * interval '30 seconds',
       timestamptz '2025-01-01 00:00:00+00' + i * interval '30 seconds'
FROM generate_series(1, 1000000) AS i;
SELECT setval('ticket_number_seq', (SELECT MAX(number) FROM tickets));

INSERT INTO ab_tests (id, name, description, control_variant, test_variant, target_metric, status, confidence_level,
    minimum_sample_size, start_date, total_participants, created_at, experiment_key, variants, coverage,
    secondary_metrics, correction, updated_at, version)
VALUES ('00000000-0000-4000-8000-00000000b0b0', 'Bench experiment', 'Seeded by bench/run', 'control', 'test', 'convert',
    'running', 0.95, 1000, '2025-01-01 00:00:00+00', 1000000, '2025-01-01 00:00:00+00', 'bench',
    '[{"key":"control","name":"Control","weight":0.5},{"key":"test","name":"Test","weight":0.5}]', 1.0, '[]', 'holm',
    '2025-01-01 00:00:00+00', 1);

INSERT INTO ab_test_assignments (id, test_id, user_identifier, variant, assigned_at, hash_value)
SELECT 'a' || lpad(to_hex(i), 7, '0') || '-0000-4000-8000-' || lpad(to_hex(i), 12, '0'), '00000000-0000-4000-8000-00000000b0b0',
       'u' || i, CASE i % 2 WHEN 0 THEN 'control' ELSE 'test' END,
       timestamptz '2025-01-01 00:00:00+00' + (i / 10) * interval '1 second', NULL
FROM generate_series(1, 1000000) AS i;

INSERT INTO ab_test_events (id, test_id, user_identifier, event_name, event_value, event_data, created_at)
SELECT 'e' || lpad(to_hex(i), 7, '0') || '-0000-4000-8000-' || lpad(to_hex(i), 12, '0'), '00000000-0000-4000-8000-00000000b0b0',
       'u' || i, CASE WHEN i % 5 = 0 OR (i % 2 = 1 AND i % 7 = 0) THEN 'convert' ELSE 'view' END, 1, NULL,
       timestamptz '2025-01-01 00:00:00+00' + (i / 10 + 5) * interval '1 second'
FROM generate_series(1, 1000000) AS i;
COMMIT;
VACUUM ANALYZE;
