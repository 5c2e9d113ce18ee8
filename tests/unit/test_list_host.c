/* The HOST list screens on the list engine, pushed and given keys
 * through the screen stack (no terminal: these check the rows, the keys
 * and the selection, not the drawing): My interviews' add input takes
 * the keys while open, the search results keep their own copy of the
 * search, and My HOST keeps the chosen request chosen when another
 * arrives above it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db.h"
#include "db/db-host.h"
#include "fixture.h"
#include "lib/err.h"
#include "rules/host.h"
#include "test.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-keys.h"

#define D0	20598		/* 2026-05-25: "today" in these tests */

static void
type(struct screen_ctx *c, const char *s)
{
	while (*s != '\0')
		screen_key(c, (unsigned char)*s++);
}

/* The engine's state of the screen on top. */
static struct list *
top_list(struct screen_ctx *c)
{
	return screen_top(c)->st;
}

static const char *
chosen_program(const struct list *l)
{
	const struct host_interview *iv = list_selected(l);

	return iv != NULL ? iv->program : NULL;
}

static int
hosting(struct db *db, int64_t id, const char *hospitals)
{
	struct host_profile p;
	const char *why = NULL;

	host_profile_init(&p, id);
	p.status = HOST_HOSTING;
	snprintf(p.city, sizeof p.city, "Boston");
	snprintf(p.hospitals, sizeof p.hospitals, "%s", hospitals);
	return db_host_save(db, id, &p, &why);
}

static int
ask(struct db *db, int64_t guest, int64_t host, int64_t arrive)
{
	struct host_request r;
	const char *why = NULL;
	int64_t id = 0;

	memset(&r, 0, sizeof r);
	r.host_id = host;
	r.arrive = arrive;
	r.depart = arrive + 2;
	r.travellers = 1;
	r.purpose = HP_RESIDENCY;
	return db_host_request_create(db, guest, &r, &id, &why);
}

TEST(list_host_interviews_input_takes_the_keys_and_the_choice_stays)
{
	struct screen_ctx c;
	struct list *l;
	const char *why = NULL;
	char line[64], day[16];

	memset(&c, 0, sizeof c);
	c.db = fx_db();
	CHECK(c.db != NULL);
	c.me.id = fx_member(c.db, "sue", ROLE_STUDENT);
	db_set_now_for_tests((int64_t)D0 * HOST_DAY_SECS + 3600);
	CHECK_INT(db_host_interview_add(c.db, c.me.id, "A Medicine", D0 + 10, &why), ERR_OK);
	CHECK_INT(db_host_interview_add(c.db, c.me.id, "C Surgery", D0 + 20, &why), ERR_OK);
	screen_push(&c, &screen_host_interviews, NULL);
	l = top_list(&c);
	CHECK_INT(list_count(l), 2);
	screen_key(&c, UI_KEY_DOWN);
	CHECK_STR(chosen_program(l), "C Surgery");
	/* While the input is open, d is text, not remove; help passes. */
	screen_key(&c, 'a');
	type(&c, "2027-02-30 d");
	CHECK(!c.asking);
	CHECK(!list_key(&c, l, UI_KEY_F1));
	screen_key(&c, UI_KEY_ENTER);
	CHECK(c.msg_error && strstr(c.msg, "no such day") != NULL);
	CHECK_INT(list_count(l), 2);
	/* Esc leaves the input; a new one above keeps C Surgery chosen. */
	screen_key(&c, UI_KEY_ESC);
	CHECK_INT(c.depth, 1);
	screen_key(&c, 'a');
	host_format_day(day, sizeof day, D0 + 15);
	snprintf(line, sizeof line, "%s B Medicine", day);
	type(&c, line);
	screen_key(&c, UI_KEY_ENTER);
	CHECK_INT(list_count(l), 3);
	CHECK_INT(list_sel(l), 2);
	CHECK_STR(chosen_program(l), "C Surgery");
	/* The input closed: d asks, and yes removes the chosen one. */
	screen_key(&c, 'd');
	CHECK(c.asking);
	screen_key(&c, 'y');
	CHECK_INT(list_count(l), 2);
	CHECK_STR(chosen_program(l), "B Medicine");
	screen_leave_all(&c);
	db_set_now_for_tests(0);
}

TEST(list_host_results_keep_the_search_and_my_host_follows_the_request)
{
	struct screen_ctx c;
	struct host_query q;
	struct list *l;
	int64_t near, far;

	memset(&c, 0, sizeof c);
	memset(&q, 0, sizeof q);
	c.db = fx_db();
	CHECK(c.db != NULL);
	c.me.id = fx_member(c.db, "sue", ROLE_STUDENT);
	near = fx_member(c.db, "hal", ROLE_ALUMNI);
	far = fx_member(c.db, "dora", ROLE_ALUMNI);
	db_set_now_for_tests((int64_t)D0 * HOST_DAY_SECS + 3600);
	CHECK_INT(hosting(c.db, near, "Massachusetts General Hospital"), ERR_OK);
	CHECK_INT(hosting(c.db, far, "Tufts Medical Center"), ERR_OK);

	/* The matching host first, still after a reload: the screen searches
	 * with its own copy of the form's query. */
	snprintf(q.programs, sizeof q.programs, "Massachusetts General");
	screen_push(&c, &screen_host_results, &q);
	l = top_list(&c);
	q.programs[0] = '\0';
	list_update(&c, l);
	CHECK_INT(list_count(l), 2);
	CHECK_INT(((const struct host_hit *)list_row(l, 0))->user_id, near);
	screen_key(&c, UI_KEY_DOWN);
	CHECK_INT(((const struct host_hit *)list_selected(l))->user_id, far);
	screen_leave_all(&c);

	/* A request for earlier dates comes in above the chosen one. */
	CHECK_INT(ask(c.db, c.me.id, far, D0 + 30), ERR_OK);
	screen_push(&c, &screen_host_my, NULL);
	l = top_list(&c);
	CHECK_INT(list_count(l), 1);
	CHECK_INT(ask(c.db, c.me.id, near, D0 + 20), ERR_OK);
	screen_update(&c);
	CHECK_INT(list_count(l), 2);
	CHECK_INT(list_sel(l), 1);
	screen_leave_all(&c);
	db_set_now_for_tests(0);
}
