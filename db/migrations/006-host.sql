-- Schema version 6: the HOST program (src/db-host*.c).
--   host_profiles   one per hosting member (alumni/trainee): offers, where,
--                   household, capacity, and the private street address and
--                   phone that only an accepted guest sees
--   host_blackouts  date ranges a host does not take guests (days since epoch)
--   host_fts        FTS5 over nearest hospitals and affiliations and their
--                   initials ("MGH" for Massachusetts General Hospital), rowid = user_id
--   host_interviews the programs a travelling member will visit, with dates
--   host_requests   a stay request and its state; a pending counter-proposal
--                   sits in the prop_* columns until the other side answers
--   host_access_log each time a guest was shown the host's private details
--   host_references one per side of a completed stay; revealed together
-- Days are whole days since 1970-01-01 (UTC midnight / 86400).

CREATE TABLE host_profiles (
	user_id		INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
	status		TEXT NOT NULL DEFAULT 'off'
			CHECK (status IN ('hosting', 'maybe', 'off')),
	offers		INTEGER NOT NULL DEFAULT 0,	-- HOST_OFFER_* bits (host.h)
	sleeping	TEXT NOT NULL DEFAULT 'private'
			CHECK (sleeping IN ('private', 'shared', 'couch', 'unit')),
	city		TEXT NOT NULL DEFAULT '',
	region		TEXT NOT NULL DEFAULT '',
	country		TEXT NOT NULL DEFAULT '',
	neighbourhood	TEXT NOT NULL DEFAULT '',
	hospitals	TEXT NOT NULL DEFAULT '',	-- nearest hospitals, "; " separated
	affiliations	TEXT NOT NULL DEFAULT '',
	pets		TEXT NOT NULL DEFAULT '',	-- '' = no pets
	smoking		INTEGER NOT NULL DEFAULT 0 CHECK (smoking IN (0, 1)),
	partner_ok	INTEGER NOT NULL DEFAULT 0 CHECK (partner_ok IN (0, 1)),
	accessibility	TEXT NOT NULL DEFAULT '',
	house_rules	TEXT NOT NULL DEFAULT '',
	capacity	INTEGER NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 10),
	max_nights	INTEGER NOT NULL DEFAULT 3 CHECK (max_nights BETWEEN 1 AND 60),
	min_notice_days	INTEGER NOT NULL DEFAULT 14 CHECK (min_notice_days BETWEEN 0 AND 180),
	address		TEXT NOT NULL DEFAULT '',	-- private
	phone		TEXT NOT NULL DEFAULT '',	-- private
	updated_at	INTEGER NOT NULL
);
CREATE INDEX host_profiles_status ON host_profiles(status);

CREATE TABLE host_blackouts (
	id		INTEGER PRIMARY KEY,
	host_id		INTEGER NOT NULL REFERENCES host_profiles(user_id) ON DELETE CASCADE,
	first_day	INTEGER NOT NULL,
	last_day	INTEGER NOT NULL,
	CHECK (last_day >= first_day)
);
CREATE INDEX host_blackouts_host ON host_blackouts(host_id, first_day);

CREATE VIRTUAL TABLE host_fts USING fts5(hospitals, affiliations, initials);

CREATE TABLE host_interviews (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	program		TEXT NOT NULL,
	day		INTEGER NOT NULL
);
CREATE INDEX host_interviews_user ON host_interviews(user_id, day);

CREATE TABLE host_requests (
	id		INTEGER PRIMARY KEY,
	host_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	guest_id	INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	arrive_day	INTEGER NOT NULL,
	depart_day	INTEGER NOT NULL,
	flexible	INTEGER NOT NULL DEFAULT 0 CHECK (flexible IN (0, 1)),
	travellers	INTEGER NOT NULL DEFAULT 1 CHECK (travellers BETWEEN 1 AND 10),
	partner		INTEGER NOT NULL DEFAULT 0 CHECK (partner IN (0, 1)),
	pet_allergy	INTEGER NOT NULL DEFAULT 0 CHECK (pet_allergy IN (0, 1)),
	accessibility	TEXT NOT NULL DEFAULT '',
	purpose		TEXT NOT NULL CHECK (purpose IN ('residency', 'fellowship',
			    'second-look', 'conference', 'other')),
	programs	TEXT NOT NULL DEFAULT '',
	message		TEXT NOT NULL DEFAULT '',
	state		TEXT NOT NULL DEFAULT 'requested' CHECK (state IN ('requested',
			    'tentative', 'accepted', 'confirmed', 'declined', 'cancelled',
			    'expired', 'completed', 'noshow')),
	note		TEXT NOT NULL DEFAULT '',	-- last note or reason, with its author
	note_by		INTEGER NOT NULL DEFAULT 0,
	prop_by		INTEGER NOT NULL DEFAULT 0,	-- 0: no counter-proposal pending
	prop_arrive	INTEGER NOT NULL DEFAULT 0,
	prop_depart	INTEGER NOT NULL DEFAULT 0,
	prop_travellers	INTEGER NOT NULL DEFAULT 0,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL,
	CHECK (depart_day > arrive_day),
	CHECK (host_id <> guest_id)
);
CREATE INDEX host_requests_host ON host_requests(host_id, state, arrive_day);
CREATE INDEX host_requests_guest ON host_requests(guest_id, state, arrive_day);
CREATE INDEX host_requests_open ON host_requests(state, arrive_day);
CREATE INDEX host_requests_stay ON host_requests(state, depart_day);

CREATE TABLE host_access_log (
	id		INTEGER PRIMARY KEY,
	host_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	guest_id	INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	request_id	INTEGER NOT NULL REFERENCES host_requests(id) ON DELETE CASCADE,
	shown_at	INTEGER NOT NULL
);
CREATE INDEX host_access_log_host ON host_access_log(host_id, id);

CREATE TABLE host_references (
	request_id	INTEGER NOT NULL REFERENCES host_requests(id) ON DELETE CASCADE,
	author_id	INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	subject_id	INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	body		TEXT NOT NULL,
	felt_safe	INTEGER NOT NULL CHECK (felt_safe IN (0, 1)),	-- admins only
	created_at	INTEGER NOT NULL,
	revealed_at	INTEGER,				-- NULL: hidden yet
	PRIMARY KEY (request_id, author_id)
) WITHOUT ROWID;
CREATE INDEX host_references_subject ON host_references(subject_id, revealed_at);
CREATE INDEX host_references_hidden ON host_references(revealed_at) WHERE revealed_at IS NULL;
