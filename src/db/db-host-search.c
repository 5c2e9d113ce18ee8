/* Finding a host: filters in SQL, ranking by the programs the traveller
 * will visit through FTS5 over the hosts' nearest hospitals and
 * affiliations; see db-host.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-host.h"
#include "db/db-internal.h"
#include "db/db-search-internal.h"
#include "db/db-search.h"
#include "rules/search.h"
#include "lib/xmalloc.h"

/* Filters shared by both queries. ?1 actor, ?2 LIKE pattern or '', ?3
 * offers wanted, ?4 no pets, ?5 partner, ?6/?7 arrival/departure day or 0,
 * ?8 travellers, ?9 limit, ?11 today. Hosts offering housing must be free
 * on those nights (no blackout, capacity left, stay short enough, enough
 * notice); advice-only
 * hosts show regardless of dates. The block condition is db-block.h's. */
#define HIT_COLS "h.user_id, u.display_name, h.city, h.region, h.country, " \
	"h.neighbourhood, h.hospitals, h.offers, h.status "
#define HIT_FILTER "h.status <> 'off' AND u.status = 'active' AND u.role <> 'student' " \
	"AND h.user_id <> ?1 " \
	"AND " DB_NOT_BLOCKED("h.user_id") " " \
	"AND (?2 = '' OR h.city LIKE ?2 ESCAPE '\\' OR h.region LIKE ?2 ESCAPE '\\' " \
	"OR h.country LIKE ?2 ESCAPE '\\' OR h.neighbourhood LIKE ?2 ESCAPE '\\') " \
	"AND (h.offers & ?3) = ?3 AND (?4 = 0 OR h.pets = '') AND (?5 = 0 OR h.partner_ok = 1) " \
	"AND (?6 = 0 OR (h.offers & 1) = 0 OR (h.max_nights >= ?7 - ?6 " \
	"AND ?6 - ?11 >= h.min_notice_days " \
	"AND NOT EXISTS (SELECT 1 FROM host_blackouts b WHERE b.host_id = h.user_id " \
	"AND b.first_day < ?7 AND ?6 <= b.last_day) " \
	"AND h.capacity >= ?8 + (SELECT coalesce(sum(q.travellers), 0) FROM host_requests q " \
	"WHERE q.host_id = h.user_id AND q.state IN ('accepted', 'confirmed') " \
	"AND q.arrive_day < ?7 AND ?6 < q.depart_day))) "

static bool
word_byte(unsigned char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    ch >= 0x80;
}

/* Words too common in program and hospital names to say anything. */
static bool
stopword(const char *w, size_t n)
{
	static const char *const words[] = {
		"of", "the", "and", "at", "for", "in", "on", "de", "hospital", "hospitals",
		"medical", "medicine", "center", "centre", "university", "health",
		"program", "programme", "residency", "fellowship", "internal", "school",
		"college", "clinic", "institute", "department", "dept", "interview",
		"system", "pediatrics", "paediatrics", "surgery",
	};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == n && strncasecmp(words[i], w, n) == 0)
			return true;
	return false;
}

/* An FTS5 query from "Program A; Program B": the first SEARCH_TERMS_MAX
 * telling words, ORed, so bm25 ranks hosts matching more words first;
 * each a quoted prefix when it has SEARCH_PREFIX_MIN characters, else the
 * word itself. Only letters, digits and non-ASCII bytes are copied, so
 * nothing the member typed can be FTS syntax. Returns false when no word
 * was found. */
static bool
fts_query(const char *programs, char *out, size_t sz)
{
	size_t len = 0, words = 0;

	out[0] = '\0';
	for (const char *p = programs; *p != '\0';) {
		const char *w;

		if (!word_byte((unsigned char)*p)) {
			p++;
			continue;
		}
		w = p;
		while (word_byte((unsigned char)*p))
			p++;
		if (p - w < 2 || stopword(w, (size_t)(p - w)) ||
		    len + (size_t)(p - w) + 12 >= sz || words >= SEARCH_TERMS_MAX)
			continue;
		len += (size_t)snprintf(out + len, sz - len, "%s\"%.*s\"%s", words ? " OR " : "",
		    (int)(p - w), w,
		    search_chars(w, (size_t)(p - w)) >= SEARCH_PREFIX_MIN ? "*" : "");
		words++;
	}
	return words > 0;
}

