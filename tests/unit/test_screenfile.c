/* Screen files: substitution, fallbacks for missing, broken and huge files. */
#include <stdlib.h>
#include "ui/screenfile.h"
#include "test.h"
#include "fixture.h"

static const struct screenfile_vars vars = {
	.name = "Alice Appleton", .login = "alice", .bbs = "mentorbbs",
	.date = "2025-01-02", .online = 7,
};

TEST(screenfile_substitutes_variables)
{
	char *s = screenfile_subst("Hi {name} ({login}) on {bbs}: {online} online, {date}. "
	    "{unknown} {name", &vars);

	CHECK_STR(s, "Hi Alice Appleton (alice) on mentorbbs: 7 online, 2025-01-02. "
	    "{unknown} {name");
	free(s);
	s = screenfile_subst("{name}{login}", NULL);
	CHECK_STR(s, "");
	free(s);
}

TEST(screenfile_reads_file)
{
	const char *dir;
	char *s;
	const char text[] = "Welcome {name}\r\nline two\n";
	bool used = false;

	CHECK((dir = fx_tmpdir()) != NULL);
	CHECK(fx_write(fx_path(dir, "welcome.txt"), text, sizeof text - 1));
	s = screenfile_load(dir, "welcome", &vars, &used);
	CHECK(used);
	CHECK_STR(s, "Welcome Alice Appleton\nline two\n");
	free(s);
}

TEST(screenfile_missing_file_falls_back)
{
	char *s;
	bool used = true;

	s = screenfile_load("/nonexistent-dir", "goodbye", &vars, &used);
	CHECK(!used);
	CHECK_STR(s, "Goodbye, Alice Appleton. Thank you for visiting mentorbbs.\n\n"
	    "Come back soon: someone may be waiting for your answer.\n");
	free(s);
	s = screenfile_load("/nonexistent-dir", "help-nothing", &vars, &used);
	CHECK(strstr(s, "No help") != NULL);
	free(s);
}

TEST(screenfile_invalid_utf8_falls_back)
{
	const char *dir;
	char *s;
	const char text[] = "bad \xc3\x28 byte";
	bool used = true;

	CHECK((dir = fx_tmpdir()) != NULL);
	CHECK(fx_write(fx_path(dir, "closed.txt"), text, sizeof text - 1));
	s = screenfile_load(dir, "closed", &vars, &used);
	CHECK(!used);
	CHECK(strncmp(s, "Registration is closed.", 23) == 0);
	free(s);
}

TEST(screenfile_nul_byte_falls_back)
{
	const char *dir;
	char *s;
	const char text[] = "a\0b";
	bool used = true;

	CHECK((dir = fx_tmpdir()) != NULL);
	CHECK(fx_write(fx_path(dir, "goodbye.txt"), text, sizeof text - 1));
	s = screenfile_load(dir, "goodbye", &vars, &used);
	CHECK(!used);
	free(s);
}

TEST(screenfile_oversized_file_falls_back)
{
	const char *dir;
	char *s, *big;
	size_t n = SCREENFILE_MAX + 1;
	bool used = true;

	big = malloc(n);
	CHECK(big != NULL);
	memset(big, 'x', n);
	CHECK((dir = fx_tmpdir()) != NULL);
	CHECK(fx_write(fx_path(dir, "welcome.txt"), big, n));
	s = screenfile_load(dir, "welcome", &vars, &used);
	CHECK(!used);
	/* The built-in text is the shipped file, variables filled in. */
	CHECK(strstr(s, "Members online now: 7.") != NULL);
	CHECK(strchr(s, 'x') == NULL);
	free(s);
	/* Exactly at the cap is still accepted. */
	CHECK(fx_write(fx_path(dir, "welcome.txt"), big, n - 1));
	s = screenfile_load(dir, "welcome", &vars, &used);
	free(big);
	CHECK(used);
	CHECK_INT(strlen(s), SCREENFILE_MAX);
	free(s);
}

TEST(screenfile_refuses_path_names)
{
	char *s;
	bool used = true;

	s = screenfile_load("/etc", "../etc/passwd", &vars, &used);
	CHECK(!used);
	CHECK_STR(s, "");
	free(s);
	s = screenfile_load("/etc", "Welcome", &vars, &used);
	CHECK(!used);
	free(s);
}

TEST(screenfile_drops_escapes)
{
	const char *dir;
	char *s;
	const char text[] = "clear\x1b[2J now";
	bool used = false;

	CHECK((dir = fx_tmpdir()) != NULL);
	CHECK(fx_write(fx_path(dir, "goodbye.txt"), text, sizeof text - 1));
	s = screenfile_load(dir, "goodbye", &vars, &used);
	CHECK(used);
	CHECK(strchr(s, '\x1b') == NULL);
	free(s);
}

TEST(screenfile_output_is_capped)
{
	char *t, *s;
	size_t n = 60000;

	/* Many {name} in a file must not grow the result without bound. */
	t = malloc(n * 6 + 1);
	CHECK(t != NULL);
	for (size_t i = 0; i < n; i++)
		memcpy(t + i * 6, "{name}", 6);
	t[n * 6] = '\0';
	s = screenfile_subst(t, &vars);
	free(t);
	CHECK(strlen(s) <= SCREENFILE_OUT_MAX);
	CHECK(strlen(s) > SCREENFILE_OUT_MAX - 20);
	free(s);
}
