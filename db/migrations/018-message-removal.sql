-- Schema version 18: a moderator can remove a flagged private message.
--   messages.removed_reason  NULL: as written; else both members read
--                            "[removed by a moderator: REASON]" instead
--                            of the text (the review item keeps the
--                            context for the staff)
ALTER TABLE messages ADD COLUMN removed_reason TEXT;
