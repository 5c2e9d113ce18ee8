-- Schema version 10: thread titles are searched too.
--   threads_fts  FTS5 index over thread titles (external content on
--                threads), beside posts_fts over post bodies. A title hit
--                stands for the thread's first post. Kept by
--                db-board-thread.c in the same transaction as the thread,
--                not by triggers (trusted_schema is off); filled here from
--                the titles already stored.
CREATE VIRTUAL TABLE threads_fts USING fts5(title, content='threads', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2');
INSERT INTO threads_fts (threads_fts) VALUES ('rebuild');
