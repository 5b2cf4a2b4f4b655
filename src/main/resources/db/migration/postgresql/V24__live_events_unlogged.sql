-- live_events was an ordinary table, so each live update (two per ticket change, written after the
-- change committed) was a transaction of its own with a WAL flush: creating a ticket took three disk
-- syncs instead of one, and about half its throughput. The rows only let a reconnecting page catch
-- up on the last few minutes; after a PostgreSQL crash (which empties an UNLOGGED table) such a page
-- is told to reload instead, as when it missed more than the replay keeps.
ALTER TABLE live_events SET UNLOGGED;
