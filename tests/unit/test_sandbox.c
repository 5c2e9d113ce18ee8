/* The UI sandbox (sandbox.c) and the root drop (privdrop.c). Every attempt
 * runs in a forked child twice: without the sandbox it must succeed (so the
 * test can fail), with it it must be refused. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"
#include "fixture.h"
#include "lib/err.h"
#include "lib/privdrop.h"
#include "lib/sandbox.h"

enum attempt { OPEN_KEY, EXEC_SHELL, OPEN_SOCKET, SIGNAL_PARENT, WRITE_DB_DIR,
    READ_SCREEN, WRITE_SCREENS };

/* Child exit codes. */
#define DID_IT		0
#define REFUSED		1	/* EACCES or EPERM */
#define SETUP_FAILED	2
#define NOT_LANDLOCKED	3	/* refused nothing: the kernel has no Landlock */

struct box {
	const char *dir, *db, *screens, *keys, *key, *screen;
	pid_t parent;		/* the test runner, which the child may not signal */
};

static bool
make_box(struct box *b)
{
	const char *dir = fx_tmpdir();

	if (dir == NULL)
		return false;
	b->dir = dir;
	b->parent = getpid();
	b->db = fx_path(fx_path(dir, "db"), "test.db");
	b->screens = fx_path(dir, "screens");
	b->keys = fx_path(dir, "keys");
	b->key = fx_path(b->keys, "ssh_host_ed25519_key");
	b->screen = fx_path(b->screens, "welcome.txt");
	return mkdir(fx_path(dir, "db"), 0700) == 0 && mkdir(b->screens, 0700) == 0 &&
	    mkdir(b->keys, 0700) == 0 && fx_write(b->db, "", 0) &&
	    fx_write(b->key, "secret", 6) && fx_write(b->screen, "hello", 5);
}

static int
refused(int r)
{
	return r < 0 && (errno == EACCES || errno == EPERM) ? REFUSED : r < 0 ? SETUP_FAILED : DID_IT;
}

static int
try_it(const struct box *b, enum attempt what)
{
	char *const argv[] = { (char *)"sh", (char *)"-c", (char *)"exit 0", NULL };
	char *const envp[] = { NULL };
	int fd;

	switch (what) {
	case OPEN_KEY:
		return refused(fd = open(b->key, O_RDONLY | O_CLOEXEC));
	case EXEC_SHELL:
		execve("/bin/sh", argv, envp);
		return refused(-1);
	case OPEN_SOCKET:
		return refused(fd = socket(AF_INET, SOCK_STREAM, 0));
	case SIGNAL_PARENT:
		return refused(kill(b->parent, SIGCONT));
	case WRITE_DB_DIR:
		return refused(fd = open(fx_path(fx_path(b->dir, "db"), "test.db-journal"),
		    O_RDWR | O_CREAT | O_CLOEXEC, 0600));
	case READ_SCREEN:
		return refused(fd = open(b->screen, O_RDONLY | O_CLOEXEC));
	case WRITE_SCREENS:
		return refused(fd = open(b->screen, O_WRONLY | O_CLOEXEC));
	}
	return SETUP_FAILED;
}

