/* Wake-ups (db-wake.h): a writer's commit wakes the UI processes of the
 * members it concerns, a rollback wakes nobody, and nobody else is woken. */
#include <poll.h>
#include <unistd.h>
#include "db/db-message.h"
#include "db/db-notice.h"
#include "db/db-presence.h"
#include "db/db-user.h"
#include "db/db-wake.h"
#include "db/db.h"
#include "fixture.h"
#include "rules/message.h"
#include "test.h"

static bool
readable(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
}

struct two { struct db *ui, *writer; int fd; int64_t bob, ann; };

static void
close_two(void *arg)
{
	struct two *t = arg;

	if (t->fd >= 0)
		close(t->fd);
	db_close(t->writer);
	db_close(t->ui);
}

static bool
open_two(struct two *t)
{
	static struct two keep;
	const char *dir = fx_tmpdir(), *path;
	char err[256];

	*t = (struct two){ .fd = -1 };
	if (dir == NULL)
		return false;
	path = fx_path(dir, "bbs.db");
	if (db_open(path, &t->ui, err, sizeof err) != 0 ||
	    db_open(path, &t->writer, err, sizeof err) != 0)
		return false;
	keep = *t;
	t->bob = fx_member(t->ui, "bob", ROLE_TRAINEE);
	t->ann = fx_member(t->ui, "ann", ROLE_ALUMNI);
	/* Bob's UI is this process: its presence row names our pid. */
	if (t->bob == 0 || t->ann == 0 || db_presence_enter(t->ui, (int)getpid(), t->bob, "x") != 0)
		return false;
	t->fd = db_wake_listen(t->ui);
	keep = *t;
	test_defer(close_two, &keep);
	return t->fd >= 0;
}

TEST(wake_on_commit_not_before_not_on_rollback)
{
	struct two t;

	CHECK(open_two(&t));
	CHECK(!readable(t.fd));
	CHECK_INT(db_begin(t.writer), 0);
	CHECK_INT(db_notice_add(t.writer, t.bob, "board", "A reply"), 0);
	CHECK(!readable(t.fd));		/* nothing to see until it commits */
	CHECK_INT(db_commit(t.writer), 0);
	CHECK(readable(t.fd));
	db_wake_drain(t.fd);
	CHECK(!readable(t.fd));
	CHECK_INT(db_begin(t.writer), 0);
	CHECK_INT(db_notice_add(t.writer, t.bob, "board", "Rolled back"), 0);
	db_rollback(t.writer);
	CHECK(!readable(t.fd));
	/* Without a transaction, at once; someone else's notice wakes nobody here. */
	CHECK_INT(db_notice_add(t.writer, t.ann, "board", "For Ann"), 0);
	CHECK(!readable(t.fd));
	CHECK_INT(db_notice_add(t.writer, t.bob, "board", "For Bob"), 0);
	CHECK(readable(t.fd));
}

TEST(wake_message_and_suspension_reach_the_member)
{
	static const struct message_limits lim = { .rate = RATE_LIMITS_NONE,
		.max_chars = 1000 };
	enum message_refusal why;
	struct two t;

	CHECK(open_two(&t));
	CHECK_INT(db_message_send(t.writer, t.ann, t.bob, "Hello Bob", &lim, NULL, &why), 0);
	CHECK(readable(t.fd));
	db_wake_drain(t.fd);
	CHECK_INT(db_message_send(t.writer, t.bob, t.ann, "Hello Ann", &lim, NULL, &why), 0);
	CHECK(!readable(t.fd));		/* the sender is not woken by their own */
	CHECK_INT(db_user_set_status(t.writer, 0, t.bob, STATUS_SUSPENDED), 0);
	CHECK(readable(t.fd));
}
