-- Staff's labels on tickets (TicketTags: trimmed, lower-case, at most 50 characters, at most 20 a
-- ticket). The primary key reads a ticket's tags. The index by tag finds the tickets of a tag newest
-- first, as the list shows them: it carries the ticket's creation time (which never changes), so a
-- list filtered by a tag reads the tag's newest entries and stops after a page, however many or few
-- tickets carry the tag (without it, a rare tag meant scanning every ticket, a common one sorting
-- all of its tickets). It also counts the tickets of each tag (suggestions). A ticket's tags go
-- with it when it is deleted (foreign keys are enforced: DatabaseConfiguration sets foreign_keys).
CREATE TABLE ticket_tags (
    ticket_id         TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    tag               TEXT NOT NULL,
    ticket_created_at TEXT NOT NULL,
    PRIMARY KEY (ticket_id, tag)
);
CREATE INDEX ticket_tags_tag_idx ON ticket_tags (tag, ticket_created_at DESC, ticket_id DESC);
