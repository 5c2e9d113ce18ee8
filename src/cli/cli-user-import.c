/* `mentorbbs user import FILE.csv [--strict] [--codes FILE] [--code-days N]`:
 * members from a roster with the columns login, name, role, program, year,
 * email and an optional public key (a first row starting with "login" is
 * the header). Every row is checked like user add; a refused row is
 * printed with its line and reason. Row by row (a savepoint each) the good
 * rows stay; with --strict one refusal keeps every row out. A member
 * without a key gets a one-time code to log in once and choose a password
 * (printed, or written to the --codes file, 0600, never overwritten). */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "cli/cli-user.h"
#include "db/db.h"
#include "db/db-sysop.h"
#include "db/db-user.h"
#include "lib/config.h"
#include "lib/crypto.h"
#include "lib/csv.h"
#include "lib/log.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

#define IMPORT_RECORD_MAX	16384	/* bytes of one row: a 16384-bit RSA key fits */
#define IMPORT_CODE_DAYS	14
#define IMPORT_CODE_LEN		24	/* "xxxxx-xxxxx-xxxxx-xxxxx" */

enum col { C_LOGIN, C_NAME, C_ROLE, C_PROGRAM, C_YEAR, C_EMAIL, C_KEY, C_COUNT };

struct import_args {
	const char *db_path, *config_path, *codes_path, *code_days;
	bool strict;
};

static const struct cli_opt import_opts[] = {
	CLI_FLAG("strict", struct import_args, strict),
	CLI_STR("codes", struct import_args, codes_path),
	CLI_STR("code-days", struct import_args, code_days),
	CLI_STR("config", struct import_args, config_path),
	CLI_STR("db", struct import_args, db_path),
};

/* One row being imported. */
struct row {
	struct member m;
	char email[USER_EMAIL_MAX + 1];
	struct authkey key;
	bool has_key;
	char code[IMPORT_CODE_LEN], code_hash[65];
};

struct import {
	const struct import_args *a;
	struct config cfg;
	struct db *db;
	FILE *codes;		/* where the codes go: stdout or the --codes file */
	int64_t code_until;
	size_t imported, refused;
};

/* 100 random bits as 20 letters and digits in groups of five, from 32
 * symbols without i, l, o and 0, so a code read aloud or copied from
 * paper is not mistaken. */
static void
make_code(struct row *r)
{
	static const char base32[] = "abcdefghjkmnpqrstuvwxyz123456789";
	uint8_t raw[20], sum[32];
	size_t k = 0;

	crypto_random(raw, sizeof raw);
	for (size_t i = 0; i < 20; i++) {
		if (i > 0 && i % 5 == 0)
			r->code[k++] = '-';
		r->code[k++] = base32[raw[i] & 31];
	}
	r->code[k] = '\0';
	crypto_wipe(raw, sizeof raw);
	crypto_sha256(sum, r->code, strlen(r->code));
	for (size_t i = 0; i < 32; i++)
		snprintf(r->code_hash + 2 * i, 3, "%02x", sum[i]);
}

