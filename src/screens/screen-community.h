/* What the community screens pass each other. */
#ifndef SCREEN_COMMUNITY_H
#define SCREEN_COMMUNITY_H
#include <stdint.h>
#include "rules/board.h"

/* Argument of screen_mod_guidelines: the community to offer to moderate. */
struct screen_community_arg {
	int64_t id;
	char name[BOARD_NAME_MAX * 4 + 1];
};

#endif
