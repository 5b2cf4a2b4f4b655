-- Cluster-wide jobs (digests, results, retention deletes) run on one instance at a time: each run
-- takes its job's row here first (ShedLock, JDBC provider, database time). SQLite runs a single
-- instance and has no such table.
CREATE TABLE cluster_job_locks (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
