-- Schema version 3: one-on-one mentoring.
--   mentorships      one row per request; its state moves requested ->
--                    active/declined/withdrawn/expired, active <-> paused,
--                    active/paused -> ended (rules in src/mentor.c)
--   mentor_stats     per mentor: live counters kept by triggers (active and
--                    pending mentees, requests ever received) and settings
--                    (paused, availability confirmed, typical reply time)
--   mentor_checkins  "did you meet? next date? note" during a mentorship
--   mentor_bookmarks mentors a member wants to come back to
--   member_fts       full-text index over members; triggers on users queue
--                    every change, folded in before the next search

CREATE TABLE mentorships (
	id		INTEGER PRIMARY KEY,
	mentee_id	INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	mentor_id	INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	state		TEXT NOT NULL DEFAULT 'requested'
			CHECK (state IN ('requested', 'active', 'paused', 'declined',
			    'withdrawn', 'expired', 'ended')),
	message		TEXT NOT NULL,		-- the mentee's goals and what help is wanted
	created_at	INTEGER NOT NULL,
	reminded_at	INTEGER,		-- reminder sent to the mentor
	answered_at	INTEGER,		-- accepted or declined (reply time)
	answer_note	TEXT NOT NULL DEFAULT '',	-- optional note with the answer
	decline_reason	TEXT NOT NULL DEFAULT '',	-- a code; never shown to the mentee
	closed_at	INTEGER,		-- declined, withdrawn, expired or ended
	ended_by	INTEGER REFERENCES users(id) ON DELETE SET NULL,
	end_reason	TEXT NOT NULL DEFAULT '',
	fit_rating	INTEGER CHECK (fit_rating IS NULL OR fit_rating BETWEEN 1 AND 5),
	CHECK (mentee_id <> mentor_id)
);
-- No duplicate open pair: one pending, active or paused mentorship per pair.
CREATE UNIQUE INDEX mentorships_open_pair ON mentorships(mentee_id, mentor_id)
	WHERE state IN ('requested', 'active', 'paused');
CREATE INDEX mentorships_mentor ON mentorships(mentor_id, state, created_at);
CREATE INDEX mentorships_mentee ON mentorships(mentee_id, state, created_at);
CREATE INDEX mentorships_pending ON mentorships(created_at) WHERE state = 'requested';
CREATE INDEX mentorships_replies ON mentorships(mentor_id, answered_at)
	WHERE answered_at IS NOT NULL;

CREATE TABLE mentor_stats (
	user_id		INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
	active		INTEGER NOT NULL DEFAULT 0,	-- active + paused mentorships
	pending		INTEGER NOT NULL DEFAULT 0,	-- requests waiting for an answer
	asked		INTEGER NOT NULL DEFAULT 0,	-- requests ever received
	paused		INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
	confirmed_at	INTEGER,			-- availability last confirmed
	reply_secs	INTEGER				-- median reply time; NULL: none yet
);

CREATE TRIGGER mentorships_ins AFTER INSERT ON mentorships BEGIN
	INSERT OR IGNORE INTO mentor_stats (user_id) VALUES (new.mentor_id);
	UPDATE mentor_stats SET asked = asked + 1,
		pending = pending + (new.state = 'requested'),
		active = active + (new.state IN ('active', 'paused'))
		WHERE user_id = new.mentor_id;
END;
CREATE TRIGGER mentorships_upd AFTER UPDATE OF state ON mentorships BEGIN
	UPDATE mentor_stats SET
		pending = pending - (old.state = 'requested') + (new.state = 'requested'),
		active = active - (old.state IN ('active', 'paused'))
			+ (new.state IN ('active', 'paused'))
		WHERE user_id = new.mentor_id;
END;
CREATE TRIGGER mentorships_del AFTER DELETE ON mentorships BEGIN
	UPDATE mentor_stats SET
		pending = pending - (old.state = 'requested'),
		active = active - (old.state IN ('active', 'paused'))
		WHERE user_id = old.mentor_id;
END;

CREATE TABLE mentor_checkins (
	id		INTEGER PRIMARY KEY,
	mentorship_id	INTEGER NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
	author_id	INTEGER REFERENCES users(id) ON DELETE SET NULL,
	met		INTEGER NOT NULL CHECK (met IN (0, 1)),
	next_date	TEXT NOT NULL DEFAULT '',	-- "2026-12-03" or empty
	note		TEXT NOT NULL DEFAULT '',
	created_at	INTEGER NOT NULL
);
CREATE INDEX mentor_checkins_ship ON mentor_checkins(mentorship_id, id);

CREATE TABLE mentor_bookmarks (
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	mentor_id	INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	created_at	INTEGER NOT NULL,
	PRIMARY KEY (user_id, mentor_id)
) WITHOUT ROWID;
CREATE INDEX mentor_bookmarks_mentor ON mentor_bookmarks(mentor_id);

-- Browsing mentors by name without text: a partial index keeps it short.
CREATE INDEX users_mentors_name ON users(display_name COLLATE NOCASE, id)
	WHERE open_to_mentoring = 1;

-- Full-text index over the members who are open to mentoring (only they
-- are ever search results, and a smaller index ranks faster). The connection runs with
-- trusted_schema = OFF, which (rightly) forbids triggers from touching a
-- virtual table, so the triggers only queue the ids of changed members in
-- an ordinary table; the data layer folds the queue into the index before
-- every search (db_mentor_index_sync), in one short write transaction.
-- Whoever changes a profile (db_user_update_profile, the CLI, seed-demo),
-- the next search sees it.
CREATE VIRTUAL TABLE member_fts USING fts5(
	display_name, position, institution, bio, topics,
	specialty, subspecialty, programs, city, region, country,
	tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TABLE member_fts_queue (
	user_id		INTEGER PRIMARY KEY	-- no FK: deleted members are queued too
);
CREATE TRIGGER users_fts_ins AFTER INSERT ON users BEGIN
	INSERT OR IGNORE INTO member_fts_queue (user_id) VALUES (new.id);
END;
CREATE TRIGGER users_fts_del AFTER DELETE ON users BEGIN
	INSERT OR IGNORE INTO member_fts_queue (user_id) VALUES (old.id);
END;
CREATE TRIGGER users_fts_upd AFTER UPDATE OF display_name, position, institution,
	bio, topics, specialty, subspecialty, programs, city, region, country,
	open_to_mentoring, status ON users
BEGIN
	INSERT OR IGNORE INTO member_fts_queue (user_id) VALUES (new.id);
END;
-- Members who existed before this migration.
INSERT INTO member_fts (rowid, display_name, position, institution, bio, topics,
	specialty, subspecialty, programs, city, region, country)
SELECT id, display_name, position, institution, bio, topics, specialty, subspecialty,
	programs, city, region, country FROM users
	WHERE open_to_mentoring = 1 AND status = 'active';
