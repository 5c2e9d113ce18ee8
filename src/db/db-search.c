/* One search per member at a time, and its time budget; see db-search.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-search.h"
#include "lib/log.h"

/* Opens the lock file beside the database ("" path: in-memory, -1 and 0). */
static int
lock_open(struct db *db, int *fd)
{
	const char *path = sqlite3_db_filename(db_sqlite(db), "main");
	char lock[4096];

	*fd = -1;
	if (path == NULL || path[0] == '\0')
		return 0;
	if ((size_t)snprintf(lock, sizeof lock, "%s.search-lock", path) >= sizeof lock)
		return ERR_INTERNAL;
	/* 0600 like the database: nobody else has business with it. */
	if ((*fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) == -1) {
		log_err("cannot open %s: %s", lock, strerror(errno));
		return ERR_INTERNAL;
	}
	return 0;
}

int
db_search_begin(struct db *db, int64_t actor_id, struct db_search *g)
{
	struct flock fl;
	int fd, r;

	if ((r = lock_open(db, &fd)) != 0)
		return r;
	if (fd != -1) {
		memset(&fl, 0, sizeof fl);
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		fl.l_start = (off_t)actor_id;
		fl.l_len = 1;
		if (fcntl(fd, F_OFD_SETLK, &fl) == -1) {
			r = errno == EAGAIN || errno == EACCES ? ERR_BUSY : ERR_INTERNAL;
			if (r == ERR_INTERNAL)
				log_err("search lock: %s", strerror(errno));
			close(fd);
			return r;
		}
	}
	g->fd = fd;
	db_budget_begin(db);
	return 0;
}

int
db_search_end(struct db *db, struct db_search *g, int r)
{
	r = db_budget_end(db, r);
	/* Closing the only descriptor of the description drops its lock. */
	if (g->fd != -1)
		close(g->fd);
	g->fd = -1;
	return r;
}
