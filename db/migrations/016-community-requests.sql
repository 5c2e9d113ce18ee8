-- Schema version 16: community requests decided by the admins, support
-- (+1) for them, moderator applications with a recommendation, and
-- archived communities.
--   community_requests  rebuilt: a CHECK constraint cannot change in
--                       place. The status is now open (was 'pending'),
--                       approved, declined (with a reason) or merged. For
--                       a request to create a community, community_id is
--                       empty while it is open and then names the
--                       community it became (approved) or was merged
--                       into; for an application to moderate, the
--                       community. guidelines_at: when the applicant
--                       acknowledged the moderators' guidelines.
--                       recommended_*: a moderator of the community
--                       recommended the application to the admins.
--   community_request_supports  one row per member supporting a request
--   communities.archived_at     hidden from the list, closed to posts
--
-- Nothing references community_requests, so dropping the old table with
-- foreign keys on deletes nothing elsewhere; the supports table, which
-- references it, is made after the rename.

CREATE TABLE community_requests_new (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	kind		TEXT NOT NULL CHECK (kind IN ('create', 'moderate')),
	community_id	INTEGER REFERENCES communities(id) ON DELETE CASCADE,
	name		TEXT NOT NULL DEFAULT '',
	community_kind	TEXT NOT NULL DEFAULT '',
	description	TEXT NOT NULL DEFAULT '',
	why		TEXT NOT NULL,
	status		TEXT NOT NULL DEFAULT 'open'
			CHECK (status IN ('open', 'approved', 'declined', 'merged')),
	created_at	INTEGER NOT NULL,
	decided_at	INTEGER,
	decided_by	INTEGER REFERENCES users(id) ON DELETE SET NULL,
	reason		TEXT NOT NULL DEFAULT '',	-- the admin's reason, shown to members
	guidelines_at	INTEGER,
	recommended_by	INTEGER REFERENCES users(id) ON DELETE SET NULL,
	recommended_at	INTEGER,
	recommend_note	TEXT NOT NULL DEFAULT ''
);
INSERT INTO community_requests_new (id, user_id, kind, community_id, name, community_kind,
	description, why, status, created_at, decided_at, decided_by)
	SELECT id, user_id, kind, community_id, name, community_kind, description, why,
	CASE status WHEN 'pending' THEN 'open' ELSE status END, created_at, decided_at,
	decided_by FROM community_requests;
DROP TABLE community_requests;
ALTER TABLE community_requests_new RENAME TO community_requests;
CREATE INDEX community_requests_user ON community_requests(user_id, id);
CREATE INDEX community_requests_open ON community_requests(status, created_at);
CREATE INDEX community_requests_community ON community_requests(community_id, status);

CREATE TABLE community_request_supports (
	request_id	INTEGER NOT NULL REFERENCES community_requests(id) ON DELETE CASCADE,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	created_at	INTEGER NOT NULL,
	PRIMARY KEY (request_id, user_id)
) WITHOUT ROWID;
CREATE INDEX community_request_supports_user ON community_request_supports(user_id);

ALTER TABLE communities ADD COLUMN archived_at INTEGER;	-- NULL: open
