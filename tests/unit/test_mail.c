/* Mail: the pure rules (addresses, RFC 2047, the composed message, header
 * injection, tokens, digests) and the data layer (codes, choices, the
 * outbox queued with its event, at most once, single-use stop tokens). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "db/db.h"
#include "db/db-host.h"
#include "db/db-mail.h"
#include "db/db-mentor.h"
#include "db/db-sanction.h"
#include "db/db-user.h"
#include "lib/crypto.h"
#include "db/db-staff.h"
#include "rules/host.h"
#include "rules/mail.h"

TEST(mail_address_check)
{
	CHECK(mail_check_address("mona@example.org") == NULL);
	CHECK(mail_check_address("a.b+c@mail.example.org") == NULL);
	CHECK(mail_check_address("") != NULL);
	CHECK(mail_check_address("mona") != NULL);
	CHECK(mail_check_address("mona@localhost") != NULL);
	CHECK(mail_check_address("a@b@c.org") != NULL);
	CHECK(mail_check_address("a b@c.org") != NULL);
	CHECK(mail_check_address("a@c.org\nBcc: x@y.org") != NULL);
	CHECK(mail_check_address("a@c.org\r") != NULL);
	CHECK(mail_check_address("<a@c.org>") != NULL);
	CHECK(mail_check_address("a,b@c.org") != NULL);
	CHECK(mail_check_address("a..b@c.org") != NULL);
	CHECK(mail_check_address("m\xc3\xbc@c.org") != NULL);
	CHECK(mail_check_code("123456") == NULL);
	CHECK(mail_check_code("12345") != NULL);
	CHECK(mail_check_code("12345a") != NULL);
}

TEST(mail_encoded_words)
{
	char out[512];

	CHECK_INT(mail_encode_phrase(out, sizeof out, "Mona Bauer"), 0);
	CHECK_STR(out, "\"Mona Bauer\"");
	CHECK_INT(mail_encode_phrase(out, sizeof out, "Say \"hi\""), 0);
	CHECK_STR(out, "\"Say \\\"hi\\\"\"");
	CHECK_INT(mail_encode_phrase(out, sizeof out, "Mona \xc3\x9cnal"), 0);
	CHECK_STR(out, "=?UTF-8?Q?Mona_=C3=9Cnal?=");
	CHECK_INT(mail_encode_text(out, sizeof out, "plain subject"), 0);
	CHECK_STR(out, "plain subject");
	/* "=?" in ASCII text is encoded, or it would read as an encoded-word. */
	CHECK_INT(mail_encode_text(out, sizeof out, "a =?b"), 0);
	CHECK(strncmp(out, "=?UTF-8?Q?", 10) == 0);
	/* A long name: words of at most 75 characters on folded lines, whole
	 * characters in each. */
	CHECK_INT(mail_encode_phrase(out, sizeof out, "\xc3\x9c\xc3\x9c\xc3\x9c\xc3\x9c\xc3\x9c"
	    "\xc3\x9c\xc3\x9c\xc3\x9c\xc3\x9c\xc3\x9c\xc3\x9c\xc3\x9c"), 0);
	for (char *line = out, *nl; line != NULL; line = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		size_t len = nl != NULL ? (size_t)(nl - line) : strlen(line);

		CHECK(len <= 76);
		if (nl != NULL)
			CHECK(nl[1] == ' ');
	}
	CHECK(strstr(out, "=C3?=") == NULL);	/* no character cut in two */
}

static size_t
compose(const char *name, const char *detail, enum mail_kind kind, char *out, size_t sz)
{
	struct mail_msg m = {
		.bbs = "Alumni BBS", .from = "bbs@example.org", .to_addr = "mona@example.org",
		.to_name = name, .kind = kind, .detail = detail, .login = "mona",
		.login_host = "bbs.example.org", .login_port = 2222,
		.stop_addr = "stop@example.org",
		.stop_token = kind == MAIL_CODE ? NULL : "stop-0123456789abcdef0123456789abcdef",
		.date = 1767225600, .id = 7,
	};
	size_t len = 0;

	return mail_compose(&m, out, sz, &len) == 0 ? len : 0;
}

