-- Schema version 14: thread moderation and probation (issue 10).
--   threads.locked        1: replies are refused (the moderators of the
--                         community and admins may still post)
--   threads.slow_seconds  slow mode: the least time between two posts of
--                         one member in the thread; 0 is off
--   vouches               a moderator or admin vouched for a new member:
--                         the probation caps no longer apply to them. One
--                         row per member; the audit log keeps who and why.
--   posts_thread_author   slow mode reads a member's newest post in a
--                         thread with one index seek.
ALTER TABLE threads ADD COLUMN locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1));
ALTER TABLE threads ADD COLUMN slow_seconds INTEGER NOT NULL DEFAULT 0
	CHECK (slow_seconds >= 0 AND slow_seconds <= 86400);

CREATE TABLE vouches (
	user_id		INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
	vouched_by	INTEGER REFERENCES users(id) ON DELETE SET NULL,	-- NULL: the sysop
	created_at	INTEGER NOT NULL
);

CREATE INDEX posts_thread_author ON posts(thread_id, author_id, created_at);
