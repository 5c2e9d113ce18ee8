/* One line per event on stderr: time, pid, level, function, message.
 * Member-supplied strings must pass through log_escape() first (or use %s on
 * the result of text_escape_log) so a log line cannot be forged or carry escapes. */
#ifndef LOG_H
#define LOG_H
#include <stdarg.h>
#include <stddef.h>

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERR };

void log_set_level(enum log_level lv);
void log_write(enum log_level lv, const char *func, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define log_debug(...) log_write(LOG_DEBUG, __func__, __VA_ARGS__)
#define log_info(...)  log_write(LOG_INFO, __func__, __VA_ARGS__)
#define log_warn(...)  log_write(LOG_WARN, __func__, __VA_ARGS__)
#define log_err(...)   log_write(LOG_ERR, __func__, __VA_ARGS__)

/* Logs and exits the process: for the impossible, never for bad input. */
void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
