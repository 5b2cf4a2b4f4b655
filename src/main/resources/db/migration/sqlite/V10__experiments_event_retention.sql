-- When an experiment was archived, and when its raw events were deleted under
-- supportlab.experiments.archived-event-retention (which counts from the archiving; the stored
-- results stay, and are not recalculated from what is left).
ALTER TABLE ab_tests ADD COLUMN archived_at TEXT;
ALTER TABLE ab_tests ADD COLUMN events_deleted_at TEXT;

-- Experiments archived before this migration: an archived experiment can neither be edited nor
-- change status again, so its last update was its archiving.
UPDATE ab_tests SET archived_at = updated_at WHERE status = 'archived';
