/* One line per event on stderr; see log.h. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "lib/log.h"
#include "lib/text.h"

static enum log_level min_level = LOG_INFO;
static const char *const level_names[] = { "debug", "info", "warn", "error" };
/* syslog priorities for journald's "<N>" line prefix (sd-daemon.h). */
static const char *const level_prefix[] = { "<7>", "<6>", "<4>", "<3>" };

/* Is stderr the journal's stream? systemd sets JOURNAL_STREAM to the
 * device and inode of the stream it connected; a child whose stderr was
 * redirected elsewhere must not take the prefixes. Asked once. */
static bool
to_journal(void)
{
	static int known = -1;

	if (known < 0) {
		const char *js = getenv("JOURNAL_STREAM");
		unsigned long long dev, ino;
		struct stat sb;

		known = js != NULL && sscanf(js, "%llu:%llu", &dev, &ino) == 2 &&
		    fstat(STDERR_FILENO, &sb) == 0 && (unsigned long long)sb.st_dev == dev &&
		    (unsigned long long)sb.st_ino == ino;
	}
	return known == 1;
}

void
log_set_level(enum log_level lv)
{
	min_level = lv;
}

static void log_vwrite(enum log_level lv, const char *func, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

static void
log_vwrite(enum log_level lv, const char *func, const char *fmt, va_list ap)
{
	char line[2048], out[4 * 2048], stamp[32];
	struct tm tm;
	time_t now = time(NULL);
	int n, m;

	/* journald stamps each line itself and wants the priority first. */
	if (to_journal())
		snprintf(stamp, sizeof stamp, "%s", level_prefix[lv]);
	else {
		gmtime_r(&now, &tm);
		strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ ", &tm);
	}
	n = snprintf(line, sizeof line, "%s[%d] %s %s: ", stamp, (int)getpid(),
	    level_names[lv], func);
	if (n < 0 || (size_t)n >= sizeof line)
		n = 0;
	m = vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
	if (m < 0)
		m = 0;
	n = (int)strnlen(line, sizeof line - 2);
	/* The whole line, whatever a library put in a message (libssh quotes
	 * the client's banner in its errors): every byte that is not
	 * printable ASCII becomes \ooo, so nothing in it acts on the terminal
	 * of a sysop who tails the log and one event stays one line.
	 * Backslashes are kept: member strings come through text_escape_log,
	 * which escapes theirs, and are not escaped twice. */
	n = (int)text_escape_octal(out, sizeof out - 1, line, (size_t)n, "");
	out[n++] = '\n';
	/* A single write keeps lines from several processes whole. */
	if (write(STDERR_FILENO, out, (size_t)n) < 0) {
		/* Nowhere left to report it. */
	}
}

void
log_write(enum log_level lv, const char *func, const char *fmt, ...)
{
	va_list ap;

	if (lv < min_level)
		return;
	va_start(ap, fmt);
	log_vwrite(lv, func, fmt, ap);
	va_end(ap);
}

void
fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwrite(LOG_ERR, "fatal", fmt, ap);
	va_end(ap);
	exit(1);
}
