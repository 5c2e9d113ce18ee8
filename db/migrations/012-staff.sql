-- Schema version 12: what moderation and administration share.
--   sanctions  the ladder warn -> silence -> suspend -> ban, each with a
--              reason and (except a warning or a ban) an end date; global
--              (community_id NULL) or, for a warning or a silence, in one
--              community. A row is in force from created_at until ends_at
--              or until lifted_at, whichever comes first: nothing needs to
--              run for a sanction to expire.
--   audit_log  every moderation and admin action: who, what, on what, why,
--              when, and the state before and after where there is one.
--              Rows outlive their actor, target and community (labels are
--              copied in), so the log still reads after a deletion.

CREATE TABLE sanctions (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	kind		TEXT NOT NULL CHECK (kind IN ('warn', 'silence', 'suspend', 'ban')),
	community_id	INTEGER REFERENCES communities(id) ON DELETE CASCADE,
	reason		TEXT NOT NULL,
	created_by	INTEGER REFERENCES users(id) ON DELETE SET NULL,	-- NULL: the sysop
	created_at	INTEGER NOT NULL,
	ends_at		INTEGER,		-- NULL: no end date
	lifted_at	INTEGER,		-- NULL: not lifted early
	lifted_by	INTEGER REFERENCES users(id) ON DELETE SET NULL,
	lift_reason	TEXT NOT NULL DEFAULT '',
	CHECK (community_id IS NULL OR kind IN ('warn', 'silence')),
	CHECK (ends_at IS NULL OR ends_at > created_at)
);
CREATE INDEX sanctions_user ON sanctions(user_id, id) WHERE lifted_at IS NULL;
CREATE INDEX sanctions_recent ON sanctions(created_at, id);

CREATE TABLE audit_log (
	id		INTEGER PRIMARY KEY,
	actor_id	INTEGER REFERENCES users(id) ON DELETE SET NULL,	-- NULL: the sysop
	actor		TEXT NOT NULL,		-- login at the time, or 'sysop'
	action		TEXT NOT NULL,		-- 'sanction.silence', 'post.remove', ...
	community_id	INTEGER REFERENCES communities(id) ON DELETE SET NULL,
	target_kind	TEXT NOT NULL DEFAULT '',	-- 'member', 'post', 'thread', ...
	target_id	INTEGER NOT NULL DEFAULT 0,
	target		TEXT NOT NULL DEFAULT '',	-- a label: login, thread title
	reason		TEXT NOT NULL DEFAULT '',
	before		TEXT NOT NULL DEFAULT '',
	after		TEXT NOT NULL DEFAULT '',
	created_at	INTEGER NOT NULL
);
CREATE INDEX audit_log_community ON audit_log(community_id, id);
CREATE INDEX audit_log_actor ON audit_log(actor, id);
CREATE INDEX audit_log_time ON audit_log(created_at);
