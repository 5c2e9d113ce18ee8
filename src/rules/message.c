/* Private message rules; see message.h. */
#include <stdio.h>
#include <string.h>
#include "lib/config.h"
#include "rules/message.h"
#include "lib/text.h"

void
message_limits_from_config(const struct config *cfg, struct message_limits *out)
{
	out->rate.member.burst = cfg->messages.burst;
	out->rate.member.per_hour = cfg->messages.per_hour;
	out->rate.newcomer.burst = cfg->messages.burst_new;
	out->rate.newcomer.per_hour = cfg->messages.per_hour_new;
	out->max_chars = cfg->messages.max_chars > 0 ? (size_t)cfg->messages.max_chars : 1;
}

static bool
blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n')
			return false;
	return true;
}

enum message_refusal
message_check_body(const char *body, const struct message_limits *l)
{
	if (body == NULL || blank(body))
		return MESSAGE_EMPTY;
	/* Length first: a huge body is refused for its size whatever it holds. */
	if (text_chars(body) > l->max_chars)
		return MESSAGE_TOO_LONG;
	if (text_check_multiline(body, l->max_chars) != NULL)
		return MESSAGE_BAD_TEXT;
	return MESSAGE_SENT;
}

void
message_refusal_text(enum message_refusal r, const char *peer_name,
    const struct message_limits *l, char *buf, size_t sz)
{
	const char *who = peer_name != NULL && peer_name[0] != '\0' ? peer_name :
	    "this member";

	switch (r) {
	case MESSAGE_SENT:
		snprintf(buf, sz, "Message sent.");
		break;
	case MESSAGE_EMPTY:
		snprintf(buf, sz, "The message is empty; nothing was sent.");
		break;
	case MESSAGE_TOO_LONG:
		snprintf(buf, sz, "The message is too long: at most %zu characters. "
		    "Your text is kept; shorten it and send again.", l->max_chars);
		break;
	case MESSAGE_BAD_TEXT:
		snprintf(buf, sz, "The message contains characters that cannot be "
		    "sent (control or invisible characters).");
		break;
	case MESSAGE_SELF:
		snprintf(buf, sz, "You cannot send a message to yourself.");
		break;
	case MESSAGE_NO_PEER:
		snprintf(buf, sz, "There is no such member.");
		break;
	case MESSAGE_NOT_ACTIVE:
		snprintf(buf, sz, "You can send messages once a sysop has approved "
		    "your account and you have accepted the rules.");
		break;
	case MESSAGE_BLOCKED:
		/* Never says who blocked whom. */
		snprintf(buf, sz, "You cannot message %s.", who);
		break;
	case MESSAGE_RATE:
		/* db_message_rate_why says when they can send again. */
		snprintf(buf, sz, "You are sending messages faster than the limit allows. "
		    "Your text is kept.");
		break;
	case MESSAGE_PROBATION:
		snprintf(buf, sz, "New members can send a limited number of messages a day "
		    "for their first days. Your text is kept.");
		break;
	case MESSAGE_NOT_PARTY:
		snprintf(buf, sz, "You are not part of this conversation.");
		break;
	}
}

void
message_preview(const char *body, char *buf, size_t sz)
{
	char clean[MESSAGE_PREVIEW_CHARS * 4 + 8];
	size_t chars = 0, i = 0, o = 0, n;
	uint32_t cp;
	int len;

	if (sz == 0)
		return;
	n = strlen(body);
	while (i < n && chars < MESSAGE_PREVIEW_CHARS && o + 5 < sizeof clean) {
		len = text_utf8_decode(body + i, n - i, &cp);
		if (len <= 0) {
			i++;
			continue;
		}
		if (cp == '\n' || cp == '\t' || cp == '\r') {
			if (o > 0 && clean[o - 1] != ' ')
				clean[o++] = ' ';
		} else {
			memcpy(clean + o, body + i, (size_t)len);
			o += (size_t)len;
		}
		i += (size_t)len;
		chars++;
	}
	clean[o] = '\0';
	if (i < n && o + 4 < sizeof clean)
		memcpy(clean + o, "...", 4);
	text_copy(buf, sz, clean);
}
