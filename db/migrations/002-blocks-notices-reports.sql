-- Schema version 2: what every feature after the foundation shares.
--   blocks   a member blocks another: no messages, requests or search either way
--   notices  "something happened for you" rows: the status bar and the login
--            summary read them; features write them in the same transaction
--            as the change they announce
--   reports  a member reports a message, post, member, host or guest to the
--            moderators (the moderation queue reads them)

CREATE TABLE blocks (
	blocker_id	INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	blocked_id	INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	created_at	INTEGER NOT NULL,
	PRIMARY KEY (blocker_id, blocked_id),
	CHECK (blocker_id <> blocked_id)
) WITHOUT ROWID;
CREATE INDEX blocks_blocked ON blocks(blocked_id, blocker_id);

CREATE TABLE notices (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	kind		TEXT NOT NULL,		-- 'mentorship', 'message', 'host', 'board', ...
	text		TEXT NOT NULL,		-- one line, already checked text
	created_at	INTEGER NOT NULL,
	seen_at		INTEGER			-- NULL: not seen yet
);
CREATE INDEX notices_user ON notices(user_id, id);
CREATE INDEX notices_unseen ON notices(user_id) WHERE seen_at IS NULL;

CREATE TABLE reports (
	id		INTEGER PRIMARY KEY,
	reporter_id	INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	kind		TEXT NOT NULL
			CHECK (kind IN ('message', 'post', 'member', 'host', 'guest')),
	target_id	INTEGER NOT NULL,	-- id in the table that kind names
	community_id	INTEGER REFERENCES communities(id) ON DELETE SET NULL,
	reason		TEXT NOT NULL,
	created_at	INTEGER NOT NULL,
	status		TEXT NOT NULL DEFAULT 'open'
			CHECK (status IN ('open', 'dismissed', 'actioned')),
	handled_by	INTEGER REFERENCES users(id) ON DELETE SET NULL,
	handled_at	INTEGER
);
CREATE INDEX reports_open ON reports(status, created_at);
CREATE INDEX reports_reporter ON reports(reporter_id);
