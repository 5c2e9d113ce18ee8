/* Mail rules; see mail.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "rules/mail.h"
#include "lib/text.h"
#include "lib/wrap.h"

#define nitems(a)	(sizeof (a) / sizeof (a)[0])
#define BODY_COLS	72
#define WORD_MAX	75	/* RFC 2047: an encoded-word's length */

static const char *const kind_names[MAIL_KINDS] = {
	[MAIL_CODE] = "code",
	[MAIL_MENTOR_REQUEST] = "mentor_request",
	[MAIL_MENTOR_REMINDER] = "mentor_reminder",
	[MAIL_HOST_REQUEST] = "host_request",
	[MAIL_HOST_COUNTER] = "host_counter",
	[MAIL_HOST_STAY] = "host_stay",
	[MAIL_WARNING] = "warning",
	[MAIL_DIGEST] = "digest",
};

/* Per kind: the subject and the sentence before the event's line. */
static const struct {
	const char *subject, *intro;
	unsigned bit;
} kinds[MAIL_KINDS] = {
	[MAIL_CODE] = { "Your email code", "", 0 },
	[MAIL_MENTOR_REQUEST] = { "A mentorship request for you",
	    "A member asked you for mentorship:", MAIL_BIT_MENTOR },
	[MAIL_MENTOR_REMINDER] = { "Reminder: a mentorship request is waiting",
	    "A mentorship request to you is still waiting for your answer:",
	    MAIL_BIT_MENTOR },
	[MAIL_HOST_REQUEST] = { "A HOST stay request for you",
	    "A student asked to stay with you:", MAIL_BIT_HOST_ASK },
	[MAIL_HOST_COUNTER] = { "Other dates proposed for a HOST stay",
	    "The other side of a HOST request proposed other dates:", MAIL_BIT_HOST_ASK },
	[MAIL_HOST_STAY] = { "News about your HOST stay",
	    "Your HOST stay moved on:", MAIL_BIT_HOST_STAY },
	[MAIL_WARNING] = { "A moderator's warning",
	    "A moderator warned you. What they wrote:", MAIL_BIT_WARNING },
	[MAIL_DIGEST] = { "What is new for you", "", 0 },
};

static const struct {
	unsigned bit;
	const char *label;
} choices[MAIL_CHOICES] = {
	{ MAIL_BIT_MENTOR, "Mentorship requests to me, and their reminders" },
	{ MAIL_BIT_HOST_ASK, "HOST stay requests and counter-proposals to me" },
	{ MAIL_BIT_HOST_STAY, "My HOST stays accepted or confirmed" },
	{ MAIL_BIT_WARNING, "A moderator's warning to me" },
};

static const char *const digest_names[] = {
	[MAIL_DIGEST_OFF] = "off", [MAIL_DIGEST_DAILY] = "daily",
	[MAIL_DIGEST_WEEKLY] = "weekly",
};

const char *
mail_kind_name(enum mail_kind k)
{
	return (size_t)k < MAIL_KINDS ? kind_names[k] : "?";
}

int
mail_kind_parse(const char *name, enum mail_kind *k)
{
	for (size_t i = 0; i < MAIL_KINDS; i++) {
		if (strcmp(name, kind_names[i]) == 0) {
			*k = (enum mail_kind)i;
			return 0;
		}
	}
	return ERR_INVALID;
}

unsigned
mail_kind_bit(enum mail_kind k)
{
	return (size_t)k < MAIL_KINDS ? kinds[k].bit : 0;
}

unsigned
mail_choice_bit(size_t i)
{
	return i < MAIL_CHOICES ? choices[i].bit : 0;
}

const char *
mail_choice_label(size_t i)
{
	return i < MAIL_CHOICES ? choices[i].label : "?";
}

const char *
mail_period_name(enum mail_period d)
{
	return (size_t)d < nitems(digest_names) ? digest_names[d] : "?";
}

int
mail_period_parse(const char *name, enum mail_period *d)
{
	for (size_t i = 0; i < nitems(digest_names); i++) {
		if (strcmp(name, digest_names[i]) == 0) {
			*d = (enum mail_period)i;
			return 0;
		}
	}
	return ERR_INVALID;
}

int64_t
mail_period_seconds(enum mail_period d)
{
	return d == MAIL_DIGEST_DAILY ? 86400 : d == MAIL_DIGEST_WEEKLY ? 7 * 86400 : 0;
}

/* A character an address may have: printable ASCII without the ones
 * that mean something in a header (RFC 5322 specials, space, quotes). */
