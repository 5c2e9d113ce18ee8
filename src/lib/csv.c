/* CSV records; see csv.h. One state machine over getc: the file is read
 * once, byte by byte, and nothing is kept beyond the caller's buffer. */
#include <string.h>
#include "lib/csv.h"

void
csv_init(struct csv *c, FILE *f)
{
	c->f = f;
	c->line = 1;
	c->started = false;
}

/* Skips a UTF-8 byte order mark at the very start, if there is one. */
static void
skip_bom(struct csv *c)
{
	static const unsigned char bom[3] = { 0xef, 0xbb, 0xbf };
	int ch, k;

	c->started = true;
	for (k = 0; k < 3; k++) {
		if ((ch = getc(c->f)) == bom[k])
			continue;
		/* Not a mark: put back what was read (only the first byte can
		 * differ in practice; a partial mark is not UTF-8 anyway). */
		if (ch != EOF)
			ungetc(ch, c->f);
		if (k > 0)
			ungetc(bom[0], c->f);	/* at most one byte pushed back is guaranteed */
		return;
	}
}

/* After an error: drops the rest of the physical line. */
static void
skip_line(struct csv *c, int ch)
{
	while (ch != '\n' && ch != EOF)
		ch = getc(c->f);
	if (ch == '\n')
		c->line++;
}

enum st { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED };

int
csv_read(struct csv *c, char *buf, size_t bufsz, char **fields, size_t maxf, size_t *nf,
    size_t *line, const char **why)
{
	enum st st = FIELD_START;
	size_t len = 0, n = 0;
	int ch;

	if (!c->started)
		skip_bom(c);
	*line = c->line;
	if ((ch = getc(c->f)) == EOF)
		return 0;
	if (bufsz == 0 || maxf == 0) {
		*why = "no room for a record";
		skip_line(c, ch);
		return -1;
	}
	fields[n++] = buf;
	for (;; ch = getc(c->f)) {
		if (ch == '\0') {
			*why = "a NUL byte in the file";
			goto bad;
		}
		if (st == QUOTED) {
			if (ch == EOF) {
				*why = "a quoted field is never closed";
				return -1;
			}
			if (ch == '"') {
				st = QUOTE_IN_QUOTED;
				continue;
			}
			if (ch == '\n')
				c->line++;
		} else {
			if (st == QUOTE_IN_QUOTED && ch == '"') {
				st = QUOTED;	/* "" inside quotes is one quote */
			} else if (ch == ',' || ch == '\n' || ch == EOF || ch == '\r') {
				if (ch == '\r') {
					int next = getc(c->f);

					if (next != '\n' && next != EOF) {
						*why = "a carriage return inside a field";
						ch = next;
						goto bad;
					}
					ch = next;
				}
				if (len >= bufsz)
					goto too_long;
				buf[len++] = '\0';
				if (ch != ',') {
					if (ch == '\n')
						c->line++;
					*nf = n;
					return 1;
				}
				if (n == maxf) {
					*why = "too many fields";
					goto bad;
				}
				fields[n++] = buf + len;
				st = FIELD_START;
				continue;
			} else if (st == FIELD_START && ch == '"') {
				st = QUOTED;
				continue;
			} else if (st == QUOTE_IN_QUOTED) {
				*why = "text after a closing quote (write a quote inside a "
				    "quoted field as \"\")";
				goto bad;
			} else {
				st = UNQUOTED;
			}
		}
		if (len + 1 >= bufsz)
			goto too_long;
		buf[len++] = (char)ch;
	}
too_long:
	*why = "the record is too long";
bad:
	skip_line(c, ch);
	return -1;
}
