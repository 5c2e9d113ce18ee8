/* Dropping root; see privdrop.h. */
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>
#include "lib/err.h"
#include "lib/config.h"
#include "lib/log.h"
#include "lib/privdrop.h"

/* Becomes uid:gid for good. Returns 0, or ERR_INTERNAL with err. */
static int
become(const struct passwd *pw, char *err, size_t errsz)
{
	uid_t ru, eu, su;
	gid_t rg, eg, sg, gid = pw->pw_gid;

	/* Groups first: once the uid is gone we may no longer change them. */
	if (setgroups(1, &gid) != 0 || setresgid(gid, gid, gid) != 0 ||
	    setresuid(pw->pw_uid, pw->pw_uid, pw->pw_uid) != 0) {
		snprintf(err, errsz, "cannot become user %s: %s", pw->pw_name, strerror(errno));
		return ERR_INTERNAL;
	}
	if (getresuid(&ru, &eu, &su) != 0 || getresgid(&rg, &eg, &sg) != 0 ||
	    ru != pw->pw_uid || eu != pw->pw_uid || su != pw->pw_uid ||
	    rg != gid || eg != gid || sg != gid) {
		snprintf(err, errsz, "became user %s only in part", pw->pw_name);
		return ERR_INTERNAL;
	}
	/* The way back must be closed (OpenSSH checks the same). */
	if (setuid(0) != -1 || seteuid(0) != -1 || setgid(0) != -1 || setegid(0) != -1) {
		snprintf(err, errsz, "was able to regain root after becoming %s", pw->pw_name);
		return ERR_INTERNAL;
	}
	/* The kernel already makes us undumpable when the ids change; say it,
	 * so no same-user process may ptrace the keys out of the listener. */
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
		snprintf(err, errsz, "PR_SET_DUMPABLE: %s", strerror(errno));
		return ERR_INTERNAL;
	}
	return 0;
}

static int
drop(const char *user, char *err, size_t errsz)
{
	struct passwd *pw;

	errno = 0;
	if ((pw = getpwnam(user)) == NULL) {
		snprintf(err, errsz, "started as root but [server] user '%s' does not exist "
		    "(useradd --system --no-create-home --shell /usr/sbin/nologin %s)", user, user);
		return ERR_NOTFOUND;
	}
	if (pw->pw_uid == 0 || pw->pw_gid == 0) {
		snprintf(err, errsz, "[server] user '%s' has uid or gid 0: name an "
		    "unprivileged user", user);
		return ERR_INVALID;
	}
	return become(pw, err, errsz);
}

/* The database file and its directory, writable by who we are now. */
static int
check_db(const char *db, char *err, size_t errsz)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(db, '/');
	int n;

	if (slash == NULL)
		n = snprintf(dir, sizeof dir, ".");
	else
		n = snprintf(dir, sizeof dir, "%.*s", slash == db ? 1 : (int)(slash - db), db);
	if (n < 0 || (size_t)n >= sizeof dir) {
		snprintf(err, errsz, "database path is too long");
		return ERR_INVALID;
	}
	if (access(db, R_OK | W_OK) != 0 || access(dir, W_OK | X_OK) != 0) {
		snprintf(err, errsz, "the database %s and its directory %s must be writable "
		    "by user %u: %s (chown them)", db, dir, (unsigned)getuid(), strerror(errno));
		return ERR_DENIED;
	}
	return 0;
}

int
privdrop_daemon(const char *user, const char *db, bool *dropped, char *err,
    size_t errsz)
{
	bool root = getuid() == 0 || geteuid() == 0;
	int r;

	/* A development machine or a first `make run` as root has no system
	 * user yet: the built-in name missing is a warning, so the server
	 * still starts (the UI stays sandboxed); a user the sysop named must
	 * exist. */
	if (root && strcmp(user, CONFIG_DEFAULT_USER) == 0 && getpwnam(user) == NULL) {
		log_warn("running as root: there is no user '%s' to drop to "
		    "(useradd --system --no-create-home --shell /usr/sbin/nologin %s)", user, user);
		*dropped = false;
		return 0;
	}
	if (root && (r = drop(user, err, errsz)) != 0)
		return r;
	if ((r = check_db(db, err, errsz)) != 0)
		return r;
	*dropped = root;
	return 0;
}
