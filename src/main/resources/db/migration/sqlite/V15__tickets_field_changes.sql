-- Changes of a ticket's other fields (priority, assignee) and notes for the history, each with who and
-- when (field names as in FieldChange.Field). The ticket's timeline shows them with the status
-- history; like it, rows are only appended.
CREATE TABLE ticket_changes (
    id         TEXT PRIMARY KEY,
    ticket_id  TEXT NOT NULL REFERENCES tickets (id),
    field      TEXT NOT NULL,
    old_value  TEXT,
    new_value  TEXT,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE INDEX ticket_changes_ticket_idx ON ticket_changes (ticket_id, changed_at);