TEST(mail_compose_headers_and_body)
{
	char *out = malloc(MAIL_MSG_MAX);

	CHECK(out != NULL);
	CHECK(compose("Mona Bauer", "A moderator wrote: keep it civil", MAIL_WARNING, out,
	    MAIL_MSG_MAX) > 0);
	CHECK(strstr(out, "From: \"Alumni BBS\" <bbs@example.org>\n") == out);
	CHECK(strstr(out, "\nTo: \"Mona Bauer\" <mona@example.org>\n") != NULL);
	CHECK(strstr(out, "\nSubject: [Alumni BBS] A moderator's warning\n") != NULL);
	CHECK(strstr(out, "\nDate: Thu, 01 Jan 2026 00:00:00 +0000\n") != NULL);
	CHECK(strstr(out, "\nMessage-ID: <7.1767225600.mentorbbs@example.org>\n") != NULL);
	CHECK(strstr(out, "\nContent-Type: text/plain; charset=UTF-8\n") != NULL);
	CHECK(strstr(out, "\nList-Unsubscribe: <mailto:stop@example.org?subject="
	    "stop-0123456789abcdef0123456789abcdef>\n") != NULL);
	CHECK(strstr(out, "\n\nHello Mona Bauer,\n") != NULL);
	CHECK(strstr(out, "keep it civil") != NULL);
	CHECK(strstr(out, "\nTo stop these mails, send a mail to stop@example.org with the "
	    "subject stop-0123456789abcdef0123456789abcdef\n") != NULL);
	/* A code has no stop token and says what to do with it. */
	CHECK(compose("Mona", "123456", MAIL_CODE, out, MAIL_MSG_MAX) > 0);
	CHECK(strstr(out, "Your code is 123456.") != NULL);
	CHECK(strstr(out, "List-Unsubscribe") == NULL);
	/* Too small a buffer is refused, not cut. */
	CHECK_INT(compose("Mona", "x", MAIL_WARNING, out, 100), 0);
	free(out);
}

/* A name or a reason with CR, LF or escapes never makes a header or a
 * control character in the mail. */
TEST(mail_compose_no_header_injection)
{
	char *out = malloc(MAIL_MSG_MAX), *body;

	CHECK(out != NULL);
	CHECK(compose("Mona\r\nBcc: evil@example.org", "line\r\nBcc: x@y.org\x1b[2J",
	    MAIL_WARNING, out, MAIL_MSG_MAX) > 0);
	body = strstr(out, "\n\n");
	CHECK(body != NULL);
	*body = '\0';
	CHECK(strstr(out, "\nBcc:") == NULL);
	for (const char *p = out; *p != '\0'; p++)
		CHECK(*p == '\n' || (unsigned char)*p >= 0x20);
	for (const char *p = body + 1; *p != '\0'; p++)
		CHECK(*p == '\n' || (unsigned char)*p >= 0x20);
	CHECK(strstr(body + 1, "\x1b") == NULL);
	free(out);
}

TEST(mail_token_and_digest_text)
{
	char tok[MAIL_TOKEN_SZ], text[4096];
	struct mail_digest d;
	const char *s = "Subject: Re: stop-0123456789abcdef0123456789abcdef please";

	CHECK_INT(mail_find_token(s, strlen(s), tok), 0);
	CHECK_STR(tok, "stop-0123456789abcdef0123456789abcdef");
	CHECK_INT(mail_find_token("stop-0123", 9, tok), ERR_NOTFOUND);
	CHECK_INT(mail_find_token("stop-0123456789ABCDEF0123456789abcdef", 37, tok), ERR_NOTFOUND);
	memset(&d, 0, sizeof d);
	CHECK(!mail_digest_any(&d));
	strcpy(d.senders[0].name, "Sam Student");
	d.senders[0].count = 3;
	d.nsenders = 1;
	d.mentor_requests = 1;
	strcpy(d.threads[0].community, "Boston");
	strcpy(d.threads[0].title, "Housing near\x1b[2J MGH");
	d.threads[0].count = 2;
	d.nthreads = 1;
	CHECK(mail_digest_any(&d));
	CHECK(mail_digest_text(&d, text, sizeof text) > 0);
	CHECK(strstr(text, "Sam Student: 3") != NULL);
	CHECK(strstr(text, "1 mentorship request\n") != NULL);
	CHECK(strstr(text, "Boston: Housing near") != NULL);
	CHECK(strstr(text, "\x1b") == NULL);
}

