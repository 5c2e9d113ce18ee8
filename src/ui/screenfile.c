/* Text screens from the screens directory, with built-in fallbacks; see
 * screenfile.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lib/log.h"
#include "ui/screenfile.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

struct sbuf {
	char *p;
	size_t len, cap;
	bool full;
};

static bool
name_ok(const char *name)
{
	size_t len = strlen(name);

	if (len == 0 || len > SCREENFILE_NAME_MAX)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= '0' && name[i] <= '9') || name[i] == '-'))
			return false;
	return true;
}

/* Reads a whole regular file of at most SCREENFILE_MAX bytes. Returns 0
 * and *out (NUL terminated, caller frees), or -1 with why set. */
static int
read_small_file(const char *path, char **out, const char **why)
{
	struct stat st;
	char *buf = NULL;
	size_t got = 0;
	ssize_t n;
	int fd, r = -1;

	/* O_NONBLOCK: a FIFO left in the directory must not hang a session. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1) {
		*why = errno == ENOENT ? "missing" : "unreadable";
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		*why = "not a regular file";
		goto out;
	}
	buf = xmalloc(SCREENFILE_MAX + 2);
	/* Read one byte past the cap so a file that grew after fstat is
	 * still caught. */
	while (got <= SCREENFILE_MAX) {
		n = read(fd, buf + got, SCREENFILE_MAX + 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*why = "unreadable";
			goto out;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	if (got > SCREENFILE_MAX) {
		*why = "larger than 64 KiB";
		goto out;
	}
	buf[got] = '\0';
	if (!text_utf8_valid(buf, got)) {
		*why = "not valid UTF-8";
		goto out;
	}
	*out = buf;
	buf = NULL;
	r = 0;
out:
	free(buf);
	close(fd);
	return r;
}

static void
sbuf_add(struct sbuf *b, const char *s, size_t n)
{
	size_t i;

	if (b->full)
		return;
	if (n > SCREENFILE_OUT_MAX - b->len) {
		/* Stop at a character boundary: back up over continuation bytes. */
		n = SCREENFILE_OUT_MAX - b->len;
		for (i = n; i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80; i--)
			;
		n = i;
		b->full = true;
	}
	if (b->len + n + 1 > b->cap) {
		b->cap = b->len + n + 1 + b->cap / 2;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* The value for a variable name of len bytes at s, or NULL if unknown. */
static const char *
var_value(const char *s, size_t len, const struct screenfile_vars *v,
    char *num, size_t numsz)
{
	static const struct screenfile_vars none;
	const char *val;

	if (v == NULL)
		v = &none;
	if (len == 4 && memcmp(s, "name", 4) == 0)
		val = v->name;
	else if (len == 5 && memcmp(s, "login", 5) == 0)
		val = v->login;
	else if (len == 3 && memcmp(s, "bbs", 3) == 0)
		val = v->bbs;
	else if (len == 4 && memcmp(s, "date", 4) == 0)
		val = v->date;
	else if (len == 6 && memcmp(s, "online", 6) == 0) {
		snprintf(num, numsz, "%ld", v->online);
		val = num;
	} else
		return NULL;
	return val != NULL ? val : "";
}

char *
screenfile_subst(const char *text, const struct screenfile_vars *v)
{
	struct sbuf b = { NULL, 0, 0, false };
	const char *p = text, *open, *close = NULL, *val;
	char num[32];

	sbuf_add(&b, "", 0);
	while ((open = strchr(p, '{')) != NULL) {
		sbuf_add(&b, p, (size_t)(open - p));
		/* The first '}' after open. The one found for an earlier '{'
		 * still is if it lies beyond open, and without one no variable
		 * can follow: looking afresh from every '{' would take time
		 * growing with the square of the text. */
		if (close == NULL || close < open)
			close = strchr(open + 1, '}');
		if (close == NULL) {
			p = open;
			break;
		}
		val = var_value(open + 1, (size_t)(close - open - 1), v, num, sizeof num);
		if (val == NULL) {
			sbuf_add(&b, "{", 1);
			p = open + 1;
			continue;
		}
		sbuf_add(&b, val, strlen(val));
		p = close + 1;
	}
	sbuf_add(&b, p, strlen(p));
	return b.p;
}

char *
screenfile_load(const char *dir, const char *name,
    const struct screenfile_vars *v, bool *from_file)
{
	char path[1200], esc[96], *raw = NULL, *out;
	const char *why = "bad name";
	bool used = false;
	int n;

	if (name_ok(name)) {
		n = snprintf(path, sizeof path, "%s/%s.txt", dir, name);
		if (n < 0 || (size_t)n >= sizeof path)
			why = "path too long";
		else if (read_small_file(path, &raw, &why) == 0)
			used = true;
	}
	if (used) {
		text_clean_multiline(raw);
	} else if (strcmp(why, "missing") != 0) {
		log_warn("screen file %s: %s; using the built-in text",
		    text_escape_log(esc, sizeof esc, name), why);
	}
	out = screenfile_subst(used ? raw : screenfile_builtin(name), v);
	free(raw);
	if (from_file != NULL)
		*from_file = used;
	return out;
}
