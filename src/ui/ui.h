/* The UI process: ncursesw on a terminal (the pty slave from the session
 * process, or the sysop's own terminal for `mentorbbs local`). It opens the
 * database itself and never sees libssh. */
#ifndef UI_H
#define UI_H
#include <stdbool.h>
#include <stdint.h>
#include "lib/config.h"

struct ui_args {
	const struct config *cfg;	/* db path, screens dir, bbs name, limits */
	int64_t user_id;		/* authenticated member; 0 = registration wizard */
	const char *term;		/* TERM from the client (validated here); NULL = $TERM */
	const char *peer;		/* peer address for logs; "local" */
	const char *offered_key_type;	/* key the client proved during auth, or NULL */
	const char *offered_key_b64;
	int in_fd, out_fd;		/* terminal */
	bool sandbox;			/* sandbox_apply once the terminal is up (`ui`) */
	int report_fd;			/* registration: tell the session the new id; 0 = none */
};

/* Runs the session until the member leaves, idles out or the terminal goes
 * away. Returns the process exit status (0 on a normal goodbye). */
int ui_main(const struct ui_args *a);

/* The registration made member id with this login: tells the session
 * process (and so the listener, whose sign-up caps and pre-auth limits
 * stop counting this connection; and the session's own log lines, which
 * then name the login) through a->report_fd, once, in one write: the id's
 * 8 bytes, then the login without its NUL. A no-op without one. */
void ui_report_member(const struct ui_args *a, int64_t id, const char *login);

#endif
