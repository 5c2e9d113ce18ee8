/* The UI sandbox; see sandbox.h.
 *
 * Order matters: no_new_privs first (Landlock and an unprivileged seccomp
 * filter both require it), then the Landlock ruleset, then the seccomp
 * filter last, so the filter need not allow the Landlock calls.
 *
 * The filter's default action is SECCOMP_RET_KILL_PROCESS, as in OpenSSH's
 * sandbox-seccomp-filter.c. The list below is what the UI was seen to use
 * over the whole end-to-end suite, traced per process after this point
 * (build with -DSANDBOX_LEARN, which loads no filter, and run the suite
 * with E2E_WRAP='strace -ff -o DIR/t'). A call outside it is either a path
 * no test reached or an exploit, and an exploit should not get to probe
 * call after call with EACCES answers and carry on. The kernel logs every
 * kill (audit type=1326 with the call's number), so a gap in the list
 * shows up, and the member only has to log in again (drafts survive).
 * Names are resolved for the native architecture with
 * seccomp_syscall_resolve_name; a name this architecture lacks (open on
 * aarch64, say) is skipped, and calls from another architecture's ABI
 * (i386 or x32 on x86_64) kill. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/landlock.h>
#include <seccomp.h>
#include "lib/err.h"
#include "lib/log.h"
#include "lib/sandbox.h"
#include "lib/tz.h"
#include "lib/text.h"

#if defined(__SANITIZE_ADDRESS__)
#define SANDBOX_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANDBOX_ASAN 1
#endif
#endif

/* Rights newer than the kernel headers Debian 12 ships (6.1): the values
 * are ABI, so naming them here is safe; the probe decides which we ask. */
#ifndef LANDLOCK_ACCESS_FS_REFER
#define LANDLOCK_ACCESS_FS_REFER	(1ULL << 13)	/* ABI 2 */
#endif
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE	(1ULL << 14)	/* ABI 3 */
#endif
#ifndef LANDLOCK_ACCESS_FS_IOCTL_DEV
#define LANDLOCK_ACCESS_FS_IOCTL_DEV	(1ULL << 15)	/* ABI 5 */
#endif

#define FS_READ		(LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)
/* SQLite's database, WAL, shared memory and temporary files. */
#define FS_DB		(FS_READ | LANDLOCK_ACCESS_FS_WRITE_FILE | \
			 LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_REMOVE_FILE | \
			 LANDLOCK_ACCESS_FS_TRUNCATE)

/* Every system call the UI makes once sandboxed (see the top). Counts over
 * the suite's 55 UI processes, busiest first: fcntl (SQLite's locks)
 * 13517, write 9057, poll 8633, read 4820, pread64 2101, pwrite64 2035,
 * rt_sigaction 1830, close 538, getpid 502, newfstatat 339, brk 270,
 * openat 265, ioctl 172, kill 152, munmap 101, rt_sigreturn 92, fdatasync
 * 78, unlink 64, exit_group 55, mmap 46, ftruncate 32, clock_nanosleep 17
 * (SQLite's busy wait), sysinfo 5 (glibc's qsort), getrandom 3 (libsodium).
 * Beyond those, only what the same code needs on a path the suite rarely
 * takes or on another architecture: lseek (tzset reading a zone file after
 * a member changed their time zone), restart_syscall (a signal during the
 * busy wait), mremap (realloc of a large block), clock_gettime (when the
 * vDSO is missing), rt_sigprocmask (abort()), and ppoll and unlinkat, which
 * glibc uses for poll and unlink where those calls do not exist. ioctl,
 * kill and tgkill are added separately, with their arguments checked. */
static const char *const allowed[] = {
	"read", "write", "poll", "ppoll", "close", "exit_group",
	/* SQLite: the database, its WAL and temporary files; screens */
	"openat", "newfstatat", "fcntl", "pread64", "pwrite64", "fdatasync",
	"ftruncate", "unlink", "unlinkat",
	/* memory: argon2id's 64 MiB, SQLite's WAL index */
	"brk", "mmap", "munmap", "mremap",
	/* time, signals, the rest */
	"clock_gettime", "clock_nanosleep", "restart_syscall",
	"rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "getpid",
	"getrandom", "sysinfo",
	/* glibc's zone file reader seeks back over the 64-bit part when a
	 * member changes their time zone (tzset, lib/tz.c) */
	"lseek",
};

/* The terminal calls ncurses makes (termios and the window size). */
static const unsigned long tty_ioctls[] = {
	TCGETS, TCSETS, TCSETSW, TCSETSF, TCFLSH, TIOCGWINSZ, FIONREAD,
};

#ifdef SANDBOX_ASAN
/* AddressSanitizer's runtime makes raw calls of its own (open, not
 * openat, on x86_64), and its leak check at exit stops the world with a
 * tracer thread (clone + ptrace) and reads /proc/self/maps. Only in
 * the sanitizer build; the shipped binary never allows these. */
