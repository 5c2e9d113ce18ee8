/* One line per event on stderr: time, pid, level, function, message.
 * The whole line is escaped as it is written (every byte that is not
 * printable ASCII becomes \ooo, see text_escape_octal), whatever a library
 * put in it; member-supplied strings pass through text_escape_log first as
 * well, so their quotes and backslashes cannot forge a field either. */
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
