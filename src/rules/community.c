/* Community slugs, kinds and request statuses; see community.h. */
#include <stdio.h>
#include <string.h>
#include "lib/err.h"
#include "lib/text.h"
#include "rules/board.h"
#include "rules/community.h"

static const char *const status_names[] = { "open", "approved", "declined", "merged" };

const char *
community_request_status_name(enum community_request_status s)
{
	return (unsigned)s < sizeof status_names / sizeof status_names[0] ?
	    status_names[s] : "?";
}

bool
community_request_status_parse(const char *word, enum community_request_status *s)
{
	for (size_t i = 0; i < sizeof status_names / sizeof status_names[0]; i++)
		if (strcmp(word, status_names[i]) == 0) {
			*s = (enum community_request_status)i;
			return true;
		}
	return false;
}

bool
community_kind_valid(const char *kind)
{
	return kind != NULL && (strcmp(kind, "region") == 0 || strcmp(kind, "career") == 0);
}

static bool
slug_char(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}

void
community_slug(const char *name, char *out, size_t sz)
{
	size_t len = 0, max = sz - 1 < COMMUNITY_SLUG_MAX ? sz - 1 : COMMUNITY_SLUG_MAX;
	bool dash = false;

	for (const unsigned char *p = (const unsigned char *)name; *p != '\0' && len < max; p++) {
		unsigned char ch = *p >= 'A' && *p <= 'Z' ? (unsigned char)(*p - 'A' + 'a') : *p;

		if (!slug_char(ch)) {
			dash = len > 0;
			continue;
		}
		if (dash && len + 2 > max)
			break;
		if (dash)
			out[len++] = '-';
		dash = false;
		out[len++] = (char)ch;
	}
	out[len] = '\0';
	if (len == 0)
		snprintf(out, sz, "community");
}

bool
community_slug_valid(const char *word)
{
	size_t n = word != NULL ? strlen(word) : 0;

	if (n == 0 || n > COMMUNITY_SLUG_MAX + 8 || word[0] == '-' || word[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!slug_char((unsigned char)word[i]) && !(word[i] == '-' && word[i + 1] != '-'))
			return false;
	return true;
}

int
community_check(const char *name, const char *kind, const char *description,
    const char **why)
{
	if (name == NULL || text_check_line(name, BOARD_NAME_MAX) != NULL || name[0] == '\0' ||
	    name[0] == ' ' || name[strlen(name) - 1] == ' ') {
		*why = "A community's name is one line of 1 to 60 characters.";
		return ERR_INVALID;
	}
	if (!community_kind_valid(kind)) {
		*why = "The kind is region or career.";
		return ERR_INVALID;
	}
	if (description == NULL || text_check_line(description, BOARD_DESC_MAX) != NULL) {
		*why = "The description is one line of at most 300 characters.";
		return ERR_INVALID;
	}
	return ERR_OK;
}