/* The code as the runner would mail it: claimed from the outbox. */
static int
mailed_code(struct db *db, char code[MAIL_CODE_LEN + 1])
{
	struct mail_job *j = calloc(1, sizeof *j);
	bool found = false;
	int r = db_mail_claim(db, db_now(), j, &found);

	if (r == 0 && (!found || j->kind != MAIL_CODE))
		r = ERR_NOTFOUND;
	if (r == 0) {
		memcpy(code, j->body, MAIL_CODE_LEN);
		code[MAIL_CODE_LEN] = '\0';
		r = db_mail_sent(db, j->id, db_now());
	}
	free(j);
	return r;
}

static int64_t
verified(struct db *db, const char *login, const char *addr)
{
	int64_t id = fx_member(db, login, ROLE_ALUMNI);
	char code[MAIL_CODE_LEN + 1];
	const char *why = NULL;

	if (id == 0 || db_mail_address_start(db, id, addr, &why) != 0 ||
	    mailed_code(db, code) != 0 || db_mail_address_confirm(db, id, code, &why) != 0)
		return 0;
	return id;
}

TEST(mail_db_code_is_hashed_tried_and_limited)
{
	struct db *db = fx_db();
	int64_t mo = fx_member(db, "mona", ROLE_ALUMNI);
	char code[MAIL_CODE_LEN + 1], wrong[MAIL_CODE_LEN + 1];
	struct mail_prefs p;
	const char *why = NULL;

	CHECK(db != NULL && mo && crypto_init() == 0);
	db_set_now_for_tests(1767225600);
	CHECK_INT(db_mail_address_start(db, 0, "a@example.org", &why), ERR_DENIED);
	CHECK_INT(db_mail_address_start(db, mo, "not an address", &why), ERR_INVALID);
	CHECK_INT(db_mail_address_confirm(db, mo, "123456", &why), ERR_NOTFOUND);
	CHECK_INT(db_mail_address_start(db, mo, "mona@example.org", &why), 0);
	CHECK_INT(db_mail_prefs_get(db, mo, &p), 0);
	CHECK_STR(p.pending, "mona@example.org");
	CHECK_STR(p.email, "");
	CHECK_INT(mailed_code(db, code), 0);
	memcpy(wrong, code, sizeof wrong);
	wrong[0] = wrong[0] == '9' ? '0' : (char)(wrong[0] + 1);
	CHECK_INT(db_mail_address_confirm(db, mo, "12345", &why), ERR_INVALID);
	for (int i = 0; i < MAIL_CODE_TRIES; i++)
		CHECK_INT(db_mail_address_confirm(db, mo, wrong, &why), ERR_AUTH);
	/* The tries are spent: even the right code is refused now. */
	CHECK_INT(db_mail_address_confirm(db, mo, code, &why), ERR_STATE);
	CHECK_INT(db_mail_address_start(db, mo, "mona@example.org", &why), 0);
	CHECK_INT(mailed_code(db, code), 0);
	db_set_now_for_tests(1767225600 + MAIL_CODE_TTL);
	CHECK_INT(db_mail_address_confirm(db, mo, code, &why), ERR_STATE);
	CHECK(strstr(why, "expired") != NULL);
	/* Three codes an hour. */
	CHECK_INT(db_mail_address_start(db, mo, "mona@example.org", &why), 0);
	CHECK_INT(db_mail_address_start(db, mo, "mona@example.org", &why), ERR_TOO_FAST);
	db_set_now_for_tests(1767225600 + 3601);
	CHECK_INT(db_mail_address_start(db, mo, "mona@example.org", &why), 0);
	CHECK_INT(mailed_code(db, code), 0);
	CHECK_INT(db_mail_address_confirm(db, mo, code, &why), 0);
	CHECK_INT(db_mail_prefs_get(db, mo, &p), 0);
	CHECK_STR(p.email, "mona@example.org");
	CHECK_STR(p.pending, "");
	CHECK_INT(p.immediate, MAIL_BITS_ALL);
	CHECK_INT(p.digest, MAIL_DIGEST_WEEKLY);
	CHECK_INT(db_mail_address_start(db, mo, "mona@example.org", &why), ERR_EXISTS);
	db_set_now_for_tests(0);
}

/* Each event queues its mail in its own transaction, only for a member
 * with an address who chose it. */
