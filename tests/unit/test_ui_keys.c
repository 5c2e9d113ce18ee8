/* The terminal key decoder (ui_keys_decode): UTF-8 split across reads, a
 * byte that is not UTF-8 becoming U+FFFD with nothing after it lost,
 * control characters and curses keys. The curses reader only feeds it. */
#include <curses.h>
#include <stdbool.h>
#include "test.h"
#include "ui/ui-keys.h"

/* Feeds in[0..n) to a fresh decoder as ui_keys_read does (a code that
 * comes back with again set is fed once more); true if the keys out are
 * want[0..nwant). */
static bool
decodes_to(const int *in, size_t n, const int *want, size_t nwant)
{
	struct ui_keys_decoder d = { 0 };
	size_t k = 0;
	bool again;

	for (size_t i = 0; i < n; i++) {
		int key = ui_keys_decode(&d, in[i], &again);

		if (key != UI_KEY_NONE && (k == nwant || want[k++] != key))
			return false;
		if (again)
			i--;
	}
	return k == nwant && d.len == 0;
}

#define DECODES_TO(in, want) \
	CHECK(decodes_to(in, sizeof in / sizeof in[0], want, sizeof want / sizeof want[0]))

TEST(ui_keys_utf8_split_across_reads)
{
	struct ui_keys_decoder d = { 0 };
	bool again;

	CHECK_INT(ui_keys_decode(&d, 0xe5, &again), UI_KEY_NONE);
	CHECK_INT(ui_keys_decode(&d, 0xae, &again), UI_KEY_NONE);
	CHECK(d.len == 2);
	CHECK_INT(ui_keys_decode(&d, 0x89, &again), 0x5b89);	/* 安 */
	CHECK(!again);
	CHECK(d.len == 0);
	CHECK_INT(ui_keys_decode(&d, 'a', &again), 'a');
}

TEST(ui_keys_bad_bytes_lose_nothing)
{
	/* A\377B caf\351 x: Latin-1 é breaks nothing after it. */
	static const int in[] = { 'A', 0xff, 'B', 'c', 0xe9, ' ', 'x', 0xc3, 0xa9 };
	static const int want[] = { 'A', 0xfffd, 'B', 'c', 0xfffd, ' ', 'x', 0xe9 };

	DECODES_TO(in, want);
}

TEST(ui_keys_broken_sequence_gives_the_byte_back)
{
	struct ui_keys_decoder d = { 0 };
	bool again;

	CHECK_INT(ui_keys_decode(&d, 0xe2, &again), UI_KEY_NONE);
	CHECK_INT(ui_keys_decode(&d, 'q', &again), 0xfffd);
	CHECK(again);
	CHECK_INT(ui_keys_decode(&d, 'q', &again), 'q');
	CHECK(!again);
	/* A curses key inside a sequence ends it and is not lost either. */
	CHECK_INT(ui_keys_decode(&d, 0xf0, &again), UI_KEY_NONE);
	CHECK_INT(ui_keys_decode(&d, KEY_UP, &again), 0xfffd);
	CHECK(again);
	CHECK_INT(ui_keys_decode(&d, KEY_UP, &again), UI_KEY_UP);
}

TEST(ui_keys_not_utf8)
{
	/* Overlong, surrogate, past U+10FFFF: one U+FFFD each, no code point. */
	static const int in[] = { 0xe0, 0x80, 0xaf, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80,
	    0xc0, 0xaf, 0xf0, 0x9f, 0x98, 0x80 };
	static const int want[] = { 0xfffd, 0xfffd, 0xfffd, 0xfffd, 0xfffd, 0x1f600 };

	DECODES_TO(in, want);
}

TEST(ui_keys_controls_and_curses_keys)
{
	static const int in[] = { '\r', '\n', 3, 127, 8, '\t', 27, KEY_NPAGE, KEY_FIND,
	    KEY_F(1), KEY_F(9), UI_CURSES_PASTE_BEGIN, UI_CURSES_PASTE_END, KEY_RESIZE };
	static const int want[] = { UI_KEY_ENTER, UI_KEY_ENTER, UI_KEY_ESC, UI_KEY_BACKSPACE,
	    UI_KEY_BACKSPACE, UI_KEY_TAB, 27, UI_KEY_PGDN, UI_KEY_HOME, UI_KEY_F1,
	    UI_KEY_OTHER, UI_KEY_PASTE_BEGIN, UI_KEY_PASTE_END, UI_KEY_RESIZE };

	DECODES_TO(in, want);
}
