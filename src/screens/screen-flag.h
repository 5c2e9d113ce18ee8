/* Flagging something for the moderators, from every screen that shows a
 * post, a message, a member, a host or a guest: push screen_flag with a
 * struct flag_open. The screen asks for the type, then an optional
 * private note, files the flag (db_flag_add) and goes back with the
 * answer on the message line. */
#ifndef SCREEN_FLAG_H
#define SCREEN_FLAG_H
#include <stdint.h>
#include "rules/flag.h"

struct flag_open {
	enum flag_kind kind;
	int64_t target_id;
	char label[200];	/* what is flagged, for the title: "Ann's post in ..." */
};

#endif