/* "%text%" with LIKE's wildcards escaped. */
static void
like_pattern(const char *s, char *out, size_t sz)
{
	size_t len = 0;

	if (*s == '\0') {
		out[0] = '\0';
		return;
	}
	out[len++] = '%';
	for (; *s != '\0' && len + 3 < sz; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			out[len++] = '\\';
		out[len++] = *s;
	}
	out[len++] = '%';
	out[len] = '\0';
}

static void
hit_row(sqlite3_stmt *st, struct host_hit *h, bool ranked)
{
	char buf[16];

	memset(h, 0, sizeof *h);
	h->user_id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, h->name, sizeof h->name);
	db_column_text(st, 2, h->city, sizeof h->city);
	db_column_text(st, 3, h->region, sizeof h->region);
	db_column_text(st, 4, h->country, sizeof h->country);
	db_column_text(st, 5, h->neighbourhood, sizeof h->neighbourhood);
	db_column_text(st, 6, h->hospitals, sizeof h->hospitals);
	h->offers = (unsigned)sqlite3_column_int(st, 7);
	db_column_text(st, 8, buf, sizeof buf);
	(void)host_status_parse(buf, &h->status);
	h->program_match = ranked && sqlite3_column_type(st, 9) != SQLITE_NULL;
}

int
db_host_search(struct db *db, int64_t actor_id, const struct host_query *q, size_t max,
    struct host_hit **out, size_t *n)
{
	char match[HOST_LONG_SZ * 2], like[HOST_TEXT_SZ * 2 + 3];
	struct host_hit *rows;
	struct db_search g;
	sqlite3_stmt *st;
	bool ranked;
	size_t k = 0;
	int rc, r;

	if (actor_id <= 0)
		return ERR_DENIED;
	ranked = fts_query(q->programs, match, sizeof match);
	like_pattern(q->where, like, sizeof like);
	if (ranked)
		/* The FTS query runs once (MATERIALIZED); matching hosts come
		 * from it by primary key, the others from the NOT IN set, so no
		 * host row scans the matches. */
		st = db_stmt(db, "WITH m AS MATERIALIZED (SELECT rowid AS rid, rank AS score "
		    "FROM host_fts WHERE host_fts MATCH ?10) "
		    "SELECT " HIT_COLS ", m.score, 0 FROM m "
		    "JOIN host_profiles h ON h.user_id = m.rid "
		    "JOIN users u ON u.id = h.user_id WHERE " HIT_FILTER
		    "UNION ALL SELECT " HIT_COLS ", NULL, 1 FROM host_profiles h "
		    "JOIN users u ON u.id = h.user_id WHERE " HIT_FILTER
		    "AND h.user_id NOT IN (SELECT rid FROM m) "
		    "ORDER BY 11, 10, 2 LIMIT ?9");
	else
		st = db_stmt(db, "SELECT " HIT_COLS "FROM host_profiles h "
		    "JOIN users u ON u.id = h.user_id WHERE " HIT_FILTER
		    "ORDER BY u.display_name LIMIT ?9");
	if (st == NULL)
		return ERR_INTERNAL;
	if ((r = db_search_begin(db, actor_id, &g)) != 0) {
		db_stmt_done(db, st);
		return r;
	}
	sqlite3_bind_int64(st, 1, actor_id);
	db_bind_text(st, 2, like);
	sqlite3_bind_int(st, 3, (int)(q->offers & HOST_OFFER_ALL));
	sqlite3_bind_int(st, 4, q->no_pets);
	sqlite3_bind_int(st, 5, q->partner);
	sqlite3_bind_int64(st, 6, q->arrive > 0 && q->depart > q->arrive ? q->arrive : 0);
	sqlite3_bind_int64(st, 7, q->depart);
	/* Capacity counts a partner among the travellers, as requests do. */
	sqlite3_bind_int(st, 8, host_party_size(q->travellers, q->partner));
	sqlite3_bind_int64(st, 9, (int64_t)max);
	if (ranked)
		db_bind_text(st, 10, match);
	sqlite3_bind_int64(st, 11, host_today(db_now()));
	rows = xcalloc(max > 0 ? max : 1, sizeof *rows);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && k < max)
		hit_row(st, &rows[k++], ranked);
	/* The budget ends after the rows are in: an interrupted step is
	 * ERR_TOOBROAD by then (db_result). */
	return db_search_end(db, &g,
	    db_rows_done(db, st, rc, rows, k, (void **)out, n, __func__));
}

bool
db_host_search_match(const struct host_query *q, char *match, size_t matchsz,
    char *like, size_t likesz)
{
	like_pattern(q->where, like, likesz);
	return fts_query(q->programs, match, matchsz);
}
