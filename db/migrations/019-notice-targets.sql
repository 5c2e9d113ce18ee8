-- Schema version 19: a notice names what it is about, so Enter on it opens
-- that thing and dealing with the thing marks its notices seen.
--   notices.target_kind  NULL (a notice with nothing to open) or one of
--                        the NOTICE_ON_* words of db/db-notice.h:
--                        'mentorship' (mentorships.id), 'post' (posts.id:
--                        the thread opens at it), 'host_request'
--                        (host_requests.id), 'conversation'
--                        (conversations.id), 'review' (review_items.id)
--   notices.target_id    the id in the table target_kind names
--   notices_target       the member's unseen notices on one thing: what
--                        opening or acting on it marks seen, one short
--                        index range (only unseen rows are in it)

ALTER TABLE notices ADD COLUMN target_kind TEXT;
ALTER TABLE notices ADD COLUMN target_id INTEGER NOT NULL DEFAULT 0;
CREATE INDEX notices_target ON notices(user_id, target_kind, target_id)
	WHERE seen_at IS NULL;

-- HOST requests (issue 12 point 14).
--   host_requests.prop_note  the short note a counter-proposal carries ('':
--                            none); it becomes the request's note when the
--                            proposal is agreed to, and goes with it when
--                            the proposal is turned down or withdrawn
--   travellers               counts the partner from now on (a request with
--                            a partner has at least 2 travellers), so the
--                            host's capacity counts the partner as well.
--                            Requests made before said "1 traveller,
--                            partner coming" for two people: they become 2.
ALTER TABLE host_requests ADD COLUMN prop_note TEXT NOT NULL DEFAULT '';
UPDATE host_requests SET travellers = 2 WHERE partner = 1 AND travellers < 2;
UPDATE host_requests SET prop_travellers = 2
	WHERE partner = 1 AND prop_by <> 0 AND prop_travellers < 2;
