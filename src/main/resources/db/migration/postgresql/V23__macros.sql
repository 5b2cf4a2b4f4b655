-- Macros: canned replies staff insert into a ticket's reply, with placeholders filled in for the
-- ticket and the agent, and actions applied with the reply (see io.supportlab.macros). A macro with
-- no owner is shared (admins keep it); one with an owner (a staff email) is that person's only.
-- Each action is a column of its own, null when the macro leaves that field alone: a new kind of
-- action (a team, tags) is a new column.
CREATE TABLE macros (
    id               TEXT PRIMARY KEY,
    title            TEXT NOT NULL,
    body             TEXT NOT NULL,
    owner            TEXT,
    set_status       TEXT,
    set_priority     TEXT,
    reply_visibility TEXT NOT NULL DEFAULT 'public',
    usage_count      INTEGER NOT NULL DEFAULT 0,
    last_used_at     TIMESTAMPTZ,
    created_by       TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX macros_owner_idx ON macros (owner, created_at DESC, id DESC);
