/* The member's standing: staff powers for the menus, and the sanction in
 * force. Re-read with the member whenever the database changed, so a
 * suspension or a ban given from any session or the command line ends the
 * member's session within one tick of the input loop, with the reason. */
#include <stdio.h>
#include "db/db-sanction.h"
#include "db/db-staff.h"
#include "lib/log.h"
#include "lib/text.h"
#include "ui/screen.h"
#include "ui/ui-term.h"

bool
screen_standing_refusal(struct screen_ctx *c, char *buf, size_t sz)
{
	struct sanction s;
	bool found = false;

	if (c->me.status == STATUS_SUSPENDED) {
		snprintf(buf, sz, "Your account is suspended. Please contact a sysop.");
		return true;
	}
	/* mentorbbs kick: every session that had started by then ends. */
	if (c->me.kicked_at != 0 && c->session_start != 0 &&
	    c->me.kicked_at >= c->session_start) {
		snprintf(buf, sz, "The sysop has ended your session. You may log in again.");
		return true;
	}
	if (db_sanction_in_force(c->db, c->me.id, 0, SANCTION_SUSPEND, &s, &found) != 0) {
		log_warn("cannot read the sanctions of member %lld", (long long)c->me.id);
		return false;	/* the data layer still refuses what they may not do */
	}
	if (!found)
		return false;
	/* A rejected sign-up is a ban on a pending account (db-admin.h). */
	if (c->me.status == STATUS_PENDING && s.kind == SANCTION_BAN)
		snprintf(buf, sz, "Your sign-up was not approved: %s", s.reason);
	else
		screen_sanction_describe(c, buf, sz, &s);
	return true;
}

bool
screen_standing_refresh(struct screen_ctx *c)
{
	struct screen_standing *st = &c->standing;
	char why[400], esc[64];
	bool found = false;

	if (c->me.id == 0)
		return true;
	if (db_staff_roles(c->db, c->me.id, &st->moderator, &st->admin) != 0)
		st->moderator = st->admin = false;
	if (db_sanction_in_force(c->db, c->me.id, 0, SANCTION_SILENCE, &st->sanction,
	    &found) == 0)
		st->sanctioned = found;
	if (!screen_standing_refusal(c, why, sizeof why))
		return true;
	log_info("session ended by a sanction: user=%s",
	    text_escape_log(esc, sizeof esc, c->me.login));
	/* No goodbye screen: the reason is the last thing they read. */
	ui_term_farewell(why);
	screen_quit(c, SCREEN_EXIT, 0);
	return false;
}
