/* Shared by db-mail.c and db-mail-run.c only. */
#ifndef DB_MAIL_INTERNAL_H
#define DB_MAIL_INTERNAL_H
#include <stdint.h>
#include "rules/mail.h"

struct db;

/* A new stop token for user_id's mail outbox_id, in the caller's
 * transaction: its SHA-256 is stored, the token goes to out. */
int db_mail_token_new(struct db *db, int64_t user_id, int64_t outbox_id,
    char out[MAIL_TOKEN_SZ]);

#endif
