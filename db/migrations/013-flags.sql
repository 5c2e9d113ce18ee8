-- Schema version 13: flags, the review queue and the safety queue.
--   review_items  one thing the staff must look at. queue 'community': the
--                 flags of a post, message or member (moderators of the
--                 post's community; admins for everything and for items
--                 without a community). queue 'safety': admins only: HOST
--                 flags (host, guest), flags of type unsafe, a "did not feel
--                 safe" answer after a stay (kind 'stay', one item per
--                 answer) and a mentorship-end rating of 1 or 2 (kind
--                 'mentorship'). At most one open (or escalated) item per
--                 target and reporter; every action moves it from the state
--                 it was read in (UPDATE ... WHERE status = ...).
--   flags         a member's flag of a target, with a type and an optional
--                 private note; it joins the target's open item. One open
--                 flag per member per target. Replaces reports (002), whose
--                 rows move here as type 'other' with their reason as note.
--   posts.hidden  1: hidden pending review (open flags from distinct members
--                 reached [moderation] hide_threshold), 2: hidden by a
--                 moderator. Readers see a stub; the author sees the post.
--   posts.removed_reason  not NULL: removed by a moderator (deleted = 1),
--                 readers see "[removed by a moderator: REASON]".
-- The two safety sources outside the flags are triggers, so whichever code
-- stores the answer or the rating, the item opens in its transaction.

CREATE TABLE review_items (
	id		INTEGER PRIMARY KEY,
	queue		TEXT NOT NULL CHECK (queue IN ('community', 'safety')),
	kind		TEXT NOT NULL CHECK (kind IN ('post', 'message', 'member', 'host',
			    'guest', 'stay', 'mentorship')),
	target_id	INTEGER NOT NULL,	-- id in the table kind names (member: users)
	community_id	INTEGER REFERENCES communities(id) ON DELETE SET NULL,
	subject_id	INTEGER REFERENCES users(id) ON DELETE SET NULL,	-- whom it is about
	reporter_id	INTEGER REFERENCES users(id) ON DELETE SET NULL,	-- stay, mentorship
	detail		TEXT NOT NULL DEFAULT '',	-- 'did not feel safe', 'rated 1 of 5'
	status		TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'escalated',
			    'agreed', 'disagreed', 'dismissed', 'resolved', 'sanctioned')),
	created_at	INTEGER NOT NULL,
	stale_noticed	INTEGER NOT NULL DEFAULT 0 CHECK (stale_noticed IN (0, 1)),
	handled_by	INTEGER REFERENCES users(id) ON DELETE SET NULL,
	handled_at	INTEGER,
	reason		TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX review_items_target ON review_items(queue, kind, target_id,
	coalesce(reporter_id, 0)) WHERE status IN ('open', 'escalated');
CREATE INDEX review_items_queue ON review_items(queue, status, community_id, created_at);

CREATE TABLE flags (
	id		INTEGER PRIMARY KEY,
	item_id		INTEGER NOT NULL REFERENCES review_items(id) ON DELETE CASCADE,
	flagger_id	INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	kind		TEXT NOT NULL
			CHECK (kind IN ('message', 'post', 'member', 'host', 'guest')),
	target_id	INTEGER NOT NULL,
	community_id	INTEGER REFERENCES communities(id) ON DELETE SET NULL,
	type		TEXT NOT NULL CHECK (type IN ('off-topic', 'inappropriate', 'spam',
			    'harassment', 'unsafe', 'other')),
	note		TEXT NOT NULL DEFAULT '',
	created_at	INTEGER NOT NULL,
	status		TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'agreed',
			    'disagreed', 'dismissed', 'resolved')),
	handled_by	INTEGER REFERENCES users(id) ON DELETE SET NULL,
	handled_at	INTEGER
);
-- A member's open flags: the duplicate check and the cap on open flags.
CREATE INDEX flags_flagger_open ON flags(flagger_id, status, kind, target_id);
CREATE INDEX flags_item ON flags(item_id, status);
CREATE INDEX flags_target ON flags(kind, target_id, status);

