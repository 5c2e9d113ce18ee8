/* libFuzzer target for the terminal key decoder (ui_keys_decode in
 * ui/ui-keys.c), the first code that sees every byte a client sends once
 * the UI runs. The input is the byte stream, fed as ui_keys_read feeds
 * wgetch() results (a code that comes back with "again" is fed once
 * more); the first byte is a marker: the marker followed by k stands for
 * a curses key (KEY_MIN + k, or from 0xf0 on the bracketed-paste codes
 * above KEY_MAX; some are keys we bind, others not), the marker twice for
 * the marker byte itself.
 *
 * Checks, against an independent strict UTF-8 reading of the same stream
 * (RFC 3629, where every byte that is not part of a well-formed character
 * is an error and a curses key ends any character in progress):
 *  - the code points out, U+FFFD left aside, are exactly the well-formed
 *    characters in, control characters mapped to their keys: nothing is
 *    lost, nothing is made up;
 *  - there are at least as many U+FFFD as runs of bad bytes and at most as
 *    many as bad bytes (plus the U+FFFD typed as such);
 *  - every curses key comes out once, in order, as a UI_KEY_* value;
 *  - no code is handed back twice in a row, and the decoder is idle at the
 *    end once a last plain byte has been fed.
 * A violation aborts. */
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ui/ui-keys.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_IN	8192
#define FFFD	0xFFFD
#define SPECIAL	(-2)	/* the oracle's mark for "a curses key" */

static bool
cont(int b)
{
	return b >= 0 && b < 0x100 && (b & 0xc0) == 0x80;
}

/* One well-formed character at in[i..n) (codes < 0x100 only): its
 * length, or 0. */
static size_t
strict_char(const int *in, size_t i, size_t n, uint32_t *cp)
{
	int b = in[i];
	size_t len;
	uint32_t v, min;

	if (b < 0x80) {
		*cp = (uint32_t)b;
		return 1;
	}
	if (b >= 0xc2 && b <= 0xdf) {
		len = 2;
		v = (uint32_t)b & 0x1f;
		min = 0x80;
	} else if (b >= 0xe0 && b <= 0xef) {
		len = 3;
		v = (uint32_t)b & 0x0f;
		min = 0x800;
	} else if (b >= 0xf0 && b <= 0xf4) {
		len = 4;
		v = (uint32_t)b & 0x07;
		min = 0x10000;
	} else
		return 0;
	if (n - i < len)
		return 0;
	for (size_t k = 1; k < len; k++) {
		if (!cont(in[i + k]))
			return 0;
		v = v << 6 | ((uint32_t)in[i + k] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return len;
}

static int
curses_key(uint8_t k)
{
	return k < 0xf0 ? KEY_MIN + k : UI_CURSES_PASTE_BEGIN + (k - 0xf0);
}

static int
control_key(uint32_t cp)
{
	switch (cp) {
	case '\r': case '\n': return UI_KEY_ENTER;
	case 3: return UI_KEY_ESC;
	case 127: case 8: return UI_KEY_BACKSPACE;
	case '\t': return UI_KEY_TAB;
	default: return (int)cp;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int in[MAX_IN + 1], out[2 * MAX_IN + 2], want[MAX_IN + 1];
	struct ui_keys_decoder d;
	size_t n = 0, nout = 0, nwant = 0, bad = 0, runs = 0, typed_fffd = 0, fffd = 0;
	size_t i, j, nspecial = 0;
	bool again, in_run = false;
	int marker, last_again = -1;

	if (size < 1 || size > MAX_IN)
		return 0;
	marker = data[0];
	for (i = 1; i < size; i++) {
		if (data[i] == marker && i + 1 < size) {
			i++;
			in[n++] = data[i] == marker ? marker : curses_key(data[i]);
		} else
			in[n++] = data[i];
	}
	in[n++] = 'z';	/* a plain byte ends whatever is pending */

	/* The decoder, fed as the reader feeds it. */
	memset(&d, 0, sizeof d);
	for (i = 0; i < n; i++) {
		int key = ui_keys_decode(&d, in[i], &again);

		if (key != UI_KEY_NONE)
			out[nout++] = key;
		if (again) {
			if (last_again == (int)i || key != FFFD)
				abort();
			last_again = (int)i;
			i--;
		}
	}
	if (d.len != 0 || ui_keys_partial())
		abort();

	/* The oracle: well-formed characters and curses keys, in order. */
	for (i = 0; i < n;) {
		uint32_t cp;
		size_t len;

		if (in[i] >= KEY_MIN) {
			want[nwant++] = SPECIAL;
			nspecial++;
			in_run = false;
			i++;
		} else if ((len = strict_char(in, i, n, &cp)) > 0) {
			if (cp == FFFD)
				typed_fffd++;
			else
				want[nwant++] = control_key(cp);
			in_run = false;
			i += len;
		} else {
			bad++;
			runs += !in_run;
			in_run = true;
			i++;
		}
	}

	for (i = 0, j = 0; i < nout; i++) {
		if (out[i] == FFFD) {
			fffd++;
			continue;
		}
		if (j == nwant)
			abort();
		if (want[j] == SPECIAL) {
			if (out[i] < UI_KEY_UP || out[i] > UI_KEY_OTHER)
				abort();
		} else if (out[i] != want[j])
			abort();
		j++;
	}
	if (j != nwant || fffd < typed_fffd + runs || fffd > typed_fffd + bad)
		abort();
	(void)nspecial;
	return 0;
}
