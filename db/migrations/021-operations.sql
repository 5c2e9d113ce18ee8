-- Schema version 21: what the sysop's operations commands need (issue 15).
--   users.pw_expired       1: the member must choose a new password before
--                          anything else (user passwd --expire, a one-time
--                          code from user import)
--   users.setup_code_hash  SHA-256 (hex) of a one-time code that lets an
--                          imported member in once to set a password; the
--                          code is 100 random bits, so a fast hash is enough
--   users.setup_code_until when the code stops working (unix seconds)
--   users.deleted_at       a former member (user delete): the row stays so
--                          their posts keep an author, emptied of
--                          everything else
--   users.kicked_at        mentorbbs kick: sessions started before it end
--   users.origin           who made the row: '' (registration, user add),
--                          'import' (user import), 'seed-demo'
--   users.email            from the roster (user import); shown to nobody,
--                          in the member's export
--   presence.peer          the address a session came from, for mentorbbs who

ALTER TABLE users ADD COLUMN pw_expired INTEGER NOT NULL DEFAULT 0
	CHECK (pw_expired IN (0, 1));
ALTER TABLE users ADD COLUMN setup_code_hash TEXT;
ALTER TABLE users ADD COLUMN setup_code_until INTEGER;
ALTER TABLE users ADD COLUMN deleted_at INTEGER;
ALTER TABLE users ADD COLUMN kicked_at INTEGER;
ALTER TABLE users ADD COLUMN origin TEXT NOT NULL DEFAULT ''
	CHECK (origin IN ('', 'import', 'seed-demo'));
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE presence ADD COLUMN peer TEXT NOT NULL DEFAULT '';
