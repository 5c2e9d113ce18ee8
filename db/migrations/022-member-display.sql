-- Schema version 22: how a member's screen looks, chosen in Profile.
--   users.display_plain  plain mode (no colour, ">" on the choice, the
--                        cursor on it, news said in words): 1 on, 0 off,
--                        NULL automatic (on when the client sends NO_COLOR
--                        or its terminal is dumb or unknown)
--   users.time_zone      an IANA zone name ("Europe/Berlin") every time is
--                        shown in; NULL automatic (TZ from the client when
--                        it names a known zone, else the server's)
-- Only the member sets them (db/db-display.c checks that).

ALTER TABLE users ADD COLUMN display_plain INTEGER
	CHECK (display_plain IS NULL OR display_plain IN (0, 1));
ALTER TABLE users ADD COLUMN time_zone TEXT
	CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64);
