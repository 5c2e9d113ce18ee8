/* Domain rules for members: what a valid login, name, password and profile
 * are; see user.h. Pure: the account operations that store them are in
 * db/db-account.c. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/text.h"
#include "lib/err.h"
#include "rules/user.h"

/* Logins no one may register besides the one the caller passes (the
 * registration login from the config): "root" is what a confused client
 * sends by default, and "new" is the default registration login. */
static const char *const reserved_logins[] = { "root", "new" };

/* Logins a new member may not take, because a newcomer seeing them would
 * think they speak for the system. Existing rows keep working (a lookup of
 * "admin" is fine); only registration and the sysop's user add/import ask. */
static const char *const staff_logins[] = {
	"admin", "sysop", "moderator", "support", "postmaster",
};

/* Reasons that name a field are built here. A session is one process and
 * a reason is shown before the next check runs, so one buffer is enough. */
static char why_buf[160];

static const char *
why_field(const char *field, const char *reason)
{
	snprintf(why_buf, sizeof why_buf, "%s %s", field, reason);
	return why_buf;
}

static int
refuse(const char **why, const char *reason)
{
	*why = reason;
	return ERR_INVALID;
}

int
user_check_login(const char *login, const char *reserved, const char **why)
{
	size_t len;

	if (login == NULL || (len = strlen(login)) < USER_LOGIN_MIN || len > USER_LOGIN_MAX)
		return refuse(why, "login must be 2 to 32 characters long");
	for (size_t i = 0; i < len; i++) {
		char c = login[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
		    c == '_' || c == '-'))
			return refuse(why, "login may contain only lower-case letters, "
			    "digits, '.', '_' and '-'");
	}
	/* A leading '-' reads as an option to ssh and to our own command line. */
	if (!((login[0] >= 'a' && login[0] <= 'z') || (login[0] >= '0' && login[0] <= '9')))
		return refuse(why, "login must start with a letter or a digit");
	if (reserved != NULL && strcmp(login, reserved) == 0)
		return refuse(why, "that login is reserved");
	for (size_t i = 0; i < sizeof reserved_logins / sizeof reserved_logins[0]; i++)
		if (strcmp(login, reserved_logins[i]) == 0)
			return refuse(why, "that login is reserved");
	return 0;
}

/* Is login one of the words of list (separated by commas or blanks)? */
static bool
in_login_list(const char *login, const char *list)
{
	size_t len = strlen(login), n;

	while (list != NULL && *list != '\0') {
		list += strspn(list, ", \t");
		n = strcspn(list, ", \t");
		if (n == len && strncmp(list, login, n) == 0)
			return true;
		list += n;
	}
	return false;
}

int
user_check_new_login(const char *login, const char *reg_login, const char *reserved,
    const char **why)
{
	int r;

	if ((r = user_check_login(login, reg_login, why)) != 0)
		return r;
	for (size_t i = 0; i < sizeof staff_logins / sizeof staff_logins[0]; i++)
		if (strcmp(login, staff_logins[i]) == 0)
			return refuse(why, "that login is reserved for the system");
	if (in_login_list(login, reserved))
		return refuse(why, "that login is reserved");
	return 0;
}

int
user_check_email(const char *email, const char **why)
{
	const char *at, *dot;
	size_t len;

	if (email == NULL || (len = strlen(email)) < 3 || len > USER_EMAIL_MAX)
		return refuse(why, "e-mail must be 3 to 254 characters long");
	for (size_t i = 0; i < len; i++)
		if (email[i] <= ' ' || email[i] > '~')
			return refuse(why, "e-mail may contain only printable ASCII without "
			    "spaces");
	if ((at = strchr(email, '@')) == NULL || at == email || strchr(at + 1, '@') != NULL)
		return refuse(why, "e-mail must be name@domain");
	if ((dot = strrchr(at + 1, '.')) == NULL || dot == at + 1 || dot[1] == '\0')
		return refuse(why, "e-mail must be name@domain with a dot in the domain");
	return 0;
}

bool
user_login_fold(char *dst, size_t dstsz, const char *src)
{
	size_t len = src != NULL ? strlen(src) : 0;

	if (len >= dstsz)
		return false;
	for (size_t i = 0; i < len; i++)
		dst[i] = src[i] >= 'A' && src[i] <= 'Z' ? (char)(src[i] - 'A' + 'a') : src[i];
	dst[len] = '\0';
	return true;
}

/* Spaces other than U+0020 that look like it: no-break, en/em and the
 * other typographic spaces, narrow no-break, ideographic. */
static bool
has_odd_space(const char *s)
{
	static const char *const odd[] = {
		"\xc2\xa0", "\xe2\x80\x80", "\xe2\x80\x81", "\xe2\x80\x82", "\xe2\x80\x83",
		"\xe2\x80\x84", "\xe2\x80\x85", "\xe2\x80\x86", "\xe2\x80\x87", "\xe2\x80\x88",
		"\xe2\x80\x89", "\xe2\x80\x8a", "\xe2\x80\xaf", "\xe2\x81\x9f", "\xe3\x80\x80",
	};

	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
		if (strstr(s, odd[i]) != NULL)
			return true;
	return false;
}