static bool
addr_char(char ch)
{
	return ch > 0x20 && ch < 0x7f && strchr("\"(),:;<>[\\]`'", ch) == NULL;
}

const char *
mail_check_address(const char *addr)
{
	const char *at, *dot;
	size_t len = strlen(addr);

	if (len == 0)
		return "type an email address";
	if (len > MAIL_ADDR_MAX)
		return "that address is too long";
	for (const char *p = addr; *p != '\0'; p++)
		if (!addr_char(*p))
			return "an address has no spaces, quotes, brackets or commas, and only "
			    "plain letters (like name@example.org)";
	at = strchr(addr, '@');
	if (at == NULL || at == addr || strchr(at + 1, '@') != NULL)
		return "an address has one @ with a name before it (like name@example.org)";
	dot = strchr(at + 1, '.');
	if (dot == NULL || dot == at + 1 || addr[len - 1] == '.' || strstr(at, "..") != NULL)
		return "the part after @ must be a domain (like example.org)";
	if (addr[0] == '.' || at[-1] == '.' || strstr(addr, "..") != NULL)
		return "the name before @ cannot start or end with a dot or have two in a row";
	return NULL;
}

const char *
mail_check_code(const char *code)
{
	if (strlen(code) != MAIL_CODE_LEN || strspn(code, "0123456789") != MAIL_CODE_LEN)
		return "the code is the 6 digits in the mail";
	return NULL;
}

int
mail_find_token(const char *text, size_t len, char out[MAIL_TOKEN_SZ])
{
	for (size_t i = 0; i + MAIL_TOKEN_SZ - 1 <= len; i++) {
		size_t j;

		if (memcmp(text + i, "stop-", 5) != 0)
			continue;
		for (j = 0; j < MAIL_TOKEN_HEX; j++) {
			char ch = text[i + 5 + j];

			if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f')))
				break;
		}
		if (j < MAIL_TOKEN_HEX)
			continue;
		memcpy(out, text + i, MAIL_TOKEN_SZ - 1);
		out[MAIL_TOKEN_SZ - 1] = '\0';
		return 0;
	}
	return ERR_NOTFOUND;
}

/* Member text for a header: sanitised to one line; whatever a control
 * character was, it is U+FFFD or a space now. */
static void
header_clean(char *out, size_t outsz, const char *s)
{
	text_sanitize(out, outsz, s, false);
	text_trim(out);
}

static bool
is_ascii_printable(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return false;
	return true;
}

/* RFC 2047 Q encoding of one byte into w (at most 3 characters): what may
 * stand as itself in a phrase's encoded-word, or '_' for a space, or =XX. */
static size_t
q_byte(unsigned char b, char w[4])
{
	static const char hex[] = "0123456789ABCDEF";

	if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
	    strchr("!*+-/", b) != NULL) {
		w[0] = (char)b;
		return 1;
	}
	if (b == ' ') {
		w[0] = '_';
		return 1;
	}
	w[0] = '=';
	w[1] = hex[b >> 4];
	w[2] = hex[b & 15];
	return 3;
}

/* Encoded-words for s, each at most WORD_MAX characters and each holding
 * whole characters, separated by a fold (LF and a space). */
static int
encode_words(char *out, size_t outsz, const char *s)
{
	static const char pre[] = "=?UTF-8?Q?", post[] = "?=";
	size_t len = strlen(s), i = 0, o = 0;
	const size_t room = WORD_MAX - (sizeof pre - 1) - (sizeof post - 1);

	while (i < len) {
		size_t used = 0;

		if (o > 0 && !text_appendf(out, outsz, &o, "\n "))
			return ERR_INVALID;
		if (!text_appendf(out, outsz, &o, "%s", pre))
			return ERR_INVALID;
		while (i < len) {
			size_t next = text_next_char(s, len, i), need = 0;
			char w[4 * 3 + 1] = "", one[4];

			for (size_t k = i; k < next; k++) {
				size_t n = q_byte((unsigned char)s[k], one);

				memcpy(w + need, one, n);
				need += n;
			}
			w[need] = '\0';
			if (used + need > room)
				break;
			if (!text_appendf(out, outsz, &o, "%s", w))
				return ERR_INVALID;
			used += need;
			i = next;
		}
		if (!text_appendf(out, outsz, &o, "%s", post))
			return ERR_INVALID;
	}
	return 0;
}

