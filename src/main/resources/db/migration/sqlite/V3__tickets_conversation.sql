-- Tickets gain a human reference number (SL-1001...), an assignee, an optimistic-locking version and
-- the time of the first staff response; conversations live in ticket_replies.

ALTER TABLE tickets ADD COLUMN number INTEGER;
ALTER TABLE tickets ADD COLUMN assignee TEXT;
ALTER TABLE tickets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE tickets ADD COLUMN first_response_at TEXT;

UPDATE tickets SET number = 1000 + (
    SELECT COUNT(*) FROM tickets earlier
    WHERE earlier.created_at < tickets.created_at
       OR (earlier.created_at = tickets.created_at AND earlier.id <= tickets.id));

CREATE UNIQUE INDEX tickets_number_idx ON tickets (number);
CREATE INDEX tickets_assignee_created_idx ON tickets (assignee, created_at DESC, id DESC);

CREATE TABLE ticket_replies (
    id          TEXT PRIMARY KEY,
    ticket_id   TEXT NOT NULL REFERENCES tickets (id),
    author_type TEXT NOT NULL CHECK (author_type IN ('agent', 'customer')),
    author      TEXT NOT NULL,
    body        TEXT NOT NULL,
    visibility  TEXT NOT NULL CHECK (visibility IN ('public', 'internal')),
    created_at  TEXT NOT NULL
);
CREATE INDEX ticket_replies_ticket_idx ON ticket_replies (ticket_id, created_at);
