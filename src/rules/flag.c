/* Flag rules; see flag.h. */
#include <stdio.h>
#include <string.h>
#include "lib/text.h"
#include "rules/flag.h"

static const char *const kind_names[FLAG_KINDS] = {
	[FLAG_POST] = "post", [FLAG_MESSAGE] = "message", [FLAG_MEMBER] = "member",
	[FLAG_HOST] = "host", [FLAG_GUEST] = "guest",
};

static const char *const type_names[FLAG_TYPES] = {
	[FLAG_OFF_TOPIC] = "off-topic", [FLAG_INAPPROPRIATE] = "inappropriate",
	[FLAG_SPAM] = "spam", [FLAG_HARASSMENT] = "harassment", [FLAG_UNSAFE] = "unsafe",
	[FLAG_OTHER] = "other",
};

static const char *const type_labels[FLAG_TYPES] = {
	[FLAG_OFF_TOPIC] = "Off-topic: does not belong here",
	[FLAG_INAPPROPRIATE] = "Inappropriate: rude, offensive or against the code of conduct",
	[FLAG_SPAM] = "Spam: advertising or junk",
	[FLAG_HARASSMENT] = "Harassment: aimed at a person",
	[FLAG_UNSAFE] = "Unsafe: someone may be in danger (goes to the admins)",
	[FLAG_OTHER] = "Something else (say what in the note)",
};

const char *
flag_kind_name(enum flag_kind k)
{
	return (unsigned)k < FLAG_KINDS ? kind_names[k] : "?";
}

const char *
flag_type_name(enum flag_type t)
{
	return (unsigned)t < FLAG_TYPES ? type_names[t] : "?";
}

const char *
flag_type_label(enum flag_type t)
{
	return (unsigned)t < FLAG_TYPES ? type_labels[t] : "?";
}

int
flag_type_parse(const char *word, enum flag_type *t)
{
	for (int i = 0; word != NULL && i < FLAG_TYPES; i++)
		if (strcmp(word, type_names[i]) == 0) {
			*t = (enum flag_type)i;
			return ERR_OK;
		}
	return ERR_INVALID;
}

bool
flag_is_safety(enum flag_kind k, enum flag_type t)
{
	return k == FLAG_HOST || k == FLAG_GUEST || t == FLAG_UNSAFE;
}

int
flag_check_note(const char *note, const char **why)
{
	if (note == NULL) {
		*why = "the note is missing";
		return ERR_INVALID;
	}
	if ((*why = text_check_line(note, FLAG_NOTE_MAX)) != NULL)
		return ERR_INVALID;
	return ERR_OK;
}

bool
flag_hides(int64_t flaggers, int threshold)
{
	return threshold > 0 && flaggers >= threshold;
}

bool
flag_is_stale(int64_t created_at, int64_t now, int stale_hours)
{
	return stale_hours > 0 && now - created_at >= (int64_t)stale_hours * 3600;
}

void
flag_removed_stub(char *buf, size_t sz, const char *reason)
{
	snprintf(buf, sz, "[removed by a moderator: %s]", reason != NULL ? reason : "");
}
