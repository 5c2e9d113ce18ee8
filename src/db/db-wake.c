/* Wake-ups through one FIFO per UI process; see db-wake.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-wake.h"
#include "lib/log.h"

#define WAKE_QUEUE_MAX	64	/* members one transaction wakes; more wakes everyone */

/* "<database>.wake", or false for an in-memory database. */
static bool
wake_dir(struct db *db, char *buf, size_t sz)
{
	const char *path = sqlite3_db_filename(db_sqlite(db), "main");

	return path != NULL && path[0] != '\0' &&
	    (size_t)snprintf(buf, sz, "%s.wake", path) < sz;
}

int
db_wake_listen(struct db *db)
{
	struct db_wake *w = db_wake_state(db);
	char dir[4096];
	int fd;

	if (!wake_dir(db, dir, sizeof dir))
		return -1;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		log_warn("cannot create %s: %s", dir, strerror(errno));
		return -1;
	}
	if ((size_t)snprintf(w->fifo, sizeof w->fifo, "%s/%d", dir, (int)getpid()) >=
	    sizeof w->fifo)
		return -1;
	/* A FIFO left by a dead process of the same pid is replaced. */
	(void)unlink(w->fifo);
	if (mkfifo(w->fifo, 0600) != 0) {
		log_warn("cannot create %s: %s", w->fifo, strerror(errno));
		w->fifo[0] = '\0';
		return -1;
	}
	/* Read and write: with a writer of its own the FIFO never reports a
	 * hang-up when the last waker closes, so poll stays quiet until a byte
	 * comes. */
	if ((fd = open(w->fifo, O_RDWR | O_NONBLOCK | O_CLOEXEC)) < 0) {
		log_warn("cannot open %s: %s", w->fifo, strerror(errno));
		(void)unlink(w->fifo);
		w->fifo[0] = '\0';
		return -1;
	}
	return fd;
}

void
db_wake_drain(int fd)
{
	char buf[256];

	while (read(fd, buf, sizeof buf) > 0)
		;
}

/* One byte into one process's FIFO. Nobody listening (ENXIO), no such
 * FIFO (ENOENT) and a full one (EAGAIN: it will wake anyway) are fine. */
static void
poke(const char *dir, int64_t pid)
{
	char path[4200];
	int fd;

	if ((size_t)snprintf(path, sizeof path, "%s/%lld", dir, (long long)pid) >= sizeof path)
		return;
	if ((fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
		return;
	if (write(fd, "!", 1) < 0 && errno != EAGAIN)
		log_debug("wake %lld: %s", (long long)pid, strerror(errno));
	close(fd);
}

/* Wakes the UI processes of the queued members (all of them when the
 * queue overflowed). Reads presence outside any transaction. */
static void
wake_send(struct db *db, const int64_t *ids, size_t n, bool everyone)
{
	sqlite3_stmt *st;
	char dir[4096];

	if (!wake_dir(db, dir, sizeof dir))
		return;
	for (size_t i = 0; everyone ? i < 1 : i < n; i++) {
		st = everyone ? db_stmt(db, "SELECT pid FROM presence") :
		    DB_STMT(db, "SELECT pid FROM presence WHERE user_id = ?", ids[i]);
		if (st == NULL)
			return;
		while (sqlite3_step(st) == SQLITE_ROW)
			poke(dir, sqlite3_column_int64(st, 0));
		db_stmt_done(db, st);
	}
}

void
db_wake_member(struct db *db, int64_t user_id)
{
	struct db_wake *w = db_wake_state(db);

	if (sqlite3_get_autocommit(db_sqlite(db))) {
		/* No transaction: what was written is committed already. */
		wake_send(db, &user_id, 1, user_id == 0);
		return;
	}
	if (user_id == 0 || w->n == WAKE_QUEUE_MAX) {
		w->everyone = true;
		return;
	}
	for (size_t i = 0; i < w->n; i++)
		if (w->ids[i] == user_id)
			return;
	w->ids[w->n++] = user_id;
}

void
db_wake_commit(struct db *db, bool committed)
{
	struct db_wake *w = db_wake_state(db);

	if (committed && (w->n > 0 || w->everyone))
		wake_send(db, w->ids, w->n, w->everyone);
	w->n = 0;
	w->everyone = false;
}

void
db_wake_close(struct db *db)
{
	struct db_wake *w = db_wake_state(db);

	if (w->fifo[0] != '\0')
		(void)unlink(w->fifo);
	w->fifo[0] = '\0';
}