ALTER TABLE posts ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1, 2));
ALTER TABLE posts ADD COLUMN removed_reason TEXT;

-- The reports filed so far: one item per target and outcome, each report a flag.
INSERT INTO review_items (queue, kind, target_id, community_id, subject_id, status, created_at,
    handled_by, handled_at)
SELECT CASE WHEN r.kind IN ('host', 'guest') THEN 'safety' ELSE 'community' END, r.kind,
    r.target_id, max(r.community_id),
    CASE r.kind WHEN 'post' THEN (SELECT author_id FROM posts WHERE id = r.target_id)
        WHEN 'message' THEN (SELECT sender_id FROM messages WHERE id = r.target_id)
        ELSE (SELECT id FROM users WHERE id = r.target_id) END,
    CASE r.status WHEN 'open' THEN 'open' WHEN 'actioned' THEN 'agreed' ELSE 'dismissed' END,
    min(r.created_at), max(r.handled_by), max(r.handled_at)
FROM reports r GROUP BY r.kind, r.target_id, r.status;
INSERT INTO flags (item_id, flagger_id, kind, target_id, community_id, type, note, created_at,
    status, handled_by, handled_at)
SELECT (SELECT i.id FROM review_items i WHERE i.kind = r.kind AND i.target_id = r.target_id
        AND i.status = CASE r.status WHEN 'open' THEN 'open' WHEN 'actioned' THEN 'agreed'
        ELSE 'dismissed' END),
    r.reporter_id, r.kind, r.target_id, r.community_id, 'other', r.reason, r.created_at,
    CASE r.status WHEN 'open' THEN 'open' WHEN 'actioned' THEN 'agreed' ELSE 'dismissed' END,
    r.handled_by, r.handled_at
FROM reports r ORDER BY r.id;
DROP TABLE reports;

-- The answers and ratings already given open their items too.
INSERT INTO review_items (queue, kind, target_id, subject_id, reporter_id, detail, created_at)
SELECT 'safety', 'stay', request_id, subject_id, author_id, 'did not feel safe', created_at
FROM host_references WHERE felt_safe = 0;
INSERT INTO review_items (queue, kind, target_id, subject_id, reporter_id, detail, created_at)
SELECT 'safety', 'mentorship', id, CASE WHEN ended_by = mentor_id THEN mentee_id ELSE mentor_id
    END, ended_by, 'rated ' || fit_rating || ' of 5', coalesce(closed_at, created_at)
FROM mentorships WHERE fit_rating IS NOT NULL AND fit_rating <= 2;

CREATE TRIGGER host_reference_unsafe AFTER INSERT ON host_references
WHEN NEW.felt_safe = 0
BEGIN
	INSERT INTO review_items (queue, kind, target_id, subject_id, reporter_id, detail,
	    created_at)
	SELECT 'safety', 'stay', NEW.request_id, NEW.subject_id, NEW.author_id,
	    'did not feel safe', NEW.created_at
	WHERE NOT EXISTS (SELECT 1 FROM review_items WHERE queue = 'safety' AND kind = 'stay'
	    AND target_id = NEW.request_id AND reporter_id = NEW.author_id
	    AND status IN ('open', 'escalated'));
END;

CREATE TRIGGER mentorship_low_rating AFTER UPDATE OF fit_rating ON mentorships
WHEN NEW.fit_rating IS NOT NULL AND NEW.fit_rating <= 2
    AND (OLD.fit_rating IS NULL OR OLD.fit_rating > 2)
BEGIN
	INSERT INTO review_items (queue, kind, target_id, subject_id, reporter_id, detail,
	    created_at)
	SELECT 'safety', 'mentorship', NEW.id, CASE WHEN NEW.ended_by = NEW.mentor_id
	    THEN NEW.mentee_id ELSE NEW.mentor_id END, NEW.ended_by,
	    'rated ' || NEW.fit_rating || ' of 5', coalesce(NEW.closed_at, NEW.created_at)
	WHERE NOT EXISTS (SELECT 1 FROM review_items WHERE queue = 'safety'
	    AND kind = 'mentorship' AND target_id = NEW.id AND status IN ('open', 'escalated'));
END;