TEST(mail_db_events_queue_by_choice)
{
	struct db *db = fx_db();
	int64_t mo, st, id = 0;
	struct mail_job *j = calloc(1, sizeof *j);
	const char *why = NULL;
	struct member m;
	bool found = false;

	CHECK(db != NULL && j != NULL && crypto_init() == 0);
	mo = verified(db, "mona", "mona@example.org");
	st = fx_member(db, "sam", ROLE_STUDENT);
	CHECK(mo && st);
	CHECK_INT(db_user_get(db, mo, &m), 0);
	m.open_to_mentoring = true;
	m.max_mentees = 2;
	CHECK_INT(db_user_update_profile(db, mo, &m), 0);
	/* Sam has no address: his events queue nothing. */
	CHECK_INT(db_sanction_add(db, STAFF_SYSOP, st, SANCTION_WARN, 0, 0, "Be kind", &why, NULL), 0);
	CHECK_INT(db_mail_claim(db, db_now(), j, &found), 0);
	CHECK(!found);
	CHECK_INT(db_mentor_request(db, st, mo, "I want to apply to cardiology fellowships; "
	    "could you review my plan?", 2, &id), 0);
	CHECK_INT(db_mail_claim(db, db_now(), j, &found), 0);
	CHECK(found);
	CHECK_INT(j->kind, MAIL_MENTOR_REQUEST);
	CHECK_STR(j->to_addr, "mona@example.org");
	CHECK(strstr(j->body, "Sam asked you for mentorship") != NULL);
	CHECK(strncmp(j->token, "stop-", 5) == 0);
	CHECK_INT(db_mail_sent(db, j->id, db_now()), 0);
	CHECK_INT(db_mail_sent(db, j->id, db_now()), ERR_NOTFOUND);	/* once */
	/* Warnings off: a warning queues nothing; on again, it does. */
	CHECK_INT(db_mail_choices_set(db, mo, MAIL_BITS_ALL & ~MAIL_BIT_WARNING,
	    MAIL_DIGEST_OFF), 0);
	CHECK_INT(db_sanction_add(db, STAFF_SYSOP, mo, SANCTION_WARN, 0, 0, "Be kind", &why, NULL), 0);
	CHECK_INT(db_mail_claim(db, db_now(), j, &found), 0);
	CHECK(!found);
	CHECK_INT(db_mail_choices_set(db, mo, MAIL_BITS_ALL, MAIL_DIGEST_DAILY), 0);
	CHECK_INT(db_sanction_add(db, STAFF_SYSOP, mo, SANCTION_WARN, 0, 0, "Be kinder", &why,
	    NULL), 0);
	CHECK_INT(db_mail_claim(db, db_now(), j, &found), 0);
	CHECK(found);
	CHECK_INT(j->kind, MAIL_WARNING);
	CHECK(strstr(j->body, "Be kinder") != NULL);
	free(j);
}

/* At most once: a mail left sending is unknown to the next runner and
 * never claimed again; a failure goes back to the queue or gives up. */
TEST(mail_db_at_most_once_and_retry)
{
	struct db *db = fx_db();
	struct mail_job *j = calloc(1, sizeof *j);
	int64_t mo, counts[MAIL_STATES];
	const char *why = NULL;
	bool found = false;
	int n = -1;

	CHECK(db != NULL && j != NULL && crypto_init() == 0);
	mo = verified(db, "mona", "mona@example.org");
	CHECK(mo);
	CHECK_INT(db_sanction_add(db, STAFF_SYSOP, mo, SANCTION_WARN, 0, 0, "One", &why, NULL), 0);
	CHECK_INT(db_mail_claim(db, db_now(), j, &found), 0);
	CHECK(found);
	CHECK_INT(db_mail_recover(db, &n), 0);	/* the runner died with it */
	CHECK_INT(n, 1);
	CHECK_INT(db_mail_claim(db, db_now(), j, &found), 0);
	CHECK(!found);
	CHECK_INT(db_mail_sent(db, j->id, db_now()), ERR_NOTFOUND);
	CHECK_INT(db_sanction_add(db, STAFF_SYSOP, mo, SANCTION_WARN, 0, 0, "Two", &why, NULL), 0);
	CHECK_INT(db_mail_claim(db, db_now(), j, &found), 0);
	CHECK(found);
	CHECK_INT(j->attempts, 1);
	CHECK_INT(db_mail_failed(db, j->id, db_now() + 60, false, "exited 75"), 0);
	CHECK_INT(db_mail_claim(db, db_now(), j, &found), 0);
	CHECK(!found);	/* not before next_at */
	CHECK_INT(db_mail_claim(db, db_now() + 60, j, &found), 0);
	CHECK(found);
	CHECK_INT(j->attempts, 2);
	CHECK_INT(db_mail_failed(db, j->id, db_now(), true, "exited 69"), 0);
	CHECK_INT(db_mail_counts(db, counts), 0);
	CHECK_INT(counts[3], 1);	/* failed */
	CHECK_INT(counts[4], 1);	/* unknown */
	free(j);
}

