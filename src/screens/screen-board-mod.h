/* The moderator's thread actions, reached with M from the thread list and
 * the thread view, and the sentences a refused post gets (a silence in
 * the community, a locked thread, slow mode, a probation cap). */
#ifndef SCREEN_BOARD_MOD_H
#define SCREEN_BOARD_MOD_H
#include <stdbool.h>
#include <stdint.h>

struct screen_ctx;

/* Opens the moderation menu of thread_id for a moderator of its
 * community or an admin; tells anyone else they cannot (the data layer
 * refuses them anyway). */
void screen_board_mod_open(struct screen_ctx *c, int64_t thread_id);

/* After a post was refused: shows why, for a reply to parent_post_id or
 * (0) a new thread in community_id, when the data layer can say; false
 * when it cannot (the caller says something general). */
bool screen_board_mod_refusal(struct screen_ctx *c, int64_t community_id,
    int64_t parent_post_id);

#endif
