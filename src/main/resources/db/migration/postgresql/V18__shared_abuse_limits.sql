-- Rate limits and failed-login counts shared by every instance on this database (on SQLite the one
-- instance keeps them in memory, so these tables exist on PostgreSQL only). Clients, account names
-- and addresses are stored as keyed hashes, never as themselves.
--
-- UNLOGGED: a transaction that writes only these tables needs no WAL flush, so counting a request
-- costs no disk sync. A PostgreSQL crash (or a failover to a replica) empties them, which forgives
-- every client its recent requests and failures, as restarting the single instance always did.
-- fillfactor leaves room in each page so that the update of a row stays in its page (HOT).

-- One token bucket per limit and client, as the moment it is full again (GCRA): nanoseconds since
-- the epoch by the application's clock. A row whose moment has passed is a full bucket and may go.
-- granted: whether the last request counted here was allowed (what the one upsert answers with).
CREATE UNLOGGED TABLE rate_limit_buckets (
    limit_name TEXT    NOT NULL,
    client     TEXT    NOT NULL,
    full_at    BIGINT  NOT NULL,
    granted    BOOLEAN NOT NULL,
    PRIMARY KEY (limit_name, client)
) WITH (fillfactor = 70);

-- Failed password logins per account name and address together, per address, and per account name
-- (scope): how many since the count last started, and when the latest was. A count whose latest
-- failure is older than the lockout period is over (supportlab.rate-limits.login.lockout).
CREATE UNLOGGED TABLE login_failures (
    scope           TEXT        NOT NULL,
    key             TEXT        NOT NULL,
    failures        INTEGER     NOT NULL,
    last_failure_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scope, key)
) WITH (fillfactor = 70);
