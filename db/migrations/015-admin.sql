-- Schema version 15: the admin menu's sign-ups, verified roles and
-- announcements (issue 10).
--   users.role_verified_at  when an admin confirmed the member's role (NULL:
--                           as the member declared it)
--   signup_decisions        one row per decided approval-mode sign-up; the
--                           primary key makes the first decision the only
--                           one. A rejected sign-up also gets a ban with the
--                           reason, so the login refusal says why.
--   role_requests           a member's request to change their verified role;
--                           at most one open per member
--   announcements           text for everyone, shown at login and in the
--                           status bar until its end date or until ended
--   announcement_dismissals who has put one away

ALTER TABLE users ADD COLUMN role_verified_at INTEGER;

CREATE TABLE signup_decisions (
	user_id		INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
	decision	TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
	reason		TEXT NOT NULL DEFAULT '',
	decided_by	INTEGER REFERENCES users(id) ON DELETE SET NULL,	-- NULL: the sysop
	decided_at	INTEGER NOT NULL
);

CREATE TABLE role_requests (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	role		TEXT NOT NULL CHECK (role IN ('alumni', 'trainee', 'student')),
	note		TEXT NOT NULL DEFAULT '',
	status		TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'declined')),
	reason		TEXT NOT NULL DEFAULT '',
	decided_by	INTEGER REFERENCES users(id) ON DELETE SET NULL,
	created_at	INTEGER NOT NULL,
	decided_at	INTEGER
);
CREATE UNIQUE INDEX role_requests_one_open ON role_requests(user_id) WHERE status = 'open';
CREATE INDEX role_requests_open ON role_requests(status, id);

CREATE TABLE announcements (
	id		INTEGER PRIMARY KEY,
	text		TEXT NOT NULL,
	created_by	INTEGER REFERENCES users(id) ON DELETE SET NULL,	-- NULL: the sysop
	created_at	INTEGER NOT NULL,
	ends_at		INTEGER,		-- NULL: until ended
	ended_at	INTEGER,
	ended_by	INTEGER REFERENCES users(id) ON DELETE SET NULL,
	CHECK (ends_at IS NULL OR ends_at > created_at)
);

CREATE TABLE announcement_dismissals (
	announcement_id	INTEGER NOT NULL REFERENCES announcements(id) ON DELETE CASCADE,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	dismissed_at	INTEGER NOT NULL,
	PRIMARY KEY (announcement_id, user_id)
) WITHOUT ROWID;
