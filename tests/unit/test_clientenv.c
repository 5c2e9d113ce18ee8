/* The allow-list of a client's env requests (lib/clientenv.c): names,
 * value checks, replacement and the cap. */
#include <string.h>
#include "test.h"
#include "lib/clientenv.h"
#include "lib/err.h"

TEST(clientenv_allows_only_the_listed_names)
{
	CHECK_INT(clientenv_check("LANG", "en_US.UTF-8"), 0);
	CHECK_INT(clientenv_check("LC_ALL", "C.UTF-8"), 0);
	CHECK_INT(clientenv_check("LC_MESSAGES", "pt_BR.UTF-8"), 0);
	CHECK_INT(clientenv_check("LC_IDENTIFICATION", "C"), 0);
	CHECK_INT(clientenv_check("NO_COLOR", "1"), 0);
	CHECK_INT(clientenv_check("COLORTERM", "truecolor"), 0);
	CHECK_INT(clientenv_check("TZ", "Europe/Berlin"), 0);
	/* What an attacker or a careless client sends. */
	CHECK_INT(clientenv_check("LD_PRELOAD", "/tmp/x.so"), ERR_DENIED);
	CHECK_INT(clientenv_check("PATH", "/tmp"), ERR_DENIED);
	CHECK_INT(clientenv_check("TERM", "xterm"), ERR_DENIED);	/* only pty-req sets it */
	CHECK_INT(clientenv_check("HOME", "/"), ERR_DENIED);
	CHECK_INT(clientenv_check("TERMINFO", "/tmp"), ERR_DENIED);
	CHECK_INT(clientenv_check("LC_", "C"), ERR_DENIED);
	CHECK_INT(clientenv_check("LC_all", "C"), ERR_DENIED);
	CHECK_INT(clientenv_check("LC_X=Y", "C"), ERR_DENIED);
	CHECK_INT(clientenv_check("LANGUAGE", "de"), ERR_DENIED);
	CHECK_INT(clientenv_check("lang", "C"), ERR_DENIED);
	CHECK_INT(clientenv_check("TZDIR", "/tmp"), ERR_DENIED);
	CHECK_INT(clientenv_check("LC_AAAAAAAAAAAAAAAAAAAAAAAAAAA", "C"), ERR_DENIED);
	CHECK_INT(clientenv_check("", "C"), ERR_DENIED);
	CHECK_INT(clientenv_check(NULL, "C"), ERR_DENIED);
	CHECK_INT(clientenv_check("LANG", NULL), ERR_DENIED);
}

TEST(clientenv_values_are_checked_like_term)
{
	char longv[CLIENTENV_VALUE_MAX + 2];

	CHECK_INT(clientenv_check("LANG", "ca_ES.UTF-8@valencia"), 0);
	CHECK_INT(clientenv_check("TZ", "America/Argentina/Buenos_Aires"), 0);
	CHECK_INT(clientenv_check("TZ", "CET-1CEST,M3.5.0,M10.5.0/3"), 0);
	CHECK_INT(clientenv_check("TZ", "<+0530>-5:30"), 0);
	CHECK_INT(clientenv_check("TZ", "UTC"), 0);
	CHECK_INT(clientenv_check("NO_COLOR", ""), ERR_INVALID);
	CHECK_INT(clientenv_check("NO_COLOR", "1\x1b[2J"), ERR_INVALID);
	CHECK_INT(clientenv_check("COLORTERM", "24 bit"), ERR_INVALID);
	CHECK_INT(clientenv_check("COLORTERM", "a=b"), ERR_INVALID);
	CHECK_INT(clientenv_check("LANG", "en_US.UTF-8\n"), ERR_INVALID);
	CHECK_INT(clientenv_check("LANG", "de/../../x"), ERR_INVALID);
	CHECK_INT(clientenv_check("LANG", "\xc3\xa9"), ERR_INVALID);
	CHECK_INT(clientenv_check("COLORTERM", "a/b"), ERR_INVALID);
	/* TZ names a file under zoneinfo, never one of its own choosing. */
	CHECK_INT(clientenv_check("TZ", "/etc/shadow"), ERR_INVALID);
	CHECK_INT(clientenv_check("TZ", ":/etc/shadow"), ERR_INVALID);
	CHECK_INT(clientenv_check("TZ", ":Europe/Berlin"), ERR_INVALID);
	CHECK_INT(clientenv_check("TZ", "../../../etc/shadow"), ERR_INVALID);
	CHECK_INT(clientenv_check("TZ", "Europe/../../x"), ERR_INVALID);
	CHECK_INT(clientenv_check("TZ", "Europe/Berlin;rm"), ERR_INVALID);
	memset(longv, 'a', sizeof longv - 1);
	longv[sizeof longv - 1] = '\0';
	CHECK_INT(clientenv_check("COLORTERM", longv), ERR_INVALID);
	longv[CLIENTENV_VALUE_MAX] = '\0';
	CHECK_INT(clientenv_check("COLORTERM", longv), 0);
}

TEST(clientenv_keeps_the_last_value_and_caps_the_names)
{
	struct clientenv e;
	char name[16];

	memset(&e, 0, sizeof e);
	CHECK(clientenv_get(&e, "TZ") == NULL);
	CHECK(!clientenv_has_locale(&e));
	CHECK_INT(clientenv_add(&e, "NO_COLOR", "1"), 0);
	CHECK_INT(clientenv_add(&e, "TZ", "UTC"), 0);
	CHECK_INT(clientenv_add(&e, "TZ", "Asia/Tokyo"), 0);
	CHECK_INT(clientenv_add(&e, "LD_PRELOAD", "x"), ERR_DENIED);
	CHECK_INT(clientenv_add(&e, "COLORTERM", "a b"), ERR_INVALID);
	CHECK_INT((long long)e.n, 2);
	CHECK_STR(e.entry[0], "NO_COLOR=1");
	CHECK_STR(e.entry[1], "TZ=Asia/Tokyo");
	CHECK_STR(clientenv_get(&e, "TZ"), "Asia/Tokyo");
	CHECK(clientenv_get(&e, "T") == NULL);
	CHECK(!clientenv_has_locale(&e));
	CHECK_INT(clientenv_add(&e, "LC_TIME", "C"), 0);
	CHECK(clientenv_has_locale(&e));
	/* LC_* is open-ended; the count is not. */
	for (int i = 0; e.n < CLIENTENV_MAX; i++) {
		snprintf(name, sizeof name, "LC_X%c", 'A' + i);
		CHECK_INT(clientenv_add(&e, name, "C"), 0);
	}
	CHECK_INT(clientenv_add(&e, "LC_ZZZ", "C"), ERR_FULL);
	CHECK_INT(clientenv_add(&e, "TZ", "UTC"), 0);	/* a kept name may still change */
	CHECK_STR(clientenv_get(&e, "TZ"), "UTC");
}
