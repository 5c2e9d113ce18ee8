-- Schema version 8: indexes for the limits on what one member may write.
--   posts_author_time      the board posting rate limit counts a member's
--                          posts of the last minute: one short index range.
--                          It serves every lookup by author alone too, so
--                          it replaces posts_author.
--   reports_reporter_open  a member's open reports: the duplicate check and
--                          the cap on open reports (replaces reports_reporter)
DROP INDEX IF EXISTS posts_author;
CREATE INDEX posts_author_time ON posts(author_id, created_at);
DROP INDEX IF EXISTS reports_reporter;
CREATE INDEX reports_reporter_open ON reports(reporter_id, status, kind, target_id);
