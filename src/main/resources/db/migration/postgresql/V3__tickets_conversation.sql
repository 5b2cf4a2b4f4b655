-- Tickets gain a human reference number (SL-1001...), an assignee, an optimistic-locking version and
-- the time of the first staff response; conversations live in ticket_replies.

ALTER TABLE tickets ADD COLUMN number INTEGER;
ALTER TABLE tickets ADD COLUMN assignee TEXT;
ALTER TABLE tickets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE tickets ADD COLUMN first_response_at TIMESTAMPTZ;

WITH numbered AS (
    SELECT id, 1000 + row_number() OVER (ORDER BY created_at, id) AS n FROM tickets)
UPDATE tickets SET number = numbered.n FROM numbered WHERE numbered.id = tickets.id;

CREATE SEQUENCE ticket_number_seq;
SELECT setval('ticket_number_seq', COALESCE((SELECT MAX(number) FROM tickets), 1000));

CREATE UNIQUE INDEX tickets_number_idx ON tickets (number);
CREATE INDEX tickets_assignee_created_idx ON tickets (assignee, created_at DESC, id DESC);

CREATE TABLE ticket_replies (
    id          TEXT PRIMARY KEY,
    ticket_id   TEXT NOT NULL REFERENCES tickets (id),
    author_type TEXT NOT NULL CHECK (author_type IN ('agent', 'customer')),
    author      TEXT NOT NULL,
    body        TEXT NOT NULL,
    visibility  TEXT NOT NULL CHECK (visibility IN ('public', 'internal')),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ticket_replies_ticket_idx ON ticket_replies (ticket_id, created_at);
