-- Teams (Zammad's and Zendesk's "groups"): every ticket belongs to one, a team may assign its new
-- tickets automatically among its available members, and one team is the default for tickets that
-- name none (the web form, the public API).
CREATE TABLE teams (
    id                    TEXT PRIMARY KEY,
    name                  TEXT NOT NULL,
    description           TEXT,
    assignment            TEXT NOT NULL DEFAULT 'manual'
                          CHECK (assignment IN ('manual', 'round-robin', 'fewest-open')),
    is_default            INTEGER NOT NULL DEFAULT 0,
    -- The member who got the last automatic assignment: round-robin continues after them.
    last_assigned_user_id TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);
CREATE UNIQUE INDEX teams_name_idx ON teams (lower(name));
-- At most one default team.
CREATE UNIQUE INDEX teams_default_idx ON teams (is_default) WHERE is_default = 1;

CREATE TABLE team_members (
    team_id  TEXT NOT NULL REFERENCES teams (id),
    user_id  TEXT NOT NULL REFERENCES users (id),
    added_at TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user_idx ON team_members (user_id);

-- Staff who are away get no automatic assignments; no row means available.
CREATE TABLE staff_availability (
    user_id    TEXT PRIMARY KEY REFERENCES users (id),
    available  INTEGER NOT NULL,
    changed_at TEXT NOT NULL
);

-- The default team's id is fixed so that the column default below can name it.
INSERT INTO teams (id, name, description, assignment, is_default, created_at, updated_at)
VALUES ('00000000-0000-7000-8000-000000000001', 'General', 'Every ticket that names no other team', 'manual', 1,
        strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z', strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z');

-- ADD COLUMN with a constant default only changes the schema: existing rows read the default, none
-- is rewritten (1 000 000 tickets take milliseconds). SQLite refuses a REFERENCES column with a
-- non-NULL default while foreign keys are on, so the reference is the application's to keep (it
-- moves a deleted team's tickets to the default team). The default stays for inserts that name no
-- team (the benchmark seed); the application always names one.
ALTER TABLE tickets ADD COLUMN team_id TEXT NOT NULL DEFAULT '00000000-0000-7000-8000-000000000001';
CREATE INDEX tickets_team_created_idx ON tickets (team_id, created_at DESC, id DESC);