int
mail_encode_phrase(char *out, size_t outsz, const char *utf8)
{
	char clean[1024];
	size_t o = 0;

	header_clean(clean, sizeof clean, utf8);
	if (outsz > 0)
		out[0] = '\0';
	if (!is_ascii_printable(clean))
		return encode_words(out, outsz, clean);
	if (!text_appendf(out, outsz, &o, "\""))
		return ERR_INVALID;
	for (const char *p = clean; *p != '\0'; p++)
		if (!text_appendf(out, outsz, &o, "%s%c", *p == '"' || *p == '\\' ? "\\" : "", *p))
			return ERR_INVALID;
	return text_appendf(out, outsz, &o, "\"") ? 0 : ERR_INVALID;
}

int
mail_encode_text(char *out, size_t outsz, const char *utf8)
{
	char clean[1024];

	header_clean(clean, sizeof clean, utf8);
	if (outsz > 0)
		out[0] = '\0';
	/* "=?" in plain text would read as the start of an encoded-word. */
	if (is_ascii_printable(clean) && strstr(clean, "=?") == NULL && strlen(clean) < 900)
		return text_copy(out, outsz, clean) ? 0 : ERR_INVALID;
	return encode_words(out, outsz, clean);
}

/* Appends text to the body wrapped at BODY_COLS, after sanitising it (new
 * lines kept), each line ending in LF. */
static bool
body_para(char *out, size_t outsz, size_t *o, const char *text)
{
	struct wrap_line *lines = NULL;
	size_t n, cap = strlen(text) * 3 + 4;
	char *clean = malloc(cap), row[1024];
	bool ok = true;

	if (clean == NULL)
		return false;
	text_sanitize(clean, cap, text, true);
	n = wrap_text(clean, BODY_COLS, &lines);
	for (size_t i = 0; ok && i < n; i++) {
		if (i == n - 1 && lines[i].len == 0 && i > 0)
			break;	/* the empty line after a final newline */
		wrap_row(clean, &lines[i], row, sizeof row);
		ok = text_appendf(out, outsz, o, "%s\n", row);
	}
	free(lines);
	free(clean);
	return ok;
}

/* The domain of the From address, for Message-ID. */
static const char *
domain_of(const char *addr)
{
	const char *at = strchr(addr, '@');

	return at != NULL ? at + 1 : "localhost";
}

static bool
headers(const struct mail_msg *m, char *out, size_t outsz, size_t *o)
{
	char from_name[512], to_name[1024], subject[1400], tag[600], date[64];
	struct tm tm;
	time_t t = (time_t)m->date;

	if (gmtime_r(&t, &tm) == NULL || strftime(date, sizeof date,
	    "%a, %d %b %Y %H:%M:%S +0000", &tm) == 0)
		return false;
	header_clean(tag, sizeof tag, m->bbs);
	snprintf(subject, sizeof subject, "[%s] %s", tag, kinds[m->kind].subject);
	if (mail_encode_phrase(from_name, sizeof from_name, m->bbs) != 0 ||
	    mail_encode_phrase(to_name, sizeof to_name, m->to_name) != 0 ||
	    mail_encode_text(tag, sizeof tag, subject) != 0)
		return false;
	if (!text_appendf(out, outsz, o, "From: %s <%s>\nTo: %s <%s>\nSubject: %s\n"
	    "Date: %s\nMessage-ID: <%lld.%lld.mentorbbs@%s>\nMIME-Version: 1.0\n"
	    "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n"
	    "Auto-Submitted: auto-generated\n", from_name, m->from, to_name, m->to_addr,
	    tag, date, (long long)m->id, (long long)m->date, domain_of(m->from)))
		return false;
	if (m->stop_token != NULL && !text_appendf(out, outsz, o,
	    "List-Unsubscribe: <mailto:%s?subject=%s>\n", m->stop_addr, m->stop_token))
		return false;
	return text_appendf(out, outsz, o, "\n");
}

static bool
body(const struct mail_msg *m, char *out, size_t outsz, size_t *o)
{
	char hello[400], name[300], para[700];

	header_clean(name, sizeof name, m->to_name);
	snprintf(hello, sizeof hello, "Hello %s,\n", name);
	if (!body_para(out, outsz, o, hello))
		return false;
	if (m->kind == MAIL_CODE) {
		snprintf(para, sizeof para, "Your code is %s. Type it on the Email screen "
		    "(Profile, then M) within %d minutes.\n\nIf you did not ask for it, "
		    "ignore this mail: without the code this address gets nothing more.",
		    m->detail, MAIL_CODE_TTL / 60);
		return body_para(out, outsz, o, para);
	}
	if (kinds[m->kind].intro[0] != '\0' && !body_para(out, outsz, o, kinds[m->kind].intro))
		return false;
	if (!body_para(out, outsz, o, m->detail) || !text_appendf(out, outsz, o, "\n"))
		return false;
	if (m->login_host[0] != '\0') {
		snprintf(para, sizeof para, "Log in to see it: ssh -p %d %s@%s\n", m->login_port,
		    m->login, m->login_host);
		if (!body_para(out, outsz, o, para))
			return false;
	}
	/* The stop line is one line whatever its length: it must be copied whole. */
	return text_appendf(out, outsz, o, "-- \nTo stop these mails, send a mail to %s "
	    "with the subject %s\n(or change your choices in Profile > Email).\n",
	    m->stop_addr, m->stop_token);
}

