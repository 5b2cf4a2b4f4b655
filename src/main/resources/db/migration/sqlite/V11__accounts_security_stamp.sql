-- A counter bumped whenever a user's sign-in state must be checked again: deactivation, a role
-- change, a new password. A session remembers the value it started with and ends when it differs.
ALTER TABLE users ADD COLUMN security_stamp INTEGER NOT NULL DEFAULT 0;