TEST(mail_db_stop_token_is_single_use)
{
	struct db *db = fx_db();
	struct mail_job *j = calloc(1, sizeof *j);
	char login[MEMBER_LOGIN_SZ] = "";
	struct mail_prefs p;
	const char *why = NULL;
	bool found = false;
	int64_t mo;

	CHECK(db != NULL && j != NULL && crypto_init() == 0);
	mo = verified(db, "mona", "mona@example.org");
	CHECK(mo);
	CHECK_INT(db_sanction_add(db, STAFF_SYSOP, mo, SANCTION_WARN, 0, 0, "One", &why, NULL), 0);
	CHECK_INT(db_mail_claim(db, db_now(), j, &found), 0);
	CHECK(found);
	CHECK_INT(db_mail_sent(db, j->id, db_now()), 0);
	CHECK_INT(db_sanction_add(db, STAFF_SYSOP, mo, SANCTION_WARN, 0, 0, "Two", &why, NULL), 0);
	CHECK_INT(db_mail_stop(db, "stop-nothex", login, sizeof login, &why), ERR_INVALID);
	CHECK_INT(db_mail_stop(db, "stop-00000000000000000000000000000000", login, sizeof login,
	    &why), ERR_NOTFOUND);
	CHECK_INT(db_mail_stop(db, j->token, login, sizeof login, &why), 0);
	CHECK_STR(login, "mona");
	CHECK_INT(db_mail_stop(db, j->token, login, sizeof login, &why), ERR_STATE);
	CHECK_INT(db_mail_prefs_get(db, mo, &p), 0);
	CHECK_INT(p.immediate, 0);
	CHECK_INT(p.digest, MAIL_DIGEST_OFF);
	CHECK_STR(p.email, "mona@example.org");
	/* The queued second warning was cancelled with the stop. */
	CHECK_INT(db_mail_claim(db, db_now(), j, &found), 0);
	CHECK(!found);
	free(j);
}

TEST(mail_db_digest_only_when_something_new)
{
	struct db *db = fx_db();
	struct mail_job *j = calloc(1, sizeof *j);
	int64_t mo, st, id = 0;
	struct member m;
	bool found = false;
	int q = -1;

	CHECK(db != NULL && j != NULL && crypto_init() == 0);
	db_set_now_for_tests(1767225600);
	mo = verified(db, "mona", "mona@example.org");
	st = fx_member(db, "sam", ROLE_STUDENT);
	CHECK(mo && st && db_user_get(db, mo, &m) == 0);
	CHECK_INT(db_mail_digests(db, db_now(), true, &q), 0);
	CHECK_INT(q, 0);	/* nothing new: no digest */
	m.open_to_mentoring = true;
	m.max_mentees = 2;
	CHECK_INT(db_user_update_profile(db, mo, &m), 0);
	CHECK_INT(db_mail_choices_set(db, mo, 0, MAIL_DIGEST_DAILY), 0);
	db_set_now_for_tests(1767225600 + 10);
	CHECK_INT(db_mentor_request(db, st, mo, "I want to apply to cardiology fellowships; "
	    "could you review my plan?", 2, &id), 0);
	CHECK_INT(db_mail_digests(db, db_now(), false, &q), 0);
	CHECK_INT(q, 0);	/* not due yet */
	db_set_now_for_tests(1767225600 + 86400 + 20);
	CHECK_INT(db_mail_digests(db, db_now(), false, &q), 0);
	CHECK_INT(q, 1);
	CHECK_INT(db_mail_claim(db, db_now(), j, &found), 0);
	CHECK(found);
	CHECK_INT(j->kind, MAIL_DIGEST);
	CHECK(strstr(j->body, "1 mentorship request") != NULL);
	CHECK(strstr(j->body, "review my plan") == NULL);	/* never the text */
	CHECK_INT(db_mail_digests(db, db_now(), true, &q), 0);
	CHECK_INT(q, 0);	/* the same request is not new again */
	db_set_now_for_tests(0);
	free(j);
}

