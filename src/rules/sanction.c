/* The sanction ladder; see sanction.h. */
#include <stddef.h>
#include <stdio.h>
#include <strings.h>
#include <time.h>
#include "lib/text.h"
#include "rules/sanction.h"

static const char *const names[SANCTION_KINDS] = {
	[SANCTION_WARN] = "warn", [SANCTION_SILENCE] = "silence",
	[SANCTION_SUSPEND] = "suspend", [SANCTION_BAN] = "ban",
};
static const char *const states[SANCTION_KINDS] = {
	[SANCTION_WARN] = "a warning", [SANCTION_SILENCE] = "silenced",
	[SANCTION_SUSPEND] = "suspended", [SANCTION_BAN] = "banned",
};

const char *
sanction_kind_name(enum sanction_kind k)
{
	return (unsigned)k < SANCTION_KINDS ? names[k] : "?";
}

const char *
sanction_kind_state(enum sanction_kind k)
{
	return (unsigned)k < SANCTION_KINDS ? states[k] : "?";
}

int
sanction_kind_parse(const char *word, enum sanction_kind *k)
{
	for (int i = 0; word != NULL && i < SANCTION_KINDS; i++)
		if (strcasecmp(word, names[i]) == 0) {
			*k = (enum sanction_kind)i;
			return ERR_OK;
		}
	return ERR_INVALID;
}

bool
sanction_stops_speech(enum sanction_kind k)
{
	return k >= SANCTION_SILENCE && (unsigned)k < SANCTION_KINDS;
}

bool
sanction_stops_login(enum sanction_kind k)
{
	return k >= SANCTION_SUSPEND && (unsigned)k < SANCTION_KINDS;
}

int
staff_check_reason(const char *reason, const char **why)
{
	const char *bad;
	size_t i;

	if (reason == NULL)
		reason = "";
	for (i = 0; reason[i] == ' '; i++)
		;
	if (reason[i] == '\0') {
		*why = "Please give a reason: the member (and the log) will see it.";
		return ERR_INVALID;
	}
	if ((bad = text_check_line(reason, STAFF_REASON_MAX)) != NULL) {
		*why = bad;
		return ERR_INVALID;
	}
	return ERR_OK;
}

int
sanction_check(enum sanction_kind k, bool in_community, int64_t ends_at, int64_t now,
    const char *reason, const char **why)
{
	if ((unsigned)k >= SANCTION_KINDS) {
		*why = "The sanctions are warn, silence, suspend and ban.";
		return ERR_INVALID;
	}
	if (in_community && k != SANCTION_WARN && k != SANCTION_SILENCE) {
		*why = "In a community a member can be warned or silenced; suspending "
		    "and banning are for the admins.";
		return ERR_INVALID;
	}
	if (k == SANCTION_WARN && ends_at != 0) {
		*why = "A warning has no end date.";
		return ERR_INVALID;
	}
	if ((k == SANCTION_SILENCE || k == SANCTION_SUSPEND) && ends_at == 0) {
		*why = "A silence or a suspension needs an end date.";
		return ERR_INVALID;
	}
	if (ends_at != 0 && ends_at <= now) {
		*why = "The end date must lie in the future.";
		return ERR_INVALID;
	}
	if (ends_at != 0 && ends_at - now > (int64_t)SANCTION_DAYS_MAX * 86400) {
		*why = "A sanction can last at most ten years; for longer, ban.";
		return ERR_INVALID;
	}
	return staff_check_reason(reason, why);
}

void
staff_time(char *buf, size_t sz, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t <= 0 || gmtime_r(&tt, &tm) == NULL ||
	    strftime(buf, sz, "%Y-%m-%d %H:%M UTC", &tm) == 0)
		snprintf(buf, sz, "-");
}

void
sanction_describe(char *buf, size_t sz, enum sanction_kind k, const char *community,
    int64_t ends_at, const char *reason)
{
	char t[32] = "";

	if (ends_at > 0)
		staff_time(t, sizeof t, ends_at);
	sanction_describe_at(buf, sz, k, community, t, reason);
}

void
sanction_describe_at(char *buf, size_t sz, enum sanction_kind k, const char *community,
    const char *when, const char *reason)
{
	char until[120] = "", where[160] = "", full[1600];

	if (when != NULL && when[0] != '\0')
		snprintf(until, sizeof until, " until %s", when);
	if (community != NULL && community[0] != '\0')
		snprintf(where, sizeof where, " in %s", community);
	if (k == SANCTION_WARN)
		snprintf(full, sizeof full, "A moderator warned you%s: %s", where, reason);
	else
		snprintf(full, sizeof full, "You are %s%s%s: %s", sanction_kind_state(k), where,
		    until, reason);
	text_copy(buf, sz, full);
}
