-- Staff's labels on tickets (TicketTags: trimmed, lower-case, at most 50 characters, at most 20 a
-- ticket). The primary key reads a ticket's tags. The index by tag finds the tickets of a tag newest
-- first, as the list shows them: it carries the ticket's creation time (which never changes), so a
-- list filtered by a tag reads the tag's newest entries and stops after a page, however many or few
-- tickets carry the tag. It also counts the tickets of each tag (suggestions). A ticket's tags go
-- with it when it is deleted. Tags compare by code point ("C"), as SQLite's BINARY does: a prefix
-- is then an index range (tag >= 'bil' AND tag < 'bim') and both databases order them alike.
CREATE TABLE ticket_tags (
    ticket_id         TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    tag               TEXT COLLATE "C" NOT NULL,
    ticket_created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (ticket_id, tag)
);
CREATE INDEX ticket_tags_tag_idx ON ticket_tags (tag, ticket_created_at DESC, ticket_id DESC);