/* Checks one record's values into r: 0, or -1 with *why. */
static int
row_parse(const struct import *im, char **f, size_t nf, struct row *r, const char **why)
{
	char *end;
	long year;

	memset(r, 0, sizeof *r);
	if (nf < C_KEY || nf > C_COUNT) {
		*why = "a row has 6 columns (login, name, role, program, year, email) and "
		    "optionally a 7th, the public key";
		return -1;
	}
	for (size_t i = 0; i < nf; i++)
		if (!text_utf8_valid(f[i], strlen(f[i]))) {
			*why = "the row is not valid UTF-8 (save the file as UTF-8)";
			return -1;
		}
	(void)user_login_fold(f[C_LOGIN], strlen(f[C_LOGIN]) + 1, f[C_LOGIN]);
	if (user_check_new_login(f[C_LOGIN], im->cfg.registration.login,
	    im->cfg.registration.reserved, why) != 0 || user_check_name(f[C_NAME], why) != 0)
		return -1;
	if (member_role_parse(f[C_ROLE], &r->m.role) != 0) {
		*why = "role must be alumni, trainee or student";
		return -1;
	}
	if (!text_copy(r->m.programs, sizeof r->m.programs, f[C_PROGRAM])) {
		*why = "program is too long";
		return -1;
	}
	if (f[C_YEAR][0] != '\0') {
		errno = 0;
		year = strtol(f[C_YEAR], &end, 10);
		if (errno != 0 || *end != '\0' || year < USER_GRAD_YEAR_MIN ||
		    year > USER_GRAD_YEAR_MAX) {
			*why = "year must be empty or a year from 1950 to 2045";
			return -1;
		}
		r->m.grad_year = (int)year;
	}
	if (user_check_email(f[C_EMAIL], why) != 0)
		return -1;
	text_copy(r->email, sizeof r->email, f[C_EMAIL]);
	if (nf == C_COUNT && f[C_KEY][0] != '\0') {
		if (authkey_is_private(f[C_KEY])) {
			*why = "the key column holds a private key: give the public one";
			return -1;
		}
		if (authkey_parse(f[C_KEY], &r->key, why) != 0)
			return -1;
		r->has_key = true;
	}
	text_copy(r->m.login, sizeof r->m.login, f[C_LOGIN]);
	text_copy(r->m.name, sizeof r->m.name, f[C_NAME]);
	r->m.status = STATUS_ACTIVE;
	return 0;
}

/* Stores one checked row under a savepoint. 0, or -1 with *why. */
static int
row_store(struct import *im, struct row *r, const char **why)
{
	struct db_import_row ir = { &r->m, r->email, r->has_key ? &r->key : NULL, NULL, 0 };
	int64_t id;
	int e;

	if (!r->has_key) {
		make_code(r);
		ir.code_hash = r->code_hash;
		ir.code_until = im->code_until;
	}
	if ((e = db_savepoint(im->db)) != 0) {
		*why = err_str(e);
		return -1;
	}
	if ((e = db_sysop_import_row(im->db, &ir, &id, why)) != 0) {
		db_savepoint_rollback(im->db);
		return -1;
	}
	if ((e = db_savepoint_release(im->db)) != 0) {
		*why = err_str(e);
		return -1;
	}
	return 0;
}

static void
refuse(struct import *im, size_t line, const char *why)
{
	im->refused++;
	printf("line %zu: refused: %s\n", line, why);
}

/* Reads and stores every row; the codes are written after the commit
 * (stashed until then), so a rolled-back import hands out none. */
static int
import_rows(struct import *im, FILE *in, char **codes, size_t *ncodes)
{
	char *buf = xmalloc(IMPORT_RECORD_MAX), *f[CSV_FIELDS_MAX];
	struct row *r = xmalloc(sizeof *r);
	const char *why = NULL;
	struct csv c;
	size_t nf, line, cap = 0;
	int got;
	bool first = true;

	csv_init(&c, in);
	while ((got = csv_read(&c, buf, IMPORT_RECORD_MAX, f, CSV_FIELDS_MAX, &nf, &line,
	    &why)) != 0) {
		if (got < 0) {
			refuse(im, line, why);
			continue;
		}
		if (nf == 1 && f[0][0] == '\0')
			continue;	/* a blank line */
		if (first && strcasecmp(f[0], "login") == 0) {
			first = false;
			continue;	/* the header */
		}
		first = false;
		if (row_parse(im, f, nf, r, &why) != 0 || row_store(im, r, &why) != 0) {
			refuse(im, line, why);
			continue;
		}
		im->imported++;
		if (r->has_key)
			continue;
		if (*ncodes == cap) {
			cap = cap ? cap * 2 : 64;
			*codes = xreallocarray(*codes, cap, MEMBER_LOGIN_SZ + IMPORT_CODE_LEN);
		}
		snprintf(*codes + *ncodes * (MEMBER_LOGIN_SZ + IMPORT_CODE_LEN),
		    MEMBER_LOGIN_SZ + IMPORT_CODE_LEN, "%s,%s", r->m.login, r->code);
		(*ncodes)++;
	}
	crypto_wipe(r, sizeof *r);
	free(r);
	free(buf);
	return ferror(in) ? cli_fail("user import: read error") : 0;
}

