/* Display settings: zone names and the zone database (lib/tz.c), the
 * member's own settings stored with their permission (db/db-display.c),
 * and what "automatic" means for a connection (ui/screen-display.c). */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "db/db-display.h"
#include "db/db.h"
#include "rules/host.h"
#include "rules/mentor.h"
#include "fixture.h"
#include "lib/err.h"
#include "lib/tz.h"
#include "test.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"

TEST(tz_names_stay_inside_the_zone_database)
{
	CHECK(tz_name_ok("Europe/Berlin"));
	CHECK(tz_name_ok("America/Argentina/Buenos_Aires"));
	CHECK(tz_name_ok("Etc/GMT+5"));
	CHECK(tz_name_ok("UTC"));
	CHECK(!tz_name_ok(""));
	CHECK(!tz_name_ok("/etc/passwd"));
	CHECK(!tz_name_ok("../../etc/passwd"));
	CHECK(!tz_name_ok("Europe/../../etc"));
	CHECK(!tz_name_ok("Europe//Berlin"));
	CHECK(!tz_name_ok("Europe/Berlin/"));
	CHECK(!tz_name_ok("Europe/Berlin\n"));
	CHECK(!tz_name_ok("-x"));
	CHECK(tz_known("Europe/Berlin"));
	CHECK(tz_known("UTC"));
	CHECK(!tz_known("Mars/Olympus_Mons"));
	/* A directory or a file that is not TZif is not a zone. */
	CHECK(!tz_known("Europe"));
	CHECK(!tz_known("zone.tab"));
}

TEST(tz_use_changes_local_time)
{
	time_t t = 1767225600;	/* 2026-01-01 00:00 UTC */
	struct tm tm;

	CHECK_INT(tz_use("Asia/Tokyo"), 0);
	CHECK(localtime_r(&t, &tm) != NULL);
	CHECK_INT(tm.tm_hour, 9);
	CHECK_INT(tz_use("America/New_York"), 0);
	CHECK(localtime_r(&t, &tm) != NULL);
	CHECK_INT(tm.tm_mday, 31);
	CHECK_INT(tm.tm_hour, 19);
	CHECK_INT(tz_use("No/Such_Zone"), ERR_INVALID);
	CHECK_STR(getenv("TZ"), "America/New_York");
	unsetenv("TZ");
	tzset();
}

TEST(db_display_only_the_member_and_only_known_zones)
{
	struct db *db = fx_db();
	int64_t ann = fx_member(db, "ann", ROLE_ALUMNI), bob = fx_member(db, "bob", ROLE_STUDENT);
	struct member_display d, got;

	CHECK_INT(db_display_get(db, ann, ann, &got), 0);
	CHECK_INT(got.plain, DISPLAY_PLAIN_AUTO);
	CHECK_STR(got.time_zone, "");
	memset(&d, 0, sizeof d);
	d.plain = DISPLAY_PLAIN_ON;
	strcpy(d.time_zone, "Asia/Kolkata");
	/* Not even another member's read, nor the command line's write. */
	CHECK_INT(db_display_set(db, bob, ann, &d), ERR_DENIED);
	CHECK_INT(db_display_set(db, 0, ann, &d), ERR_DENIED);
	CHECK_INT(db_display_get(db, bob, ann, &got), ERR_DENIED);
	CHECK_INT(db_display_set(db, ann, ann, &d), 0);
	CHECK_INT(db_display_get(db, ann, ann, &got), 0);
	CHECK_INT(got.plain, DISPLAY_PLAIN_ON);
	CHECK_STR(got.time_zone, "Asia/Kolkata");
	/* A zone the system does not know changes nothing. */
	strcpy(d.time_zone, "Asia/Atlantis");
	d.plain = DISPLAY_PLAIN_OFF;
	CHECK_INT(db_display_set(db, ann, ann, &d), ERR_INVALID);
	CHECK_INT(db_display_get(db, ann, ann, &got), 0);
	CHECK_INT(got.plain, DISPLAY_PLAIN_ON);
	CHECK_STR(got.time_zone, "Asia/Kolkata");
	/* Back to automatic: both stored as NULL. */
	d.plain = DISPLAY_PLAIN_AUTO;
	d.time_zone[0] = '\0';
	CHECK_INT(db_display_set(db, ann, ann, &d), 0);
	CHECK_INT(db_display_get(db, ann, ann, &got), 0);
	CHECK_INT(got.plain, DISPLAY_PLAIN_AUTO);
	CHECK_STR(got.time_zone, "");
	CHECK_INT(db_display_set(db, 999, 999, &d), ERR_NOTFOUND);
}

TEST(screen_display_automatic_follows_the_connection)
{
	struct db *db = fx_db();
	struct screen_ctx c;
	struct member_display d = { DISPLAY_PLAIN_OFF, "Europe/Lisbon" };
	char day[16];

	memset(&c, 0, sizeof c);
	c.db = db;
	c.me.id = fx_member(db, "cy", ROLE_ALUMNI);
	setenv("NO_COLOR", "1", 1);
	setenv("TZ", ":Asia/Tokyo", 1);
	screen_display_init(&c, false);
	CHECK(c.display.plain);
	CHECK(ui_draw_plain());
	CHECK_STR(screen_zone(&c), "Asia/Tokyo");
	/* An empty NO_COLOR is no request; an unusable TERM is. */
	setenv("NO_COLOR", "", 1);
	setenv("TZ", "Nowhere/Special", 1);
	screen_display_init(&c, false);
	CHECK(!c.display.plain);
	CHECK_STR(screen_zone(&c), c.display.system_zone);
	screen_display_init(&c, true);
	CHECK(c.display.plain);
	/* The member's own choice wins over both. */
	CHECK_INT(db_display_set(db, c.me.id, c.me.id, &d), 0);
	screen_display_load(&c);
	CHECK(!c.display.plain);
	CHECK(!ui_draw_plain());
	CHECK_STR(screen_zone(&c), "Europe/Lisbon");
	CHECK_STR(getenv("TZ"), "Europe/Lisbon");
	/* A date example is one in the future, in the member's zone. */
	screen_example_day(day, sizeof day, 30);
	CHECK_INT(strlen(day), 10);
	unsetenv("NO_COLOR");
	unsetenv("TZ");
	tzset();
	ui_draw_set_plain(false);
}

TEST(dates_say_no_such_day_and_examples_are_valid_for_the_field)
{
	const char *why = NULL;
	char day[16];
	int64_t d = 0, today = db_now() / 86400;

	/* Well formed but not in the calendar: said so, not "write it as". */
	CHECK(mentor_check_date("2026-02-30", db_now(), &why) != 0);
	CHECK(why != NULL && strstr(why, "no such day") != NULL);
	CHECK(mentor_check_date("2026-2-3", db_now(), &why) != 0);
	CHECK(why != NULL && strstr(why, "YYYY-MM-DD") != NULL);
	CHECK(host_parse_day("2026-02-30", &d, &why) != 0);
	CHECK(why != NULL && strstr(why, "no such day") != NULL);
	/* The example a hint gives is a future day the fields accept. */
	screen_example_day(day, sizeof day, 30);
	CHECK_INT(host_parse_day(day, &d, &why), 0);
	CHECK(d > today);
	CHECK_INT(mentor_check_date(day, db_now(), &why), 0);
}
