/* Word wrapping: widths, spaces, long words, CJK and newlines. */
#include <stdlib.h>
#include "test.h"
#include "lib/wrap.h"

/* Copies line i of text into buf for comparison. */
static const char *
line_of(const char *text, const struct wrap_line *l, size_t i, char *buf, size_t sz)
{
	size_t n = l[i].len < sz - 1 ? l[i].len : sz - 1;

	memcpy(buf, text + l[i].off, n);
	buf[n] = '\0';
	return buf;
}

TEST(wrap_breaks_at_spaces)
{
	const char *t = "the quick brown fox jumps";
	struct wrap_line *l = NULL;
	char b[64];
	size_t n = wrap_text(t, 10, &l);

	CHECK_INT(n, 3);
	CHECK_STR(line_of(t, l, 0, b, sizeof b), "the quick");
	CHECK_STR(line_of(t, l, 1, b, sizeof b), "brown fox");
	CHECK_STR(line_of(t, l, 2, b, sizeof b), "jumps");
	CHECK_INT(l[0].cols, 9);
	CHECK_INT(l[1].off, 10);
	CHECK_INT(l[0].next, 10);
	free(l);
}

TEST(wrap_exact_fit_and_trailing_space)
{
	const char *t = "abcde fghij ";
	struct wrap_line *l = NULL;
	char b[64];
	size_t n = wrap_text(t, 5, &l);

	CHECK_INT(n, 2);
	CHECK_STR(line_of(t, l, 0, b, sizeof b), "abcde");
	CHECK_STR(line_of(t, l, 1, b, sizeof b), "fghij");
	CHECK_INT(l[1].next, strlen(t));
	free(l);
}

TEST(wrap_hard_breaks_long_words)
{
	const char *t = "ab abcdefghijkl";
	struct wrap_line *l = NULL;
	char b[64];
	size_t n = wrap_text(t, 5, &l);

	CHECK_INT(n, 4);
	CHECK_STR(line_of(t, l, 0, b, sizeof b), "ab");
	CHECK_STR(line_of(t, l, 1, b, sizeof b), "abcde");
	CHECK_STR(line_of(t, l, 2, b, sizeof b), "fghij");
	CHECK_STR(line_of(t, l, 3, b, sizeof b), "kl");
	free(l);
}

TEST(wrap_cjk_never_splits_a_character)
{
	/* Five CJK characters, two columns each, three bytes each. */
	const char *t = "\xe4\xb8\xad\xe6\x96\x87\xe5\x90\x8d\xe5\xad\x97\xe5\xa5\xbd";
	struct wrap_line *l = NULL;
	size_t n = wrap_text(t, 5, &l);

	CHECK_INT(n, 3);
	CHECK_INT(l[0].len, 6);	/* two characters: a third would need 6 columns */
	CHECK_INT(l[0].cols, 4);
	CHECK_INT(l[1].off, 6);
	CHECK_INT(l[1].len, 6);
	CHECK_INT(l[2].len, 3);
	CHECK_INT(l[2].cols, 2);
	free(l);
}

TEST(wrap_wide_character_in_one_column)
{
	const char *t = "\xe4\xb8\xad\xe6\x96\x87";
	struct wrap_line *l = NULL;
	size_t n = wrap_text(t, 1, &l);

	/* Each character goes alone rather than looping forever. */
	CHECK_INT(n, 2);
	CHECK_INT(l[0].len, 3);
	CHECK_INT(l[1].off, 3);
	free(l);
}

TEST(wrap_respects_newlines)
{
	const char *t = "one\n\ntwo three\n";
	struct wrap_line *l = NULL;
	char b[64];
	size_t n = wrap_text(t, 40, &l);

	CHECK_INT(n, 4);
	CHECK_STR(line_of(t, l, 0, b, sizeof b), "one");
	CHECK_STR(line_of(t, l, 1, b, sizeof b), "");
	CHECK_STR(line_of(t, l, 2, b, sizeof b), "two three");
	CHECK_STR(line_of(t, l, 3, b, sizeof b), "");
	CHECK_INT(l[0].next, 4);
	CHECK_INT(l[3].off, strlen(t));
	free(l);
}

TEST(wrap_empty_text_has_one_line)
{
	struct wrap_line *l = NULL;

	CHECK_INT(wrap_text("", 10, &l), 1);
	CHECK_INT(l[0].len, 0);
	free(l);
	CHECK_INT(wrap_text("abc", 0, &l), 3);
	free(l);
}

TEST(wrap_invalid_bytes_count_one_column)
{
	const char *t = "\xff\xfe" "abc";
	struct wrap_line *l = NULL;
	size_t n = wrap_text(t, 3, &l);

	CHECK_INT(n, 2);
	CHECK_INT(l[0].len, 3);
	CHECK_INT(wrap_width(t, strlen(t)), 5);
	free(l);
}

TEST(wrap_offset_at_col)
{
	const char *t = "a\xe4\xb8\xad" "b";

	CHECK_INT(wrap_width(t, strlen(t)), 4);
	CHECK_INT(wrap_offset_at_col(t, strlen(t), 0), 0);
	CHECK_INT(wrap_offset_at_col(t, strlen(t), 1), 1);
	CHECK_INT(wrap_offset_at_col(t, strlen(t), 2), 1);	/* inside the wide one */
	CHECK_INT(wrap_offset_at_col(t, strlen(t), 3), 4);
	CHECK_INT(wrap_offset_at_col(t, strlen(t), 9), 5);
}
