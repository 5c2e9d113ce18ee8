-- Schema version 1: members, their SSH keys, who is online, communities.
-- Times are unix seconds (UTC). Text is UTF-8 already checked by src/user.c;
-- the CHECKs here are the last line of defence, not the validation.

CREATE TABLE users (
	id			INTEGER PRIMARY KEY,
	login			TEXT NOT NULL UNIQUE COLLATE BINARY,
	display_name		TEXT NOT NULL,
	role			TEXT NOT NULL
				CHECK (role IN ('alumni', 'trainee', 'student')),
	is_admin		INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
	status			TEXT NOT NULL DEFAULT 'active'
				CHECK (status IN ('active', 'suspended', 'pending')),
	pw_hash			TEXT,		-- NULL: key-only account
	created_at		INTEGER NOT NULL,
	last_login_at		INTEGER,	-- NULL: never
	rules_accepted_at	INTEGER,	-- NULL: not yet

	-- profile (struct member in src/member.h)
	programs		TEXT NOT NULL DEFAULT '',
	grad_year		INTEGER NOT NULL DEFAULT 0,	-- 0: not given
	specialty		TEXT NOT NULL DEFAULT '',
	subspecialty		TEXT NOT NULL DEFAULT '',
	position		TEXT NOT NULL DEFAULT '',
	institution		TEXT NOT NULL DEFAULT '',
	city			TEXT NOT NULL DEFAULT '',
	region			TEXT NOT NULL DEFAULT '',
	country			TEXT NOT NULL DEFAULT '',
	topics			TEXT NOT NULL DEFAULT '',
	bio			TEXT NOT NULL DEFAULT '',
	open_to_mentoring	INTEGER NOT NULL DEFAULT 0
				CHECK (open_to_mentoring IN (0, 1)),
	seeking_mentor		INTEGER NOT NULL DEFAULT 0
				CHECK (seeking_mentor IN (0, 1)),
	max_mentees		INTEGER NOT NULL DEFAULT 0
				CHECK (max_mentees BETWEEN 0 AND 20),

	-- Students are mentored; they do not mentor.
	CHECK (role <> 'student' OR open_to_mentoring = 0)
);

CREATE TABLE ssh_keys (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	type		TEXT NOT NULL,
	blob_b64	TEXT NOT NULL UNIQUE,	-- canonical base64: one owner per key
	fingerprint	TEXT NOT NULL,
	comment		TEXT NOT NULL DEFAULT '',
	created_at	INTEGER NOT NULL
);
CREATE INDEX ssh_keys_user ON ssh_keys(user_id);

-- One row per live UI process; rows of dead processes are dropped when listed.
CREATE TABLE presence (
	pid		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	section		TEXT NOT NULL DEFAULT '',
	started_at	INTEGER NOT NULL,
	last_input_at	INTEGER NOT NULL
);
CREATE INDEX presence_user ON presence(user_id);

CREATE TABLE communities (
	id		INTEGER PRIMARY KEY,
	slug		TEXT NOT NULL UNIQUE,
	name		TEXT NOT NULL UNIQUE,
	kind		TEXT NOT NULL CHECK (kind IN ('region', 'career')),
	description	TEXT NOT NULL DEFAULT '',
	created_at	INTEGER NOT NULL
);

CREATE TABLE community_moderators (
	community_id	INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	PRIMARY KEY (community_id, user_id)
) WITHOUT ROWID;
CREATE INDEX community_moderators_user ON community_moderators(user_id);
