/* The HOST screens' field form; see screen-host-form.h. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules/host.h"
#include "ui/screen.h"
#include "screens/screen-host-form.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-edit.h"
#include "ui/ui-keys.h"
#include "lib/xmalloc.h"

#define LABEL_COLS	26

static void *
at(struct hf_form *f, const struct hf_field *d)
{
	return (char *)f->draft + d->off;
}

static const char *
value(struct hf_form *f, const struct hf_field *d, char *buf, size_t sz)
{
	struct host_profile *p = f->draft;
	int64_t day;

	switch (d->kind) {
	case HF_TEXT:
		return at(f, d);
	case HF_INT:
		snprintf(buf, sz, "%d", *(int *)at(f, d));
		return buf;
	case HF_BOOL:
		return *(bool *)at(f, d) ? "yes" : "no";
	case HF_BIT:
		return (*(unsigned *)at(f, d) & (unsigned)d->lo) ? "yes" : "no";
	case HF_DAY:
		day = *(int64_t *)at(f, d);
		if (day == 0)
			return "";
		host_format_day(buf, sz, day);
		return buf;
	case HF_CHOICE:
		return d->choice(*(int *)at(f, d));
	case HF_BLACKOUTS:
		host_format_blackouts(buf, sz, p->blackouts, p->nblackouts);
		return buf;
	case HF_EDITOR:
		snprintf(buf, sz, "%zu characters (Enter opens the editor)",
		    text_chars(at(f, d)));
		return buf;
	}
	return "";
}

static bool
parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v;

	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

/* Checks the typed value into the draft; false keeps the input open. */
static bool
commit(struct screen_ctx *c, struct hf_form *f, const struct hf_field *d)
{
	char v[HOST_LONG_SZ];
	struct host_profile *p = f->draft;
	struct host_blackout b[HOST_BLACKOUTS_MAX];
	const char *why = NULL;
	int64_t day = 0;
	size_t n = 0;

	if (!text_copy(v, sizeof v, ui_line_text(&f->line))) {
		screen_error(c, "%s: too long.", d->label);
		return false;
	}
	text_trim(v);
	switch (d->kind) {
	case HF_TEXT:
		if ((why = text_check_line(v, d->max)) != NULL) {
			screen_error(c, "%s: %s.", d->label, why);
			return false;
		}
		text_copy(at(f, d), d->size, v);
		break;
	case HF_INT:
		if (!parse_int(v, d->lo, d->hi, at(f, d))) {
			screen_error(c, "%s must be a number from %d to %d.", d->label, d->lo, d->hi);
			return false;
		}
		break;
	case HF_DAY:
		if (v[0] != '\0' || d->lo != 0) {
			if (host_parse_day(v, &day, &why) != 0) {
				char example[16];

				screen_example_day(example, sizeof example, 30);
				screen_error(c, "%s: %s, e.g. %s.", d->label, why, example);
				return false;
			}
		}
		*(int64_t *)at(f, d) = day;
		break;
	case HF_BLACKOUTS:
		if (host_parse_blackouts(v, b, &n, &why) != 0) {
			screen_error(c, "Blackout dates: %s.", why);
			return false;
		}
		memcpy(p->blackouts, b, n * sizeof b[0]);
		p->nblackouts = n;
		break;
	default:
		break;
	}
	f->dirty = true;
	return true;
}

static void
editor_done(struct screen_ctx *c, void *arg, const char *text)
{
	struct hf_form *f = arg;
	const struct hf_field *d = &f->fields[f->list.sel];

	(void)c;
	if (text == NULL)
		return;
	text_copy(at(f, d), d->size, text);
	f->dirty = true;
}

static void
activate(struct screen_ctx *c, struct hf_form *f)
{
	const struct hf_field *d = &f->fields[f->list.sel];
	struct ui_edit_req req = { .title = d->label, .text = at(f, d), .max_chars = d->max,
	    .done = editor_done, .arg = f };
	char buf[HOST_LONG_SZ];
	int *iv;

	switch (d->kind) {
	case HF_BOOL:
		*(bool *)at(f, d) = !*(bool *)at(f, d);
		f->dirty = true;
		break;
	case HF_BIT:
		*(unsigned *)at(f, d) ^= (unsigned)d->lo;
		f->dirty = true;
		break;
	case HF_CHOICE:
		iv = at(f, d);
		*iv = (*iv + 1) % d->hi;
		f->dirty = true;
		break;
	case HF_EDITOR:
		ui_edit_open(c, &req);
		break;
	default:
		ui_line_open(&f->line, value(f, d, buf, sizeof buf),
		    d->max > 0 ? d->max : HOST_LONG_MAX, false);
		break;
	}
}

/* Screen rows a field takes: on a narrow screen its value goes on the
 * line under its label, so neither is cut to a few letters. */
static int
field_rows(void)
{
	return ui_narrow() ? 2 : 1;
}

static size_t
form_page(const struct hf_form *f)
{
	size_t pg = ui_page_rows(f->top, 0) / (size_t)field_rows();

	return pg > 0 ? pg : 1;
}