static const char *const allowed_asan[] = {
	/* the sanitizer runtime's own raw calls (the old x86_64 names) */
	"open", "stat", "lstat", "fstat", "readlink", "lseek", "access",
	"dup", "dup2", "pipe", "pipe2", "rename", "nanosleep", "uname", "getrusage",
	"getrlimit", "prlimit64", "madvise", "mprotect", "sigaltstack",
	/* LeakSanitizer's tracer thread */
	"clone", "clone3", "ptrace", "wait4", "waitid", "prctl", "getppid",
	"sched_yield", "sched_getaffinity", "gettid", "futex", "getdents",
	"getdents64", "arch_prctl",
	"set_robust_list", "rseq", "set_tid_address", "exit",
};
#endif

/* The directory part of path ("." for a bare name), resolved. Returns 0,
 * or ERR_INVALID. */
static int
dir_of(const char *path, char *out)
{
	char buf[PATH_MAX];
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		text_copy(buf, sizeof buf, ".");
	else if (slash == path)
		text_copy(buf, sizeof buf, "/");
	else if ((size_t)(slash - path) < sizeof buf) {
		memcpy(buf, path, (size_t)(slash - path));
		buf[slash - path] = '\0';
	} else
		return ERR_INVALID;
	return realpath(buf, out) != NULL ? 0 : ERR_INVALID;
}

/* Is path the directory dir or beneath it? Both resolved. */
static bool
beneath(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	if (strcmp(dir, "/") == 0)
		return true;
	return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

int
sandbox_prepare(const char *db_path, char *err, size_t errsz)
{
	char dir[PATH_MAX];

	if (dir_of(db_path, dir) != 0) {
		snprintf(err, errsz, "cannot resolve the database directory: %s", strerror(errno));
		return ERR_INVALID;
	}
	/* SQLite reads it once, when it initialises: before the first open. */
	if (setenv("SQLITE_TMPDIR", dir, 1) != 0) {
		snprintf(err, errsz, "setenv: %s", strerror(errno));
		return ERR_INVALID;
	}
	return 0;
}

/* The Landlock ABI version, or 0 without Landlock. */
static int
landlock_abi(void)
{
#ifdef SYS_landlock_create_ruleset
	long v = syscall(SYS_landlock_create_ruleset, NULL, 0,
	    LANDLOCK_CREATE_RULESET_VERSION);

	return v > 0 ? (int)v : 0;
#else
	return 0;
#endif
}

#ifdef SYS_landlock_create_ruleset
static int
landlock_allow(int ruleset, const char *path, uint64_t access)
{
	struct landlock_path_beneath_attr pb;
	int fd, r;

	if ((fd = open(path, O_PATH | O_CLOEXEC)) < 0)
		return errno == ENOENT ? 0 : -1;
	memset(&pb, 0, sizeof pb);
	pb.allowed_access = access;
	pb.parent_fd = fd;
	r = (int)syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
	close(fd);
	return r;
}
#endif

/* Restricts the file system to the database directory (read-write) and
 * the screens directory (read-only). Files opened before (the terminal,
 * the database, its WAL) stay usable. Returns 0 (also without Landlock:
 * *on says which), or -1 with errno. */
static int
landlock_apply(const char *dbdir, const char *screens, bool *on)
{
	*on = false;
#ifdef SYS_landlock_create_ruleset
	static bool told;
	struct landlock_ruleset_attr attr;
	uint64_t handled, mask;
	int abi = landlock_abi(), rs, r = -1;

	if (abi == 0) {
		if (!told)
			log_warn("this kernel has no Landlock: the UI's file access is "
			    "limited by seccomp and file modes only");
		told = true;
		return 0;
	}
	handled = ((LANDLOCK_ACCESS_FS_MAKE_SYM << 1) - 1);	/* ABI 1 */
	if (abi >= 2)
		handled |= LANDLOCK_ACCESS_FS_REFER;
	if (abi >= 3)
		handled |= LANDLOCK_ACCESS_FS_TRUNCATE;
	if (abi >= 5)
		handled |= LANDLOCK_ACCESS_FS_IOCTL_DEV;
	mask = handled;
	memset(&attr, 0, sizeof attr);
	attr.handled_access_fs = handled;
	if ((rs = (int)syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0)) < 0)
		return -1;
	if (landlock_allow(rs, dbdir, FS_DB & mask) != 0)
		goto out;
	if (landlock_allow(rs, screens, FS_READ & mask) != 0)
		goto out;
	/* The zone database, read-only: a member who changes their time zone
	 * sees it at once (lib/tz.h). It holds public data only. */
	if (access(TZ_DIR, R_OK) == 0 && landlock_allow(rs, TZ_DIR, FS_READ & mask) != 0)
		goto out;
	/* SQLite seeds its generator (the WAL's salts) from it on first use. */
	if (landlock_allow(rs, "/dev/urandom", LANDLOCK_ACCESS_FS_READ_FILE) != 0)
		goto out;
#ifdef SANDBOX_ASAN
	if (landlock_allow(rs, "/proc", FS_READ & mask) != 0)
		goto out;
#endif
	if (syscall(SYS_landlock_restrict_self, rs, 0) != 0)
		goto out;
	*on = true;
	r = 0;
out:
	close(rs);
	return r;
#else
	(void)dbdir;
	(void)screens;
	return 0;
#endif
}

