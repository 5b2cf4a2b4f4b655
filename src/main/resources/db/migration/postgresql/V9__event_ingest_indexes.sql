-- Every stored event updates every index of ab_test_events, so the table keeps only the indexes a
-- query uses: the primary key, the client event id (duplicates), the results' per-metric, per-user
-- index and the lower-case user index of data-rights requests. These two are covered by those:
-- (test_id, event_name, created_at) by the metric index's prefix, and (test_id, user_identifier)
-- had no query left once event checks went to ab_test_assignments.
DROP INDEX ab_test_events_user_idx;
DROP INDEX ab_test_events_name_idx;

-- The foreign key to ab_tests costs every stored event a lookup and a FOR KEY SHARE lock on its
-- experiment's row; with many writers that row's lock becomes a multixact, and the check was a third
-- of the time of a 1 000-event insert. Experiments are never deleted (they are archived), and events
-- are only stored for an experiment the application has just read, so the constraint guarded nothing.
-- (SQLite keeps it: its check is an in-process primary-key lookup without row locks, and dropping it
-- would mean rebuilding the table.)
ALTER TABLE ab_test_events DROP CONSTRAINT ab_test_events_test_id_fkey;
