/* Unit tests for text.c: UTF-8, unsafe characters, widths, the input checks
 * and the display sanitiser. */
#include <locale.h>
#include <stdint.h>
#include <string.h>
#include "test.h"
#include "lib/text.h"

#define RC	"\xef\xbf\xbd"	/* U+FFFD, what the sanitiser draws instead */

static const char R_UTF8[] = "is not valid UTF-8";
static const char R_CONTROL[] = "contains control characters";
static const char R_INVISIBLE[] =
    "contains invisible or direction-changing characters";
static const char R_UNSHOWABLE[] = "contains characters that cannot be shown";
static const char R_LONG[] = "is too long";

/* Decodes s as a whole: the code point and byte count, or -1. */
static int
decode(const char *s, size_t len, uint32_t *cp)
{
	return text_utf8_decode(s, len, cp);
}

/* True if every code point of s is safe to draw (\n and \t only when
 * allowed) and s is valid UTF-8. */
static bool
all_safe(const char *s, bool allow_newlines)
{
	size_t len = strlen(s), i = 0;
	uint32_t cp;
	int n;

	while (i < len) {
		if ((n = text_utf8_decode(s + i, len - i, &cp)) < 0)
			return false;
		if (text_cp_is_unsafe(cp) &&
		    !(allow_newlines && (cp == '\n' || cp == '\t')))
			return false;
		i += (size_t)n;
	}
	return true;
}