int
user_check_name(const char *name, const char **why)
{
	const char *r;
	size_t len;

	if (name == NULL || *name == '\0')
		return refuse(why, "display name is empty");
	len = strlen(name);
	if (len >= MEMBER_NAME_SZ)
		return refuse(why, "display name is too long");
	/* Columns are the real limit; the character count only bounds work. */
	if ((r = text_check_line(name, MEMBER_NAME_SZ)) != NULL)
		return refuse(why, why_field("display name", r));
	if (strspn(name, " ") == len)
		return refuse(why, "display name is blank");
	if (name[0] == ' ' || name[len - 1] == ' ')
		return refuse(why, "display name starts or ends with a space");
	/* One plain space between words, so "Alice  Appleton" cannot pass for
	 * "Alice Appleton" (and other spaces, e.g. no-break, are not words'
	 * glue here either). */
	if (strstr(name, "  ") != NULL)
		return refuse(why, "display name has two spaces in a row; use one");
	if (has_odd_space(name))
		return refuse(why, "display name has an unusual space character; use a plain space");
	if (text_width(name) > USER_NAME_MAX_COLS)
		return refuse(why, "display name is wider than 64 columns");
	return 0;
}

int
user_check_password(const char *pw, const char **why)
{
	size_t len, i = 0;
	uint32_t cp;
	int n;

	if (pw == NULL || *pw == '\0')
		return refuse(why, "password is empty");
	if ((len = strlen(pw)) > USER_PASSWORD_MAX)
		return refuse(why, "password is longer than 1024 bytes");
	/* Spaces and any printable character are welcome; control characters
	 * are not, as they cannot be typed the same way on every terminal. */
	while (i < len) {
		if ((n = text_utf8_decode(pw + i, len - i, &cp)) < 0)
			return refuse(why, "password is not valid UTF-8");
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			return refuse(why, "password contains control characters");
		i += (size_t)n;
	}
	if (text_chars(pw) < USER_PASSWORD_MIN)
		return refuse(why, "password must be at least 10 characters");
	return 0;
}

/* One single-line field: terminated in its buffer, then the text rules. */
static int
check_field(const char *field, const char *s, size_t sz, size_t max_chars, bool multi,
    const char **why)
{
	const char *r;

	if (memchr(s, '\0', sz) == NULL)
		return refuse(why, why_field(field, "is too long"));
	r = multi ? text_check_multiline(s, max_chars) : text_check_line(s, max_chars);
	if (r != NULL)
		return refuse(why, why_field(field, r));
	return 0;
}

#define CHECK_FIELD(label, f, max, multi) do { \
	if ((r = check_field(label, m->f, sizeof m->f, max, multi, why)) != 0) \
		return r; \
} while (0)

int
user_check_profile(const struct member *m, const char **why)
{
	int r;

	if (memchr(m->name, '\0', sizeof m->name) == NULL)
		return refuse(why, "display name is too long");
	if ((r = user_check_name(m->name, why)) != 0)
		return r;
	if ((unsigned)m->role > ROLE_STUDENT)
		return refuse(why, "role must be alumni, trainee or student");
	CHECK_FIELD("degree programs", programs, USER_FIELD_MAX, false);
	CHECK_FIELD("specialty", specialty, USER_FIELD_MAX, false);
	CHECK_FIELD("subspecialty", subspecialty, USER_FIELD_MAX, false);
	CHECK_FIELD("position", position, USER_FIELD_MAX, false);
	CHECK_FIELD("institution", institution, USER_FIELD_MAX, false);
	CHECK_FIELD("city", city, USER_FIELD_MAX, false);
	CHECK_FIELD("region", region, USER_FIELD_MAX, false);
	CHECK_FIELD("country", country, USER_FIELD_MAX, false);
	CHECK_FIELD("mentoring topics", topics, USER_TOPICS_MAX, false);
	CHECK_FIELD("bio", bio, USER_BIO_MAX, true);
	if (m->grad_year != 0 &&
	    (m->grad_year < USER_GRAD_YEAR_MIN || m->grad_year > USER_GRAD_YEAR_MAX))
		return refuse(why, "graduation year must be between 1950 and 2045");
	if (m->role == ROLE_STUDENT && m->open_to_mentoring)
		return refuse(why, "students cannot be open to mentoring");
	if (m->role == ROLE_STUDENT && m->max_mentees != 0)
		return refuse(why, "students cannot take mentees; alumni and trainees can");
	if (m->max_mentees < 0 || m->max_mentees > USER_MAX_MENTEES_MAX)
		return refuse(why, "maximum number of mentees must be between 0 and 20");
	return 0;
}

#undef CHECK_FIELD

int
user_registration_status(enum reg_mode mode, enum member_status *status, const char **why)
{
	switch (mode) {
	case REG_OPEN:
		*status = STATUS_ACTIVE;
		return 0;
	case REG_APPROVAL:
		*status = STATUS_PENDING;
		return 0;
	case REG_CLOSED:
		break;
	}
	*why = "registration is closed; a sysop can make an account for you";
	return ERR_DENIED;
}