/* Runs the attempt in a child, sandboxed or not; returns its wait status. */
static int
run_child(const struct box *b, enum attempt what, bool sandboxed)
{
	struct sandbox_paths p = { b->db, b->screens, b->keys };
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		char err[256];
		bool ll = false;

		if (sandboxed && sandbox_apply(&p, &ll, err, sizeof err) != 0)
			_exit(SETUP_FAILED);
		if (sandboxed && !ll && (what == OPEN_KEY || what == WRITE_SCREENS))
			_exit(NOT_LANDLOCKED);
		_exit(try_it(b, what));
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static bool
exited(int status, int code)
{
	return status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == code;
}

static bool
killed_by_sigsys(int status)
{
	return status >= 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGSYS;
}

TEST(sandbox_unsandboxed_child_does_everything)
{
	struct box b;

	CHECK(make_box(&b));
	for (int w = OPEN_KEY; w <= WRITE_SCREENS; w++)
		CHECK(exited(run_child(&b, (enum attempt)w, false), DID_IT));
}

TEST(sandbox_refuses_exec_socket_and_foreign_signals)
{
	struct box b;

	CHECK(make_box(&b));
	CHECK(killed_by_sigsys(run_child(&b, EXEC_SHELL, true)));
	CHECK(killed_by_sigsys(run_child(&b, OPEN_SOCKET, true)));
	CHECK(killed_by_sigsys(run_child(&b, SIGNAL_PARENT, true)));
}

TEST(sandbox_landlock_hides_keys_and_keeps_screens_read_only)
{
	struct box b;
	int st;

	CHECK(make_box(&b));
	st = run_child(&b, OPEN_KEY, true);
	if (exited(st, NOT_LANDLOCKED)) {
		/* The keys then rest on their modes (0600, another user). */
		fprintf(stderr, "note: no Landlock on this kernel; key test skipped\n");
		return;
	}
	CHECK(exited(st, REFUSED));
	CHECK(exited(run_child(&b, WRITE_SCREENS, true), REFUSED));
	CHECK(exited(run_child(&b, READ_SCREEN, true), DID_IT));
	CHECK(exited(run_child(&b, WRITE_DB_DIR, true), DID_IT));
}

/* Keys inside a tree the UI may open: Landlock cannot keep them out, so it
 * is left off (with a warning) and the rest of the sandbox still applies.
 * In a child: the filter would bind this process for good. */
static int
apply_child(const struct sandbox_paths *p)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		char err[256];
		bool on = true;

		_exit(sandbox_apply(p, &on, err, sizeof err) == 0 && !on ? 0 : 1);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

TEST(sandbox_without_landlock_when_keys_lie_inside)
{
	struct box b;
	struct sandbox_paths p;

	CHECK(make_box(&b));
	p = (struct sandbox_paths){ fx_path(b.keys, "x.db"), b.screens, b.keys };
	CHECK_INT(apply_child(&p), 0);
	p = (struct sandbox_paths){ b.db, b.dir, b.keys };
	CHECK_INT(apply_child(&p), 0);
}

/* Runs privdrop_daemon in a child and reports: exit 10 + the ERR_ code's
 * negation on failure, 0 if the child is nobody for good. */
static int
drop_child(const char *user, const char *db)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		char err[256];
		bool dropped = false;
		gid_t groups[4];
		int r = privdrop_daemon(user, db, &dropped, err, sizeof err);

		if (r != 0)
			_exit(10 - r);
		if (!dropped || getuid() == 0 || geteuid() == 0 || getgid() == 0 ||
		    getgroups(4, groups) != 1 || groups[0] != getgid())
			_exit(3);
		if (setuid(0) == 0 || seteuid(0) == 0 || setgid(0) == 0)
			_exit(4);
		if (prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0)
			_exit(5);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

TEST(privdrop_becomes_the_user_for_good)
{
	const char *dir = fx_tmpdir(), *db;
	struct passwd *pw;
	bool dropped = true;
	char err[256];

	CHECK(dir != NULL);
	db = fx_path(dir, "test.db");
	CHECK(fx_write(db, "", 0));
	if (getuid() != 0) {
		/* Not root: the setting is ignored. */
		CHECK_INT(privdrop_daemon("no-such-user", db, &dropped, err, sizeof err), 0);
		CHECK(!dropped);
		return;
	}
	CHECK_INT(drop_child("no-such-user-h11", db), 10 - ERR_NOTFOUND);
	CHECK_INT(drop_child("root", db), 10 - ERR_INVALID);
	/* The database must stay writable once we are nobody. */
	CHECK_INT(drop_child("nobody", db), 10 - ERR_DENIED);
	CHECK((pw = getpwnam("nobody")) != NULL);
	CHECK(chmod(dir, 0755) == 0 && chown(dir, pw->pw_uid, pw->pw_gid) == 0 &&
	    chown(db, pw->pw_uid, pw->pw_gid) == 0);
	CHECK_INT(drop_child("nobody", db), 0);
}
