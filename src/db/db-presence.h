/* Who's online: one row per live UI process, written by that process. Rows
 * of processes that died without cleaning up are dropped when listed
 * (single-host check with kill(pid, 0)). */
#ifndef DB_PRESENCE_H
#define DB_PRESENCE_H
#include <stddef.h>
#include <stdint.h>
#include "rules/member.h"

struct db;

int db_presence_enter(struct db *db, int pid, int64_t user_id, const char *section);
/* The address this session came from (mentorbbs who shows it). */
int db_presence_set_peer(struct db *db, int pid, const char *peer);
/* Updates where the member is and, if last_input_at > 0, when they last typed. */
int db_presence_update(struct db *db, int pid, const char *section, int64_t last_input_at);
int db_presence_leave(struct db *db, int pid);
/* Live sessions ordered by display name; caller frees *out with free(). */
int db_presence_list(struct db *db, struct presence **out, size_t *n);
int db_presence_count(struct db *db, int64_t *n);

#endif