TEST(text_utf8_decode_valid)
{
	uint32_t cp;

	CHECK_INT(decode("A", 1, &cp), 1);
	CHECK_INT(cp, 0x41);
	CHECK_INT(decode("\xc3\xa9", 2, &cp), 2);
	CHECK_INT(cp, 0xE9);
	CHECK_INT(decode("\xe2\x82\xac", 3, &cp), 3);
	CHECK_INT(cp, 0x20AC);
	CHECK_INT(decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	CHECK_INT(cp, 0x1F600);
	CHECK_INT(decode("\xf4\x8f\xbf\xbf", 4, &cp), 4);
	CHECK_INT(cp, 0x10FFFF);
	CHECK_INT(decode("\xed\x9f\xbf", 3, &cp), 3);	/* U+D7FF */
	CHECK_INT(cp, 0xD7FF);
	CHECK_INT(decode("\xee\x80\x80", 3, &cp), 3);	/* U+E000 */
	CHECK_INT(cp, 0xE000);
	/* Only the first character is decoded. */
	CHECK_INT(decode("\xc3\xa9xyz", 5, &cp), 2);
}

TEST(text_utf8_decode_overlong)
{
	static const char *const bad[] = {
		"\xc0\x80", "\xc1\xbf", "\xc0\xaf",
		"\xe0\x80\x80", "\xe0\x80\xaf", "\xe0\x9f\xbf",
		"\xf0\x80\x80\x80", "\xf0\x80\x80\xaf", "\xf0\x8f\xbf\xbf",
	};
	uint32_t cp = 12345;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK_INT(decode(bad[i], strlen(bad[i]), &cp), -1);
	CHECK_INT(cp, 12345);	/* untouched on failure */
	/* The shortest forms of the same boundaries are fine. */
	CHECK_INT(decode("\xc2\x80", 2, &cp), 2);
	CHECK_INT(decode("\xe0\xa0\x80", 3, &cp), 3);
	CHECK_INT(decode("\xf0\x90\x80\x80", 4, &cp), 4);
}

TEST(text_utf8_decode_surrogates_and_range)
{
	uint32_t cp;

	CHECK_INT(decode("\xed\xa0\x80", 3, &cp), -1);	/* U+D800 */
	CHECK_INT(decode("\xed\xb0\x80", 3, &cp), -1);	/* U+DC00 */
	CHECK_INT(decode("\xed\xbf\xbf", 3, &cp), -1);	/* U+DFFF */
	/* A CESU-8 pair for U+1F600 is two surrogates, not a character. */
	CHECK_INT(decode("\xed\xa0\xbd\xed\xb8\x80", 6, &cp), -1);
	CHECK_INT(decode("\xf4\x90\x80\x80", 4, &cp), -1);	/* U+110000 */
	CHECK_INT(decode("\xf5\x80\x80\x80", 4, &cp), -1);
	CHECK_INT(decode("\xf7\xbf\xbf\xbf", 4, &cp), -1);
	CHECK_INT(decode("\xf8\x88\x80\x80\x80", 5, &cp), -1);
	CHECK_INT(decode("\xfe", 1, &cp), -1);
	CHECK_INT(decode("\xff", 1, &cp), -1);
}

TEST(text_utf8_decode_truncated)
{
	uint32_t cp;

	CHECK_INT(decode("", 0, &cp), -1);
	CHECK_INT(decode("\xc3", 1, &cp), -1);
	CHECK_INT(decode("\xe2\x82", 2, &cp), -1);
	CHECK_INT(decode("\xf0\x9f\x98", 3, &cp), -1);
	/* len is honoured even when more bytes follow in memory. */
	CHECK_INT(decode("\xe2\x82\xac", 2, &cp), -1);
	/* A continuation byte that is not one. */
	CHECK_INT(decode("\xe2\x82" "A", 3, &cp), -1);
	CHECK_INT(decode("\xc3" "A", 2, &cp), -1);
	CHECK_INT(decode("\xf0\x9f\x98" "A", 4, &cp), -1);
	/* Lone continuation bytes. */
	CHECK_INT(decode("\x80", 1, &cp), -1);
	CHECK_INT(decode("\xbf", 1, &cp), -1);
}

TEST(text_utf8_encode_roundtrip)
{
	char buf[4];
	uint32_t cp, back;
	int n;

	CHECK_INT(text_utf8_encode(0x41, buf), 1);
	CHECK(memcmp(buf, "A", 1) == 0);
	CHECK_INT(text_utf8_encode(0xE9, buf), 2);
	CHECK(memcmp(buf, "\xc3\xa9", 2) == 0);
	CHECK_INT(text_utf8_encode(0x20AC, buf), 3);
	CHECK(memcmp(buf, "\xe2\x82\xac", 3) == 0);
	CHECK_INT(text_utf8_encode(0x1F600, buf), 4);
	CHECK(memcmp(buf, "\xf0\x9f\x98\x80", 4) == 0);
	CHECK_INT(text_utf8_encode(0xD800, buf), 0);
	CHECK_INT(text_utf8_encode(0xDFFF, buf), 0);
	CHECK_INT(text_utf8_encode(0x110000, buf), 0);
	CHECK_INT(text_utf8_encode(0xFFFFFFFF, buf), 0);
	/* Every scalar value survives encode + decode, with the size its
	 * range calls for. */
	for (cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = text_utf8_encode(cp, buf);
		CHECK_INT(n, cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
		CHECK_INT(text_utf8_decode(buf, (size_t)n, &back), n);
		CHECK_INT(back, cp);
	}
}

TEST(text_utf8_valid)
{
	CHECK(text_utf8_valid("", 0));
	CHECK(text_utf8_valid("plain", 5));
	CHECK(text_utf8_valid("\xe4\xb8\xad\xe6\x96\x87", 6));
	CHECK(!text_utf8_valid("a\0b", 3));		/* NUL */
	CHECK(!text_utf8_valid("ab\xc0\x80", 4));	/* overlong NUL */
	CHECK(!text_utf8_valid("ab\xed\xa0\x80", 5));
	CHECK(!text_utf8_valid("ab\xe2\x82", 4));	/* truncated at end */
	CHECK(!text_utf8_valid("\xff", 1));
	/* Valid up to the length given. */
	CHECK(text_utf8_valid("ab\xe2\x82", 2));
}

TEST(text_unsafe_classes)
{
	static const uint32_t unsafe[] = {
		/* C0, including the ones a terminal acts on */
		0x00, 0x07, 0x08, 0x09, 0x0A, 0x0D, 0x1B, 0x1F,
		/* DEL and C1 (0x9B is CSI, 0x85 NEL, 0x9D OSC) */
		0x7F, 0x80, 0x85, 0x9B, 0x9D, 0x9F,
		/* bidi marks, embeddings, overrides and isolates */
		0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D,
		0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
		/* zero-width and invisible format characters */
		0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2064, 0xFEFF,
		0x180E, 0x00AD, 0x2028, 0x2029, 0x3164,
		/* noncharacters */
		0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x1FFFF, 0x10FFFE,
		0x10FFFF,
		/* tags */
		0xE0000, 0xE0001, 0xE0020, 0xE007F,
		/* not characters at all */
		0xD800, 0xDFFF, 0x110000,
	};
	static const uint32_t safe[] = {
		' ', 'A', '~', 0xA0, 0xE9, 0xFF, 0x0300, 0x0410, 0x05D0,
		0x0915, 0x4E2D, 0xAC00, 0xFDCF, 0xFDF0, 0xFFFD, 0xFE0F,
		0x1F600, 0xE000, 0xF8FF, 0xF0000, 0x10FFFD, 0xE0080, 0xE0100,
	};

	for (size_t i = 0; i < sizeof unsafe / sizeof unsafe[0]; i++) {
		if (!text_cp_is_unsafe(unsafe[i])) {
			test_fail(__FILE__, __LINE__, "U+%04X should be unsafe",
			    (unsigned)unsafe[i]);
			return;
		}
		CHECK_INT(text_cp_width(unsafe[i]), -1);
	}
	for (size_t i = 0; i < sizeof safe / sizeof safe[0]; i++) {
		if (text_cp_is_unsafe(safe[i])) {
			test_fail(__FILE__, __LINE__, "U+%04X should be safe",
			    (unsigned)safe[i]);
			return;
		}
		CHECK(text_cp_width(safe[i]) >= 0);
	}
}

TEST(text_invisible_subset)
{
	CHECK(text_cp_is_invisible(0x202E));
	CHECK(text_cp_is_invisible(0x200B));
	CHECK(text_cp_is_invisible(0x2066));
	CHECK(text_cp_is_invisible(0xFEFF));
	CHECK(text_cp_is_invisible(0xE0041));
	CHECK(!text_cp_is_invisible(0x1B));
	CHECK(!text_cp_is_invisible(0x9B));
	CHECK(!text_cp_is_invisible('A'));
	CHECK(!text_cp_is_invisible(0x0301));	/* combining: visible on its base */
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++)
		if (text_cp_is_invisible(cp))
			CHECK(text_cp_is_unsafe(cp));
}

TEST(text_cp_width_tables)
{
	/* narrow */
	CHECK_INT(text_cp_width('A'), 1);
	CHECK_INT(text_cp_width(0xE9), 1);
	CHECK_INT(text_cp_width(0x0416), 1);	/* Cyrillic */
	CHECK_INT(text_cp_width(0x0915), 1);	/* Devanagari KA */
	CHECK_INT(text_cp_width(0x093F), 1);	/* spacing vowel sign */
	CHECK_INT(text_cp_width(0x2603), 1);	/* snowman: text style */
	CHECK_INT(text_cp_width(0xE000), 1);	/* private use */
	CHECK_INT(text_cp_width(0xFF61), 1);	/* halfwidth katakana */
	CHECK_INT(text_cp_width(0xFFFD), 1);
	/* wide: CJK, Hangul, kana, fullwidth forms, emoji */
	CHECK_INT(text_cp_width(0x4E2D), 2);
	CHECK_INT(text_cp_width(0x9FFF), 2);
	CHECK_INT(text_cp_width(0x3042), 2);
	CHECK_INT(text_cp_width(0xAC00), 2);
	CHECK_INT(text_cp_width(0xD7A3), 2);
	CHECK_INT(text_cp_width(0x1100), 2);
	CHECK_INT(text_cp_width(0x3000), 2);
	CHECK_INT(text_cp_width(0xFF21), 2);
	CHECK_INT(text_cp_width(0xFFE0), 2);
	CHECK_INT(text_cp_width(0x1F300), 2);
	CHECK_INT(text_cp_width(0x1F600), 2);
	CHECK_INT(text_cp_width(0x1F64F), 2);
	CHECK_INT(text_cp_width(0x1F680), 2);
	CHECK_INT(text_cp_width(0x1F914), 2);
	CHECK_INT(text_cp_width(0x1F9FF), 2);
	CHECK_INT(text_cp_width(0x2705), 2);
	CHECK_INT(text_cp_width(0x20000), 2);
	CHECK_INT(text_cp_width(0x2A6DF), 2);
	/* zero: combining marks, medial jamo, variation selectors */
	CHECK_INT(text_cp_width(0x0300), 0);
	CHECK_INT(text_cp_width(0x036F), 0);
	CHECK_INT(text_cp_width(0x0941), 0);
	CHECK_INT(text_cp_width(0x1AB0), 0);
	CHECK_INT(text_cp_width(0x1DC0), 0);
	CHECK_INT(text_cp_width(0x1DFF), 0);
	CHECK_INT(text_cp_width(0x20D0), 0);
	CHECK_INT(text_cp_width(0x20E3), 0);	/* enclosing keycap */
	CHECK_INT(text_cp_width(0xFE20), 0);
	CHECK_INT(text_cp_width(0xFE2F), 0);
	CHECK_INT(text_cp_width(0x1160), 0);
	CHECK_INT(text_cp_width(0x11FF), 0);
	CHECK_INT(text_cp_width(0xFE00), 0);
	CHECK_INT(text_cp_width(0xFE0F), 0);
	CHECK_INT(text_cp_width(0xE0100), 0);
	/* the neighbours of the ranges are not swallowed */
	CHECK_INT(text_cp_width(0x0370), 1);
	CHECK_INT(text_cp_width(0x10FF), 1);
	CHECK_INT(text_cp_width(0x1200), 1);
	CHECK_INT(text_cp_width(0xFE30), 2);
	CHECK_INT(text_cp_width(0xFE70), 1);	/* Arabic presentation */
}

TEST(text_cp_width_ignores_locale)
{
	int narrow, wide, zero;

	setlocale(LC_ALL, "C");
	narrow = text_cp_width('A');
	wide = text_cp_width(0x4E2D);
	zero = text_cp_width(0x0301);
	setlocale(LC_ALL, "C.UTF-8");
	CHECK_INT(narrow, 1);
	CHECK_INT(wide, 2);
	CHECK_INT(zero, 0);
}

TEST(text_width_and_chars)
{
	CHECK_INT(text_width(""), 0);
	CHECK_INT(text_width("abc"), 3);
	CHECK_INT(text_width("\xe4\xb8\xad\xe6\x96\x87"), 4);		/* 中文 */
	CHECK_INT(text_width("e\xcc\x81"), 1);				/* e + acute */
	CHECK_INT(text_width("\xf0\x9f\x98\x80!"), 3);
	/* ESC [ 2 J: ESC becomes one replacement column. */
	CHECK_INT(text_width("a\x1b[2Jb"), 6);
	CHECK_INT(text_width("\xff\xfe"), 2);
	CHECK_INT(text_width("a\nb"), 3);
	CHECK_INT(text_width(NULL), 0);

	CHECK_INT(text_chars(""), 0);
	CHECK_INT(text_chars("h\xc3\xa9llo"), 5);
	CHECK_INT(text_chars("\xe4\xb8\xad"), 1);
	CHECK_INT(text_chars("\xf0\x9f\x98\x80"), 1);
	CHECK_INT(text_chars("\xff\xfe"), 2);
	CHECK_INT(text_chars("\xe2\x82"), 2);
	CHECK_INT(text_chars(NULL), 0);
}

TEST(text_check_line)
{
	CHECK(text_check_line("Dr. Jane Doe", 64) == NULL);
	CHECK(text_check_line("", 64) == NULL);
	CHECK(text_check_line("Jos\xc3\xa9 Garc\xc3\xad" "a", 64) == NULL);
	CHECK(text_check_line("\xe7\x8e\x8b\xe5\xb0\x8f\xe6\x98\x8e", 64) == NULL);
	CHECK(text_check_line("\xf0\x9f\xa9\xba cardiology", 64) == NULL);
	CHECK(text_check_line("private \xee\x80\x80", 64) == NULL);
	CHECK(text_check_line("e\xcc\x81", 64) == NULL);

	CHECK_STR(text_check_line("a\x1b[2J", 64), R_CONTROL);
	CHECK_STR(text_check_line("\x1b]0;pwned\x07", 64), R_CONTROL);
	CHECK_STR(text_check_line("a\xc2\x9b" "2J", 64), R_CONTROL);	/* C1 CSI */
	CHECK_STR(text_check_line("del\x7f", 64), R_CONTROL);
	CHECK_STR(text_check_line("tab\there", 64), R_CONTROL);
	CHECK_STR(text_check_line("two\nlines", 64), R_CONTROL);
	CHECK_STR(text_check_line("cr\r", 64), R_CONTROL);
	CHECK_STR(text_check_line("abc\xe2\x80\xae" "fdp.exe", 64), R_INVISIBLE);
	CHECK_STR(text_check_line("ad\xe2\x80\x8bmin", 64), R_INVISIBLE);	/* ZWSP */
	CHECK_STR(text_check_line("\xe2\x81\xa6x\xe2\x81\xa9", 64), R_INVISIBLE);
	CHECK_STR(text_check_line("\xe2\x80\x8f", 64), R_INVISIBLE);		/* RLM */
	CHECK_STR(text_check_line("\xef\xbb\xbf" "bom", 64), R_INVISIBLE);
	CHECK_STR(text_check_line("soft\xc2\xad" "hyphen", 64), R_INVISIBLE);
	CHECK_STR(text_check_line("\xf3\xa0\x80\x81tag", 64), R_INVISIBLE);
	CHECK_STR(text_check_line("\xe3\x85\xa4", 64), R_INVISIBLE);		/* filler */
	CHECK_STR(text_check_line("non\xef\xbf\xbe", 64), R_UNSHOWABLE);
	CHECK_STR(text_check_line("non\xef\xb7\x90", 64), R_UNSHOWABLE);
	CHECK_STR(text_check_line("bad\xff", 64), R_UTF8);
	CHECK_STR(text_check_line("\xc0\x80", 64), R_UTF8);
	CHECK_STR(text_check_line("\xed\xa0\x80", 64), R_UTF8);
	CHECK_STR(text_check_line("cut\xe2\x82", 64), R_UTF8);
	CHECK(text_check_line(NULL, 64) != NULL);

	/* The limit counts characters, not bytes or columns. */
	CHECK(text_check_line("abc", 3) == NULL);
	CHECK_STR(text_check_line("abcd", 3), R_LONG);
	CHECK(text_check_line("\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad", 3) == NULL);
	CHECK_STR(text_check_line("\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad",
	    3), R_LONG);
	CHECK(text_check_line("", 0) == NULL);
	CHECK_STR(text_check_line("a", 0), R_LONG);
}

TEST(text_check_multiline)
{
	CHECK(text_check_multiline("line one\nline two\n\tindented", 100) == NULL);
	CHECK(text_check_multiline("", 0) == NULL);
	CHECK_STR(text_check_multiline("dos\r\nline", 100), R_CONTROL);
	CHECK_STR(text_check_multiline("x\x1b[31mred", 100), R_CONTROL);
	CHECK_STR(text_check_multiline("x\xc2\x85y", 100), R_CONTROL);	/* NEL */
	CHECK_STR(text_check_multiline("x\xe2\x80\xaey", 100), R_INVISIBLE);
	CHECK_STR(text_check_multiline("x\xe2\x80\xa8y", 100), R_INVISIBLE);
	CHECK_STR(text_check_multiline("x\xffy", 100), R_UTF8);
	/* Line breaks count towards the limit. */
	CHECK(text_check_multiline("a\nb", 3) == NULL);
	CHECK_STR(text_check_multiline("a\nb\n", 3), R_LONG);
}

TEST(text_clean_multiline)
{
	char s[128];

	snprintf(s, sizeof s, "%s", "a\r\nb\rc\n");
	CHECK_INT(text_clean_multiline(s), 6);
	CHECK_STR(s, "a\nb\nc\n");

	snprintf(s, sizeof s, "%s", "x\x1b[31my\tz");
	CHECK_INT(text_clean_multiline(s), 8);
	CHECK_STR(s, "x[31my\tz");

	snprintf(s, sizeof s, "%s", "a\xff" "b\xe2\x80\xae" "c\xc2\x9b" "d\xe2\x82");
	CHECK_INT(text_clean_multiline(s), 4);
	CHECK_STR(s, "abcd");

	snprintf(s, sizeof s, "%s", "\xe4\xb8\xad\r\n\xf0\x9f\x98\x80\r\r\n");
	CHECK_INT(text_clean_multiline(s), 10);
	CHECK_STR(s, "\xe4\xb8\xad\n\xf0\x9f\x98\x80\n\n");
	CHECK(text_check_multiline(s, 100) == NULL);

	s[0] = '\0';
	CHECK_INT(text_clean_multiline(s), 0);
}

TEST(text_sanitize_replaces)
{
	char out[128];

	CHECK_INT(text_sanitize(out, sizeof out, "plain text", false), 10);
	CHECK_STR(out, "plain text");
	text_sanitize(out, sizeof out, "a\x1b[2Jb", false);
	CHECK_STR(out, "a" RC "[2Jb");
	text_sanitize(out, sizeof out, "\x1b]0;title\x07", false);
	CHECK_STR(out, RC "]0;title" RC);
	text_sanitize(out, sizeof out, "a\xc2\x9b" "2J", false);
	CHECK_STR(out, "a" RC "2J");
	text_sanitize(out, sizeof out, "abc\xe2\x80\xae" "cod.exe", false);
	CHECK_STR(out, "abc" RC "cod.exe");
	text_sanitize(out, sizeof out, "ad\xe2\x80\x8bmin", false);
	CHECK_STR(out, "ad" RC "min");
	text_sanitize(out, sizeof out, "x\x7fy", false);
	CHECK_STR(out, "x" RC "y");
	/* Invalid bytes are replaced one by one. */
	text_sanitize(out, sizeof out, "\xc0\xaf", false);
	CHECK_STR(out, RC RC);
	text_sanitize(out, sizeof out, "a\xe2\x82" "b", false);
	CHECK_STR(out, "a" RC RC "b");
	text_sanitize(out, sizeof out, "\xed\xa0\x80", false);
	CHECK_STR(out, RC RC RC);
	/* Good multibyte text passes untouched. */
	text_sanitize(out, sizeof out, "\xe4\xb8\xad e\xcc\x81 \xf0\x9f\x98\x80", false);
	CHECK_STR(out, "\xe4\xb8\xad e\xcc\x81 \xf0\x9f\x98\x80");
	/* Line breaks and tabs: spaces, or kept when allowed; CR never. */
	text_sanitize(out, sizeof out, "a\nb\tc\rd", false);
	CHECK_STR(out, "a b c" RC "d");
	text_sanitize(out, sizeof out, "a\nb\tc\rd", true);
	CHECK_STR(out, "a\nb\tc" RC "d");
	CHECK_INT(text_sanitize(out, sizeof out, NULL, false), 0);
	CHECK_STR(out, "");
}

TEST(text_sanitize_truncates_at_boundary)
{
	char out[16];

	memset(out, 'X', sizeof out);
	CHECK_INT(text_sanitize(out, 0, "abc", false), 0);
	CHECK(out[0] == 'X');
	CHECK_INT(text_sanitize(out, 1, "abc", false), 0);
	CHECK_STR(out, "");
	CHECK_INT(text_sanitize(out, 3, "abc", false), 2);
	CHECK_STR(out, "ab");
	/* 中 needs three bytes: with room for two or one it is left out. */
	CHECK_INT(text_sanitize(out, 4, "ab\xe4\xb8\xad", false), 2);
	CHECK_STR(out, "ab");
	CHECK_INT(text_sanitize(out, 5, "ab\xe4\xb8\xad", false), 2);
	CHECK_STR(out, "ab");
	CHECK_INT(text_sanitize(out, 6, "ab\xe4\xb8\xad", false), 5);
	CHECK_STR(out, "ab\xe4\xb8\xad");
	CHECK_INT(text_sanitize(out, 6, "\xf0\x9f\x98\x80\xf0\x9f\x98\x80", false), 4);
	CHECK_STR(out, "\xf0\x9f\x98\x80");
	/* The same for a replacement: ESC never leaks as a partial. */
	CHECK_INT(text_sanitize(out, 3, "a\x1b", false), 1);
	CHECK_STR(out, "a");
	CHECK_INT(text_sanitize(out, 5, "a\x1b", false), 4);
	CHECK_STR(out, "a" RC);
	/* Nothing after the first cut is squeezed in. */
	CHECK_INT(text_sanitize(out, 4, "a\xe4\xb8\xad" "bc", false), 1);
	CHECK_STR(out, "a");
}

TEST(text_fit_columns)
{
	char out[64];
	size_t cols = 99;

	/* 中文字: never half of a wide character. */
	CHECK_INT(text_fit(out, sizeof out, "\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97",
	    5, &cols), 6);
	CHECK_STR(out, "\xe4\xb8\xad\xe6\x96\x87");
	CHECK_INT(cols, 4);
	text_fit(out, sizeof out, "\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", 6, &cols);
	CHECK_STR(out, "\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97");
	CHECK_INT(cols, 6);
	text_fit(out, sizeof out, "\xe4\xb8\xad", 1, &cols);
	CHECK_STR(out, "");
	CHECK_INT(cols, 0);
	text_fit(out, sizeof out, "a\xf0\x9f\x98\x80" "b", 2, &cols);
	CHECK_STR(out, "a");
	CHECK_INT(cols, 1);
	text_fit(out, sizeof out, "a\xf0\x9f\x98\x80" "b", 3, &cols);
	CHECK_STR(out, "a\xf0\x9f\x98\x80");
	CHECK_INT(cols, 3);
	/* A combining mark stays with its base. */
	text_fit(out, sizeof out, "e\xcc\x81xyz", 1, &cols);
	CHECK_STR(out, "e\xcc\x81");
	CHECK_INT(cols, 1);
	text_fit(out, sizeof out, "hello world", 5, &cols);
	CHECK_STR(out, "hello");
	CHECK_INT(cols, 5);
	text_fit(out, sizeof out, "short", 80, NULL);
	CHECK_STR(out, "short");
	text_fit(out, sizeof out, "", 10, &cols);
	CHECK_STR(out, "");
	CHECK_INT(cols, 0);
}

TEST(text_fit_bytes_and_unsafe)
{
	char out[64];
	size_t cols;

	/* The byte capacity wins when it is the tighter limit. */
	CHECK_INT(text_fit(out, 4, "\xe4\xb8\xad\xe6\x96\x87", 80, &cols), 3);
	CHECK_STR(out, "\xe4\xb8\xad");
	CHECK_INT(cols, 2);
	CHECK_INT(text_fit(out, 3, "\xe4\xb8\xad", 80, &cols), 0);
	CHECK_STR(out, "");
	CHECK_INT(cols, 0);
	/* Unsanitised input is still made safe. */
	text_fit(out, sizeof out, "\x1b[2J\xc2\x9b\nok", 80, &cols);
	CHECK_STR(out, RC "[2J" RC " ok");
	CHECK_INT(cols, 8);
}

TEST(text_escape_log)
{
	char out[64];

	CHECK(text_escape_log(out, sizeof out, "bob") == out);
	CHECK_STR(out, "bob");
	text_escape_log(out, sizeof out, "Jane Doe (MD)");
	CHECK_STR(out, "Jane Doe (MD)");
	text_escape_log(out, sizeof out, "a\"b\\c");
	CHECK_STR(out, "a\\042b\\134c");
	text_escape_log(out, sizeof out, "\x1b[2J");
	CHECK_STR(out, "\\033[2J");
	text_escape_log(out, sizeof out, "line\nfake entry");
	CHECK_STR(out, "line\\012fake entry");
	text_escape_log(out, sizeof out, "\xc3\xa9\x7f");
	CHECK_STR(out, "\\303\\251\\177");
	text_escape_log(out, sizeof out, "\x9b" "2J\xe2\x80\xae" "x\xe2\x80\x8b");
	CHECK_STR(out, "\\2332J\\342\\200\\256x\\342\\200\\213");
	text_escape_log(out, sizeof out, NULL);
	CHECK_STR(out, "");
	/* Truncation never leaves half an escape. */
	text_escape_log(out, 6, "ab\x1b");
	CHECK_STR(out, "ab");
	text_escape_log(out, 7, "ab\x1b");
	CHECK_STR(out, "ab\\033");
	text_escape_log(out, 4, "abcdef");
	CHECK_STR(out, "abc");
	memset(out, 'X', sizeof out);
	text_escape_log(out, 0, "abc");
	CHECK(out[0] == 'X');
}

TEST(text_trim)
{
	char s[32];

	snprintf(s, sizeof s, "%s", "  a b \t");
	CHECK(text_trim(s) == s);
	CHECK_STR(s, "a b");
	snprintf(s, sizeof s, "%s", "\t\t ");
	CHECK_STR(text_trim(s), "");
	snprintf(s, sizeof s, "%s", "x");
	CHECK_STR(text_trim(s), "x");
	snprintf(s, sizeof s, "%s", "");
	CHECK_STR(text_trim(s), "");
	/* Only spaces and tabs: a line break is not trimmed. */
	snprintf(s, sizeof s, "%s", " a\n");
	CHECK_STR(text_trim(s), "a\n");
}

TEST(text_copy)
{
	char out[8];

	CHECK(text_copy(out, sizeof out, "abc"));
	CHECK_STR(out, "abc");
	CHECK(text_copy(out, sizeof out, "1234567"));
	CHECK_STR(out, "1234567");
	CHECK(!text_copy(out, sizeof out, "12345678"));
	CHECK_STR(out, "1234567");
	/* h é l l o: the cut falls inside é and backs off before it. */
	CHECK(!text_copy(out, 3, "h\xc3\xa9llo"));
	CHECK_STR(out, "h");
	CHECK(!text_copy(out, 4, "h\xc3\xa9llo"));
	CHECK_STR(out, "h\xc3\xa9");
	CHECK(!text_copy(out, 4, "\xf0\x9f\x98\x80"));
	CHECK_STR(out, "");
	CHECK(text_copy(out, 5, "\xf0\x9f\x98\x80"));
	CHECK_STR(out, "\xf0\x9f\x98\x80");
	CHECK(!text_copy(out, 1, "a"));
	CHECK_STR(out, "");
	CHECK(text_copy(out, 1, ""));
	CHECK(!text_copy(out, 0, ""));
}

/* A small deterministic fuzz of the display path in the unit suite, so the
 * invariants are checked on every run, not only when someone runs libFuzzer. */
TEST(text_sanitize_random_bytes)
{
	static const unsigned char pick[] = {
		0x00, 0x09, 0x0a, 0x0d, 0x1b, 0x20, 0x41, 0x5b, 0x7f, 0x80,
		0x9b, 0xad, 0xbf, 0xc0, 0xc2, 0xcc, 0xe2, 0xe4, 0xed, 0xef,
		0xf0, 0xf3, 0xf4, 0xf5, 0xff,
	};
	uint32_t x = 2463534242u;
	char in[48], out[96], fit[32];
	size_t len, cols;

	for (int iter = 0; iter < 20000; iter++) {
		len = 0;
		for (size_t i = 0; i < sizeof in - 1; i++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			if ((in[i] = (char)pick[x % sizeof pick]) == 0)
				break;
			len++;
		}
		in[len] = '\0';
		for (int nl = 0; nl < 2; nl++) {
			size_t n = text_sanitize(out, 1 + x % sizeof out, in, nl);

			CHECK_INT(n, strlen(out));
			CHECK(all_safe(out, nl));
			if (text_check_line(in, SIZE_MAX) == NULL)
				CHECK(all_safe(in, false));
		}
		text_fit(fit, sizeof fit, in, x % 20, &cols);
		CHECK(all_safe(fit, false));
		CHECK(cols <= x % 20);
		CHECK_INT(text_width(fit), cols);
	}
}

TEST(text_appendf_builds_and_cuts_at_a_character)
{
	char buf[8] = "ab";
	size_t len = 2;

	CHECK(text_appendf(buf, sizeof buf, &len, "%d", 12));
	CHECK_STR(buf, "ab12");
	CHECK_INT(len, 4);
	/* "é" is two bytes: 4 + 2 = 6 fits, the next one would end at byte 8. */
	CHECK(text_appendf(buf, sizeof buf, NULL, "\xc3\xa9"));
	len = strlen(buf);
	CHECK(!text_appendf(buf, sizeof buf, &len, "\xc3\xa9"));
	CHECK_STR(buf, "ab12\xc3\xa9");
	CHECK_INT(len, 6);
	/* Full: nothing more goes in, and len never passes the end. */
	CHECK(!text_appendf(buf, sizeof buf, &len, "xyz"));
	CHECK_STR(buf, "ab12\xc3\xa9x");
	CHECK_INT(len, 7);
	CHECK(!text_appendf(buf, sizeof buf, &len, "z"));
	CHECK_INT(len, 7);
}