/* The next queued mail for to_addr must be of kind and mention what. */
static bool
next_mail_is(struct db *db, enum mail_kind kind, const char *to_addr, const char *what)
{
	struct mail_job *j = calloc(1, sizeof *j);
	bool found = false, ok;

	ok = j != NULL && db_mail_claim(db, db_now(), j, &found) == 0 && found &&
	    j->kind == kind && strcmp(j->to_addr, to_addr) == 0 && strstr(j->body, what) != NULL &&
	    db_mail_sent(db, j->id, db_now()) == 0;
	if (!ok && j != NULL)
		printf("  next mail: found %d kind %d to %s body %s\n", found, (int)j->kind,
		    j->to_addr, j->body);
	free(j);
	return ok;
}

/* The HOST mails: a stay request and a counter-proposal to the member who
 * must answer, an accepted and a confirmed stay to the guest; and the
 * mentorship reminder to a mentor who has not answered. */
TEST(mail_db_host_and_reminder_mails)
{
	struct db *db = fx_db();
	struct host_profile p;
	struct host_request r;
	const char *why = NULL;
	int64_t h, g, id = 0, today;
	struct mail_job *j = calloc(1, sizeof *j);
	bool found = false;

	CHECK(db != NULL && j != NULL && crypto_init() == 0);
	h = verified(db, "hana", "hana@example.org");
	g = verified(db, "gus", "gus@example.org");
	CHECK(h && g);
	CHECK_INT(db_user_set_role(db, STAFF_SYSOP, g, ROLE_STUDENT), 0);
	today = host_today(db_now());
	host_profile_init(&p, h);
	p.status = HOST_HOSTING;
	p.offers = HOST_OFFER_HOUSING;
	snprintf(p.city, sizeof p.city, "Boston");
	snprintf(p.hospitals, sizeof p.hospitals, "MGH");
	snprintf(p.address, sizeof p.address, "12 Beacon St");
	p.capacity = 2;
	p.max_nights = 5;
	CHECK_INT(db_host_save(db, h, &p, &why), 0);
	memset(&r, 0, sizeof r);
	r.host_id = h;
	r.arrive = today + 30;
	r.depart = today + 32;
	r.travellers = 1;
	r.purpose = HP_RESIDENCY;
	snprintf(r.programs, sizeof r.programs, "MGH Internal Medicine");
	snprintf(r.message, sizeof r.message, "Hello!");
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), 0);
	CHECK(next_mail_is(db, MAIL_HOST_REQUEST, "hana@example.org", "asks to stay"));
	CHECK_INT(db_host_request_propose(db, h, id, today + 31, today + 33, 1, "", &why), 0);
	CHECK(next_mail_is(db, MAIL_HOST_COUNTER, "gus@example.org", "proposes other dates"));
	CHECK_INT(db_host_request_answer(db, g, id, true, &why), 0);
	/* The guest's yes to the host's dates: the host hears of it (notice);
	 * then accepted and confirmed go to the guest and the host. */
	while (db_mail_claim(db, db_now(), j, &found) == 0 && found)
		CHECK_INT(db_mail_sent(db, j->id, db_now()), 0);
	if (db_host_request_move(db, h, id, HS_ACCEPTED, "", &why) == 0)
		CHECK(next_mail_is(db, MAIL_HOST_STAY, "gus@example.org", "accepted"));
	CHECK_INT(db_host_request_move(db, g, id, HS_CONFIRMED, "", &why), 0);
	CHECK(next_mail_is(db, MAIL_HOST_STAY, "hana@example.org", "confirmed"));
	/* The reminder: Hana is asked for mentorship and does not answer. */
	{
		struct member m;
		int reminded = 0, expired = 0;

		CHECK_INT(db_user_get(db, h, &m), 0);
		m.open_to_mentoring = true;
		m.max_mentees = 2;
		CHECK_INT(db_user_update_profile(db, h, &m), 0);
		CHECK_INT(db_mentor_request(db, g, h, "I want to apply to internal medicine; "
		    "could you review my plan?", 2, &id), 0);
		CHECK(next_mail_is(db, MAIL_MENTOR_REQUEST, "hana@example.org", "asked you"));
		CHECK_INT(db_mentor_sweep(db, db_now() + 8 * 86400, 7, 14, &reminded, &expired), 0);
		CHECK_INT(reminded, 1);
		CHECK(next_mail_is(db, MAIL_MENTOR_REMINDER, "hana@example.org", "waiting for "
		    "your answer"));
	}
	free(j);
}
