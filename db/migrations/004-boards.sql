-- Schema version 4: community boards.
--   community_members   who joined which community; read_floor is the
--                       highest post id that counts as read for the whole
--                       community (joining or "mark all read" raise it), so
--                       unread counting only ever looks at newer posts
--   threads             one row per discussion; last_post_* and post_count
--                       are kept up to date by db-board-post.c so the thread
--                       list is one indexed range read
--   posts               every post carries its materialised tree path: the
--                       parent's path plus a fixed-width sequence number of
--                       the post within its thread, so ORDER BY path is tree
--                       order and a thread page is an index range read
--   thread_reads        last-read pointer per member per thread, plus follow
--                       (1) or mute (-1)
--   posts_fts           FTS5 index over post bodies (external content); kept
--                       by db-board-post.c in the same transaction as the post,
--                       not by triggers (trusted_schema is off)
--   community_requests  "please create this community" and "I volunteer to
--                       moderate": stored for an admin to decide
--   drafts              unsent editor text per member and draft key

CREATE TABLE community_members (
	community_id	INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	joined_at	INTEGER NOT NULL,
	read_floor	INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (community_id, user_id)
) WITHOUT ROWID;
CREATE INDEX community_members_user ON community_members(user_id, community_id);

CREATE TABLE threads (
	id		INTEGER PRIMARY KEY,
	community_id	INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
	author_id	INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	title		TEXT NOT NULL,
	created_at	INTEGER NOT NULL,
	pinned		INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
	post_count	INTEGER NOT NULL DEFAULT 0,
	next_seq	INTEGER NOT NULL DEFAULT 0,	-- last sequence number used
	last_post_id	INTEGER NOT NULL DEFAULT 0,
	last_post_at	INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX threads_list ON threads(community_id, pinned, last_post_at, id);
CREATE INDEX threads_author ON threads(author_id);

CREATE TABLE posts (
	id		INTEGER PRIMARY KEY,
	thread_id	INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
	community_id	INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
	parent_id	INTEGER REFERENCES posts(id) ON DELETE SET NULL,
	author_id	INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	path		TEXT NOT NULL,
	depth		INTEGER NOT NULL DEFAULT 0,
	body		TEXT NOT NULL,
	created_at	INTEGER NOT NULL,
	edited_at	INTEGER,		-- NULL: never edited
	deleted		INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE UNIQUE INDEX posts_tree ON posts(thread_id, path);
CREATE INDEX posts_thread_id ON posts(thread_id, id);
CREATE INDEX posts_community ON posts(community_id, id);
CREATE INDEX posts_author ON posts(author_id);
CREATE INDEX posts_parent ON posts(parent_id);

CREATE TABLE thread_reads (
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	thread_id	INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
	last_read_id	INTEGER NOT NULL DEFAULT 0,
	follow		INTEGER NOT NULL DEFAULT 0 CHECK (follow IN (-1, 0, 1)),
	PRIMARY KEY (user_id, thread_id)
) WITHOUT ROWID;
CREATE INDEX thread_reads_followers ON thread_reads(thread_id) WHERE follow = 1;

CREATE VIRTUAL TABLE posts_fts USING fts5(body, content='posts', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2');
CREATE TABLE community_requests (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	kind		TEXT NOT NULL CHECK (kind IN ('create', 'moderate')),
	community_id	INTEGER REFERENCES communities(id) ON DELETE CASCADE,
	name		TEXT NOT NULL DEFAULT '',
	community_kind	TEXT NOT NULL DEFAULT '',
	description	TEXT NOT NULL DEFAULT '',
	why		TEXT NOT NULL,
	status		TEXT NOT NULL DEFAULT 'pending'
			CHECK (status IN ('pending', 'approved', 'declined')),
	created_at	INTEGER NOT NULL,
	decided_at	INTEGER,
	decided_by	INTEGER REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX community_requests_user ON community_requests(user_id, id);
CREATE INDEX community_requests_open ON community_requests(status, created_at);

CREATE TABLE drafts (
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	key		TEXT NOT NULL,
	text		TEXT NOT NULL,
	updated_at	INTEGER NOT NULL,
	PRIMARY KEY (user_id, key)
) WITHOUT ROWID;
CREATE INDEX drafts_recent ON drafts(user_id, updated_at);