/* The --codes file: new, 0600 (the codes let people in). */
static int
open_codes(const char *path, FILE **out)
{
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) == -1)
		return cli_fail("user import: %s: %s", path, errno == EEXIST ?
		    "already exists (codes are never written over)" : strerror(errno));
	if ((*out = fdopen(fd, "w")) == NULL) {
		close(fd);
		return cli_fail("user import: %s: %s", path, strerror(errno));
	}
	return 0;
}

static int
parse_days(const char *s, int64_t *days)
{
	char *end;
	long v;

	if (s == NULL)
		return 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 1 || v > 365)
		return cli_usage("user import: --code-days takes 1 to 365, not '%.20s'", s);
	*days = v;
	return 0;
}

/* Commits (or, strict with a refusal, rolls back) and hands out the codes. */
static int
import_finish(struct import *im, const char *codes, size_t ncodes)
{
	const size_t w = MEMBER_LOGIN_SZ + IMPORT_CODE_LEN;
	int r;

	if (im->a->strict && im->refused > 0) {
		db_rollback(im->db);
		printf("imported 0 rows, refused %zu (--strict: nothing was imported)\n",
		    im->refused);
		return cli_fail("user import: %zu rows refused; nothing imported", im->refused);
	}
	if ((r = db_commit(im->db)) != 0)
		return cli_fail("user import: %s; nothing imported", err_str(r));
	for (size_t i = 0; i < ncodes; i++)
		fprintf(im->codes, "%s\n", codes + i * w);
	if (im->codes != stdout && fclose(im->codes) != 0) {
		im->codes = NULL;
		return cli_fail("user import: cannot write %s: %s", im->a->codes_path,
		    strerror(errno));
	}
	im->codes = NULL;
	cli_logged("roster imported: %zu members, %zu rows refused", im->imported,
	    im->refused);
	printf("imported %zu rows, refused %zu\n", im->imported, im->refused);
	return im->refused > 0 ? cli_fail("user import: %zu rows refused (see above)",
	    im->refused) : CLI_OK;
}

int
cli_user_import(int argc, char **argv)
{
	struct import_args a = { CONFIG_DEFAULT_DB, NULL, NULL, NULL, false };
	struct import im;
	char *codes = NULL;
	size_t ncodes = 0;
	int64_t days = IMPORT_CODE_DAYS;
	FILE *in = NULL;
	int first, r;

	memset(&im, 0, sizeof im);
	im.a = &a;
	im.codes = stdout;
	if ((r = cli_parse("user import", argc, argv, import_opts, sizeof import_opts /
	    sizeof import_opts[0], &a, 1, "give the roster FILE.csv", &first)) != 0 ||
	    (r = parse_days(a.code_days, &days)) != 0 ||
	    (r = cli_user_config(a.config_path, &im.cfg)) != 0)
		return r;
	if ((in = fopen(argv[first], "r")) == NULL)
		return cli_fail("user import: %s: %s", argv[first], strerror(errno));
	if (a.codes_path != NULL && (r = open_codes(a.codes_path, &im.codes)) != 0)
		goto out;
	if ((r = cli_open_db(a.db_path, &im.db)) != 0)
		goto out;
	im.code_until = db_now() + days * 86400;
	if ((r = db_begin(im.db)) != 0) {
		r = cli_fail("user import: %s", err_str(r));
		goto out;
	}
	if ((r = import_rows(&im, in, &codes, &ncodes)) != 0) {
		db_rollback(im.db);
		goto out;
	}
	r = import_finish(&im, codes, ncodes);
out:
	if (im.codes != NULL && im.codes != stdout) {
		/* Still open: the import did not finish, so no code is valid. */
		fclose(im.codes);
		unlink(a.codes_path);
	}
	if (codes != NULL)
		crypto_wipe(codes, ncodes * (MEMBER_LOGIN_SZ + IMPORT_CODE_LEN));
	free(codes);
	db_close(im.db);
	fclose(in);
	return r;
}