int
mail_compose(const struct mail_msg *m, char *out, size_t outsz, size_t *len)
{
	size_t o = 0;

	if ((size_t)m->kind >= MAIL_KINDS || mail_check_address(m->from) != NULL ||
	    mail_check_address(m->to_addr) != NULL)
		return ERR_INVALID;
	if (m->kind != MAIL_CODE && (m->stop_token == NULL ||
	    mail_check_address(m->stop_addr) != NULL))
		return ERR_INVALID;
	if (outsz == 0)
		return ERR_INVALID;
	out[0] = '\0';
	if (!headers(m, out, outsz, &o) || !body(m, out, outsz, &o))
		return ERR_INVALID;
	*len = o;
	return 0;
}

bool
mail_digest_any(const struct mail_digest *d)
{
	return d->nsenders > 0 || d->mentor_requests > 0 || d->host_requests > 0 ||
	    d->nthreads > 0 || d->nannouncements > 0;
}

/* One line of the digest, cut whole: a digest that is full ends at a line. */
static void
digest_line(char *out, size_t outsz, size_t *o, const char *line)
{
	char clean[1200];

	text_sanitize(clean, sizeof clean, line, false);
	if (*o + strlen(clean) + 2 < outsz)
		text_appendf(out, outsz, o, "%s\n", clean);
}

size_t
mail_digest_text(const struct mail_digest *d, char *out, size_t outsz)
{
	char line[1200];
	size_t o = 0;

	if (outsz == 0)
		return 0;
	out[0] = '\0';
	if (d->nsenders > 0) {
		digest_line(out, outsz, &o, "Unread private messages:");
		for (size_t i = 0; i < d->nsenders; i++) {
			snprintf(line, sizeof line, "  %s: %lld", d->senders[i].name,
			    (long long)d->senders[i].count);
			digest_line(out, outsz, &o, line);
		}
		if (d->more_senders > 0) {
			snprintf(line, sizeof line, "  and %zu more members", d->more_senders);
			digest_line(out, outsz, &o, line);
		}
		digest_line(out, outsz, &o, "");
	}
	if (d->mentor_requests > 0 || d->host_requests > 0) {
		digest_line(out, outsz, &o, "Waiting for your answer:");
		if (d->mentor_requests > 0) {
			snprintf(line, sizeof line, "  %lld mentorship request%s",
			    (long long)d->mentor_requests, d->mentor_requests == 1 ? "" : "s");
			digest_line(out, outsz, &o, line);
		}
		if (d->host_requests > 0) {
			snprintf(line, sizeof line, "  %lld HOST request%s",
			    (long long)d->host_requests, d->host_requests == 1 ? "" : "s");
			digest_line(out, outsz, &o, line);
		}
		digest_line(out, outsz, &o, "");
	}
	if (d->nthreads > 0) {
		digest_line(out, outsz, &o, "New posts:");
		for (size_t i = 0; i < d->nthreads; i++) {
			snprintf(line, sizeof line, "  %s: %s (%lld new)", d->threads[i].community,
			    d->threads[i].title, (long long)d->threads[i].count);
			digest_line(out, outsz, &o, line);
		}
		if (d->more_threads > 0) {
			snprintf(line, sizeof line, "  and %zu more threads", d->more_threads);
			digest_line(out, outsz, &o, line);
		}
		digest_line(out, outsz, &o, "");
	}
	if (d->nannouncements > 0) {
		digest_line(out, outsz, &o, "Announcements:");
		for (size_t i = 0; i < d->nannouncements; i++) {
			snprintf(line, sizeof line, "  %s", d->announcements[i].text);
			digest_line(out, outsz, &o, line);
		}
	}
	while (o > 0 && out[o - 1] == '\n' && o > 1 && out[o - 2] == '\n')
		out[--o] = '\0';
	return o;
}
