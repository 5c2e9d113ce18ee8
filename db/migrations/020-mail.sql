-- Schema version 20: email for the members who are not online.
--   mail_prefs     one row per member who gave an address: the verified
--                  address (NULL until a code confirmed it), which
--                  immediate mails they want (a bit per kind,
--                  rules/mail.h), and the digest (off, daily, weekly) with
--                  the time it last covered up to and when the next is due
--   mail_verify    the address waiting for its code: the code's hash
--                  (never the code), when it expires, wrong tries, and
--                  how many codes were sent in the current hour
--   mail_outbox    every mail, queued in the transaction of the event it
--                  tells of, sent by `mentorbbs mail run`:
--                    queued   waiting for next_at
--                    sending  handed to sendmail; if the runner dies here
--                             nobody knows whether it went, so the next
--                             runner marks it unknown and never sends it
--                             again (at most once)
--                    sent     sendmail exited 0: the system's MTA took it
--                    failed   attempts ran out or the address is refused
--                    unknown  see sending
--                    cancelled the member stopped mail or the address went
--                  body: the kind's detail line, or the digest's text; for
--                  a code, the code itself until it is sent (then cleared)
--   mail_stop_tokens  one per mail sent: its SHA-256 (never the token),
--                  the member it stops, when it was used (single use)

CREATE TABLE mail_prefs (
	user_id		INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
	email		TEXT,				-- verified; NULL: none
	verified_at	INTEGER,
	immediate	INTEGER NOT NULL DEFAULT 15,	-- rules/mail.h MAIL_BIT_*
	digest		TEXT NOT NULL DEFAULT 'weekly'
			CHECK (digest IN ('off', 'daily', 'weekly')),
	digest_since	INTEGER NOT NULL DEFAULT 0,	-- the last digest covered up to here
	digest_due_at	INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX mail_prefs_digest ON mail_prefs(digest_due_at) WHERE email IS NOT NULL;

CREATE TABLE mail_verify (
	user_id		INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
	email		TEXT NOT NULL,
	code_hash	BLOB NOT NULL,
	expires_at	INTEGER NOT NULL,
	tries		INTEGER NOT NULL DEFAULT 0,
	window_start	INTEGER NOT NULL,		-- the hour the sends are counted in
	sends		INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE mail_outbox (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	kind		TEXT NOT NULL,			-- rules/mail.h mail_kind_name
	to_addr		TEXT,				-- a code goes to the address it checks
	body		TEXT,
	state		TEXT NOT NULL DEFAULT 'queued'
			CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown',
			    'cancelled')),
	attempts	INTEGER NOT NULL DEFAULT 0,
	next_at		INTEGER NOT NULL,
	created_at	INTEGER NOT NULL,
	sent_at		INTEGER,
	last_error	TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox(next_at, id) WHERE state = 'queued';
CREATE INDEX mail_outbox_user ON mail_outbox(user_id, id);

CREATE TABLE mail_stop_tokens (
	hash		BLOB PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	outbox_id	INTEGER REFERENCES mail_outbox(id) ON DELETE SET NULL,
	created_at	INTEGER NOT NULL,
	used_at		INTEGER
) WITHOUT ROWID;
CREATE INDEX mail_stop_tokens_user ON mail_stop_tokens(user_id);