void
hf_draw(struct screen_ctx *c, struct hf_form *f)
{
	bool narrow = ui_narrow();
	int vx = narrow ? 4 : 2 + LABEL_COLS, h = field_rows();
	size_t vcols = (size_t)ui_cols() - (size_t)vx - 2, pg = form_page(f);
	size_t lcols = narrow ? vcols + 2 : LABEL_COLS - 1;
	char buf[HOST_LONG_SZ];

	(void)c;
	ui_list_resize(&f->list, f->n, pg);
	for (size_t i = f->list.top; i < f->n && i - f->list.top < pg; i++) {
		const struct hf_field *d = &f->fields[i];
		int y = f->top + (int)(i - f->list.top) * h, vy = narrow ? y + 1 : y;
		bool sel = i == f->list.sel;

		if (sel && f->line.active) {
			ui_draw_text(y, 2, d->label, lcols, UI_A_BOLD);
			ui_line_draw(&f->line, vy, vx, vcols, "");
			continue;
		}
		for (int r = 0; sel && r < h; r++)
			ui_draw_chosen(y + r, 1, (size_t)ui_cols() - 2);
		ui_draw_text(y, 2, d->label, lcols, sel ? UI_A_SELECT : UI_A_BOLD);
		ui_draw_text(vy, vx, value(f, d, buf, sizeof buf), vcols,
		    sel ? UI_A_SELECT : UI_A_NORMAL);
	}
	ui_draw_more(f->list.top > 0, f->list.top + pg < f->n, (size_t)ui_cols() - 4);
}

bool
hf_key(struct screen_ctx *c, struct hf_form *f, int key)
{
	if (f->line.active) {
		if (ui_line_prompt(&f->line, c, key) == UI_LINE_DONE &&
		    commit(c, f, &f->fields[f->list.sel]))
			ui_line_close(&f->line);
		return key != UI_KEY_F1;
	}
	if (ui_list_key(&f->list, key, form_page(f)))
		return true;
	if (key == UI_KEY_ENTER || key == ' ') {
		activate(c, f);
		return true;
	}
	return false;
}

bool
hf_editing(const struct hf_form *f)
{
	return f->line.active;
}

void
hf_close(struct hf_form *f)
{
	ui_line_close(&f->line);
}

void
hf_field_line(char *buf, size_t sz, size_t *len, size_t cols, const char *label,
    const char *value)
{
	size_t w = cols > HF_LABEL_W + 10 ? cols - HF_LABEL_W : 10, used = 0;
	char word[HOST_LONG_SZ];
	const char *p = value[0] != '\0' ? value : "-";

	text_appendf(buf, sz, len, "%-*s ", HF_LABEL_W - 1, label);
	while (*p != '\0') {
		size_t n = strcspn(p, " "), ww;

		if (n == 0) {
			p++;
			continue;
		}
		if (n >= sizeof word)
			n = sizeof word - 1;
		memcpy(word, p, n);
		word[n] = '\0';
		p += n;
		ww = text_width(word);
		if (used > 0 && used + 1 + ww > w) {
			text_appendf(buf, sz, len, "\n%*s", HF_LABEL_W, "");
			used = 0;
		}
		text_appendf(buf, sz, len, "%s%s", used > 0 ? " " : "", word);
		used += (used > 0 ? 1 : 0) + ww;
	}
	text_appendf(buf, sz, len, "\n");
}

struct hf_screen {
	const struct hf_screen_def *d;
	struct hf_form form;
	char title[160];
	max_align_t draft[];		/* d->draft_size bytes */
};

void *
hf_screen_enter(struct screen_ctx *c, const struct hf_screen_def *d, const void *arg)
{
	size_t n = (d->draft_size + sizeof(max_align_t) - 1) / sizeof(max_align_t);
	struct hf_screen *s = xcalloc(1, sizeof *s + n * sizeof(max_align_t));

	s->d = d;
	if (d->init != NULL)
		d->init(c, arg, s->draft, s->title, sizeof s->title);
	s->form.fields = d->fields;
	s->form.n = d->n;
	s->form.draft = s->draft;
	s->form.list.n = d->n;
	s->form.top = UI_BODY_TOP + 3;
	return s;
}

void
hf_screen_draw(struct screen_ctx *c, void *st)
{
	struct hf_screen *s = st;
	const char *title = s->title[0] != '\0' ? s->title :
	    s->form.dirty && s->d->dirty_title != NULL ? s->d->dirty_title : s->d->title;

	ui_draw_text(UI_BODY_TOP + 1, 2, title, (size_t)ui_cols() - 4, UI_A_TITLE);
	hf_draw(c, &s->form);
	screen_hints(c, hf_editing(&s->form) ? "Enter accept  Esc cancel  Ctrl-U clear" :
	    s->d->hints);
}

bool
hf_screen_key(struct screen_ctx *c, void *st, int key)
{
	struct hf_screen *s = st;

	if (hf_key(c, &s->form, key))
		return true;
	return ui_keys_run(s->d->keys, s->d->nkeys, c, st, key);
}

void
hf_screen_leave(struct screen_ctx *c, void *st)
{
	struct hf_screen *s = st;

	(void)c;
	hf_close(&s->form);
	free(s);
}

void *
hf_screen_draft(void *st)
{
	return ((struct hf_screen *)st)->draft;
}

bool
hf_screen_dirty(const void *st)
{
	return ((const struct hf_screen *)st)->form.dirty;
}
