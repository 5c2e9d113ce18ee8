/* Reports to the moderators: a member flags a message, post, member, host
 * or guest with a reason. Stored for the moderation queue (a later issue
 * shows and handles them). The feature module that owns the target checks
 * that the reporter can see it before calling db_report_add. */
#ifndef DB_REPORT_H
#define DB_REPORT_H
#include <stdint.h>

struct db;

enum report_kind {
	REPORT_MESSAGE, REPORT_POST, REPORT_MEMBER, REPORT_HOST, REPORT_GUEST,
};

#define REPORT_REASON_MAX	500	/* characters */
#define REPORT_OPEN_MAX		20	/* open reports one member may have */

/* Stores a report. community_id is 0 when the target is not in a
 * community. ERR_INVALID for an empty reason, an unknown kind or a target
 * id <= 0; ERR_DENIED for actor <= 0 or
 * when the reporter already has REPORT_OPEN_MAX open reports; ERR_EXISTS
 * if the reporter's report of the same target is still open. Checked and
 * stored in one statement, so two sessions cannot both pass the checks.
 * *id (may be NULL) gets the new report's id. */
int db_report_add(struct db *db, int64_t reporter_id, enum report_kind kind,
    int64_t target_id, int64_t community_id, const char *reason, int64_t *id);
/* Number of reports this member has filed that are still open. */
int db_report_open_by(struct db *db, int64_t reporter_id, int64_t *count);

#endif
