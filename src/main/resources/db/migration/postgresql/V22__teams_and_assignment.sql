-- Teams (Zammad's and Zendesk's "groups"): every ticket belongs to one, a team may assign its new
-- tickets automatically among its available members, and one team is the default for tickets that
-- name none (the web form, the public API).
CREATE TABLE teams (
    id                    TEXT PRIMARY KEY,
    name                  TEXT NOT NULL,
    description           TEXT,
    assignment            TEXT NOT NULL DEFAULT 'manual'
                          CHECK (assignment IN ('manual', 'round-robin', 'fewest-open')),
    is_default            BOOLEAN NOT NULL DEFAULT FALSE,
    -- The member who got the last automatic assignment: round-robin continues after them.
    last_assigned_user_id TEXT,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX teams_name_idx ON teams (lower(name));
-- At most one default team.
CREATE UNIQUE INDEX teams_default_idx ON teams (is_default) WHERE is_default;

CREATE TABLE team_members (
    team_id  TEXT NOT NULL REFERENCES teams (id),
    user_id  TEXT NOT NULL REFERENCES users (id),
    added_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user_idx ON team_members (user_id);

-- Staff who are away get no automatic assignments; no row means available.
CREATE TABLE staff_availability (
    user_id    TEXT PRIMARY KEY REFERENCES users (id),
    available  BOOLEAN NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);

-- The default team's id is fixed so that the column default below can name it.
INSERT INTO teams (id, name, description, assignment, is_default, created_at, updated_at)
VALUES ('00000000-0000-7000-8000-000000000001', 'General', 'Every ticket that names no other team', 'manual', TRUE,
        now(), now());

-- Since PostgreSQL 11 ADD COLUMN with a constant default only changes the catalog: existing rows
-- read the default, none is rewritten (1 000 000 tickets take milliseconds). The foreign key is
-- added NOT VALID: every existing row holds the default team's id, so checking them would only
-- scan the table; new and changed rows are checked. The default stays for inserts that name no
-- team (the benchmark seed), as on SQLite; the application always names one.
ALTER TABLE tickets ADD COLUMN team_id TEXT NOT NULL DEFAULT '00000000-0000-7000-8000-000000000001';
ALTER TABLE tickets ADD CONSTRAINT tickets_team_fk FOREIGN KEY (team_id) REFERENCES teams (id) NOT VALID;
CREATE INDEX tickets_team_created_idx ON tickets (team_id, created_at DESC, id DESC);
