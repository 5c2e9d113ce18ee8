-- Schema version 11: password guessing is slowed per account, written by
-- the per-connection auth monitor (src/ssh/monitor.c, db-authfail.c).
--   auth_throttle  one row per bucket: a login as typed (known or not, so
--                  the delay does not tell which logins exist), or
--                  "login@prefix" for an address the member has logged in
--                  from before. failures since the last success (or since
--                  the row went quiet), the time in milliseconds before
--                  which the next password attempt may not be verified, and
--                  the last failure. Rows quiet for a day are pruned.
--   auth_sources   address prefixes (IPv4 /32, IPv6 /64) a member has
--                  logged in from, by password or key; a password attempt
--                  from one of them uses its own bucket, so a stranger's
--                  guessing never slows the owner at a known address.
CREATE TABLE auth_throttle (
	bucket		TEXT PRIMARY KEY,
	failures	INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
	next_ms		INTEGER NOT NULL DEFAULT 0,
	last_ms		INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX auth_throttle_last ON auth_throttle(last_ms);

CREATE TABLE auth_sources (
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	prefix		TEXT NOT NULL,
	last_at		INTEGER NOT NULL,
	PRIMARY KEY (user_id, prefix)
) WITHOUT ROWID;