static int
allow_names(scmp_filter_ctx ctx, const char *const *names, size_t n)
{
	int r;

	for (size_t i = 0; i < n; i++) {
		int nr = seccomp_syscall_resolve_name(names[i]);

		if (nr == __NR_SCMP_ERROR)
			continue;	/* not on this architecture */
		if ((r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0)) != 0)
			return r;
	}
	return 0;
}

/* Signals: to ourselves (raise() and abort() use tgkill with our own
 * pid), and signal 0 to anyone, which is how Who's online asks whether a
 * presence row's process is alive (db-presence.c). The listener and the
 * session run as the same user, so a real signal to them is refused. */
static int
allow_signals(scmp_filter_ctx ctx)
{
	scmp_datum_t me = (scmp_datum_t)getpid();
	int r;

	if ((r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(kill), 1,
	    SCMP_A0(SCMP_CMP_EQ, me, 0))) != 0 ||
	    (r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(kill), 1,
	    SCMP_A1(SCMP_CMP_EQ, 0, 0))) != 0)
		return r;
	return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(tgkill), 1,
	    SCMP_A0(SCMP_CMP_EQ, me, 0));
}

/* ioctl only for the terminal requests above (the low 32 bits: the kernel
 * reads the request as an unsigned int). */
static int
allow_ioctls(scmp_filter_ctx ctx)
{
	int r;

	for (size_t i = 0; i < sizeof tty_ioctls / sizeof tty_ioctls[0]; i++)
		if ((r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(ioctl), 1,
		    SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffu, tty_ioctls[i]))) != 0)
			return r;
	return 0;
}

/* Returns 0 or a negative errno, as libseccomp does. */
static int
seccomp_apply(void)
{
	scmp_filter_ctx ctx;
	int r;

#ifdef SANDBOX_LEARN
	/* Maintainer's build for re-tracing the list: everything but the filter. */
	return 0;
#endif
	if ((ctx = seccomp_init(SCMP_ACT_KILL_PROCESS)) == NULL)
		return -ENOMEM;
	if ((r = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS)) != 0 ||
	    (r = allow_names(ctx, allowed, sizeof allowed / sizeof allowed[0])) != 0 ||
	    (r = allow_signals(ctx)) != 0 || (r = allow_ioctls(ctx)) != 0)
		goto out;
#ifdef SANDBOX_ASAN
	if ((r = allow_names(ctx, allowed_asan, sizeof allowed_asan / sizeof allowed_asan[0])) != 0)
		goto out;
#endif
	r = seccomp_load(ctx);
out:
	seccomp_release(ctx);
	return r;
}

/* True if the keys directory lies inside a directory the UI may open:
 * Landlock grants whole trees and cannot carve one out. */
static bool
keys_inside(const struct sandbox_paths *p, const char *dbdir, const char *screens)
{
	char keys[PATH_MAX];

	if (p->keys == NULL || realpath(p->keys, keys) == NULL)
		return false;
	return beneath(keys, dbdir) || (screens[0] != '\0' && beneath(keys, screens));
}

int
sandbox_apply(const struct sandbox_paths *p, bool *landlocked, char *err, size_t errsz)
{
	char dbdir[PATH_MAX], screens[PATH_MAX];
	bool on = false, inside;
	int r;

	if (dir_of(p->db, dbdir) != 0) {
		snprintf(err, errsz, "cannot resolve the database directory: %s", strerror(errno));
		return ERR_INVALID;
	}
	if (realpath(p->screens, screens) == NULL)
		screens[0] = '\0';	/* none: the built-in screens are used */
	/* Then Landlock would let the UI read the keys: it is left off, with
	 * a word for the sysop (no_new_privs and seccomp still apply, and the
	 * keys stay mode 0600 of the listener's user). */
	inside = keys_inside(p, dbdir, screens);
	if (inside)
		log_warn("UI sandbox without Landlock: the host keys (%s) lie inside the "
		    "database or screens directory; move them out", p->keys);
	/* glibc reads /etc/localtime at the first localtime(), and keeps it. */
	tzset();
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		snprintf(err, errsz, "PR_SET_NO_NEW_PRIVS: %s", strerror(errno));
		return ERR_INTERNAL;
	}
	if (!inside && landlock_apply(dbdir, screens[0] != '\0' ? screens : dbdir, &on) != 0) {
		snprintf(err, errsz, "landlock: %s", strerror(errno));
		return ERR_INTERNAL;
	}
	if ((r = seccomp_apply()) != 0) {
		snprintf(err, errsz, "cannot load the seccomp filter: %s", strerror(-r));
		return ERR_INTERNAL;
	}
	if (landlocked != NULL)
		*landlocked = on;
	return 0;
}
