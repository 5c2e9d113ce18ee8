-- Schema version 5: private messages between two members.
--   conversations   one row per pair of members (user_a < user_b), made by
--                   the first message; last_id/last_at keep the newest one
--   conversation_members  each participant's own view of it: read pointer,
--                   unread count, archived, and cleared_id ("deleted for
--                   me": messages up to that id are gone for this member)
--   messages        the messages, paged by (conversation_id, id)
--   message_hides   single messages a member deleted for themselves
-- The unread count is kept in the row (not counted) so the status bar of
-- every session can re-read it cheaply each time the database changes.

CREATE TABLE conversations (
	id		INTEGER PRIMARY KEY,
	user_a		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	user_b		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	created_at	INTEGER NOT NULL,
	last_id		INTEGER NOT NULL DEFAULT 0,	-- newest message
	last_at		INTEGER NOT NULL,
	CHECK (user_a < user_b),
	UNIQUE (user_a, user_b)
);

CREATE TABLE conversation_members (
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	conversation_id	INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
	peer_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	last_read_id	INTEGER NOT NULL DEFAULT 0,
	cleared_id	INTEGER NOT NULL DEFAULT 0,
	unread		INTEGER NOT NULL DEFAULT 0,
	archived	INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	last_at		INTEGER NOT NULL,		-- copy of conversations.last_at
	PRIMARY KEY (user_id, conversation_id)
) WITHOUT ROWID;
-- The inbox: a member's conversations, newest first, keyset paged.
CREATE INDEX conversation_members_inbox
	ON conversation_members(user_id, archived, last_at DESC, conversation_id DESC);

CREATE TABLE messages (
	id		INTEGER PRIMARY KEY,
	conversation_id	INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
	sender_id	INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	body		TEXT NOT NULL,
	created_at	INTEGER NOT NULL
);
CREATE INDEX messages_conversation ON messages(conversation_id, id);
-- The rate limit counts a sender's messages of the last minute.
CREATE INDEX messages_sender ON messages(sender_id, created_at);

CREATE TABLE message_hides (
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	message_id	INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
	PRIMARY KEY (user_id, message_id)
) WITHOUT ROWID;
CREATE INDEX message_hides_message ON message_hides(message_id);
