/* The system log line of each change the sysop makes; see cli.h. Its own
 * file: <syslog.h> names its priorities LOG_INFO and so on, as lib/log.h
 * does. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include "cli/cli.h"
#include "lib/text.h"

void
cli_logged(const char *fmt, ...)
{
	char msg[1024], esc[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* As lib/log.c does: nothing but printable ASCII reaches the log. */
	text_escape_octal(esc, sizeof esc, msg, strlen(msg), "");
	openlog("mentorbbs", LOG_PID, LOG_AUTH);
	syslog(LOG_INFO, "sysop: %s", esc);
	closelog();
}
