/* A CSV reader for files the sysop is given (user import): RFC 4180 with
 * what spreadsheets write. Fields may be quoted ("a, b", "say ""hi"""),
 * quoted fields may hold commas and line breaks, records end in LF or
 * CRLF, a UTF-8 byte order mark at the start is skipped. A record is
 * bounded (the caller's buffer), so no file can make it grow. */
#ifndef CSV_H
#define CSV_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define CSV_FIELDS_MAX	16

struct csv {
	FILE *f;
	size_t line;		/* physical line the next record starts on, from 1 */
	bool started;		/* the byte order mark has been looked for */
};

void csv_init(struct csv *c, FILE *f);

/* Reads the next record into buf (bufsz bytes: the record's fields, each
 * NUL-terminated) and points fields[0..*nf) at them; *line is the line it
 * started on. Returns 1 for a record, 0 at the end of the file, or -1 with
 * *why (a static sentence) for a record that is too long for buf, has
 * more than maxf fields, an unterminated quote, text right after a
 * closing quote, or a NUL byte; the reader has then skipped to the end of
 * that line, so the next call reads on. An empty line is a record of one
 * empty field. */
int csv_read(struct csv *c, char *buf, size_t bufsz, char **fields, size_t maxf, size_t *nf,
    size_t *line, const char **why);

#endif
