-- Every stored event updates every index of ab_test_events, so the table keeps only the indexes a
-- query uses: the primary key, the client event id (duplicates), the results' per-metric, per-user
-- index and the lower-case user index of data-rights requests. These two are covered by those:
-- (test_id, event_name, created_at) by the metric index's prefix, and (test_id, user_identifier)
-- had no query left once event checks went to ab_test_assignments.
DROP INDEX ab_test_events_user_idx;
DROP INDEX ab_test_events_name_idx;
