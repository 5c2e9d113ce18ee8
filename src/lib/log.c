/* One line per event on stderr; see log.h. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "lib/log.h"

static enum log_level min_level = LOG_INFO;
static const char *const level_names[] = { "debug", "info", "warn", "error" };

void
log_set_level(enum log_level lv)
{
	min_level = lv;
}

/* Copies src to dst with every C0 control, DEL and C1 control (as UTF-8,
 * C2 80..9F) written as \xNN, so nothing in a log line acts on the
 * terminal of a sysop who tails the log, and one event stays one line,
 * whatever a library put in an error string (libssh quotes the client's
 * banner). Returns the length written (dst is not terminated). */
static size_t
escape_controls(const char *src, size_t n, char *dst, size_t dstsz)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;

	for (size_t i = 0; i < n && o + 4 < dstsz; i++) {
		unsigned char ch = (unsigned char)src[i];
		bool c1 = ch == 0xc2 && i + 1 < n &&
		    (unsigned char)src[i + 1] >= 0x80 && (unsigned char)src[i + 1] <= 0x9f;

		if (c1)
			ch = (unsigned char)src[++i];
		if (ch < 0x20 || ch == 0x7f || c1) {
			dst[o++] = '\\';
			dst[o++] = 'x';
			dst[o++] = hex[ch >> 4];
			dst[o++] = hex[ch & 15];
		} else {
			dst[o++] = (char)ch;
		}
	}
	return o;
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

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	n = snprintf(line, sizeof line, "%s [%d] %s %s: ", stamp, (int)getpid(),
	    level_names[lv], func);
	if (n < 0 || (size_t)n >= sizeof line)
		n = 0;
	m = vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
	if (m < 0)
		m = 0;
	n = (int)strnlen(line, sizeof line - 2);
	n = (int)escape_controls(line, (size_t)n, out, sizeof out - 1);
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
