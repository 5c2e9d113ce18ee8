-- Schema version 8: indexes for the limits on members' writing.
--   posts_author_time  the board posting rate limit counts one member's
--                      posts in the last minute: one short index range
--                      (it also serves every lookup by author alone, so it
--                      replaces posts_author)
DROP INDEX IF EXISTS posts_author;
CREATE INDEX posts_author_time ON posts(author_id, created_at);
