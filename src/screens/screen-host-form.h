/* A small form for the HOST screens (profile, search, request): a list of
 * fields over a draft struct, where Enter edits a text or number field
 * with a one-line input, toggles a yes/no, cycles a choice, or opens the
 * editor for a long text. Each value is checked when the input closes; a
 * refusal keeps the member's text open with the reason. The screen that
 * embeds it owns the draft and the save key. */
#ifndef SCREEN_HOST_FORM_H
#define SCREEN_HOST_FORM_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ui/ui-widget.h"

struct screen_ctx;
struct host_query;

/* What the HOST screens pass each other: the host to show or ask, and the
 * search that led there (NULL if none) to prefill a request. */
struct host_view_arg {
	int64_t host_id;
	const struct host_query *q;
};

enum hf_kind {
	HF_TEXT,	/* char[size] at off, at most max characters */
	HF_INT,		/* int at off, lo..hi */
	HF_BOOL,	/* bool at off */
	HF_BIT,		/* unsigned at off, bit lo */
	HF_DAY,		/* int64_t day at off; 0 = none (when lo == 0) */
	HF_CHOICE,	/* int-sized enum at off, 0..hi-1, labels from label() */
	HF_BLACKOUTS,	/* struct host_profile blackouts */
	HF_EDITOR,	/* multi-line char[size] at off, at most max characters */
};

struct hf_field {
	const char *label;
	enum hf_kind kind;
	size_t off, size, max;
	int lo, hi;
	const char *(*choice)(int v);	/* HF_CHOICE */
};

struct hf_form {
	const struct hf_field *fields;
	size_t n;
	void *draft;
	struct ui_list list;
	struct ui_line line;
	bool dirty;
	int top;		/* first body row of the form */
};

/* A screen that is one form over a draft (the host profile, Find a host,
 * Ask for a stay): the def names the fields, how the draft starts, the
 * title and the keys; hf_screen_* are its enter, draw, key and leave, and
 * own the state. A binding's st is the struct hf_screen. */
struct hf_screen_def {
	const struct hf_field *fields;
	size_t n;
	size_t draft_size;		/* bytes of the struct the fields edit */
	/* Fills the zeroed draft from the push argument; may write a title
	 * (else title is shown). */
	void (*init)(struct screen_ctx *c, const void *arg, void *draft, char *title,
	    size_t titlesz);
	const char *title;
	const char *dirty_title;	/* while changes are unsaved (NULL: title) */
	const struct ui_binding *keys;	/* submit, back, ... */
	size_t nkeys;
	const char *hints;		/* the status bar while no field is edited */
};

struct hf_screen;

void *hf_screen_enter(struct screen_ctx *c, const struct hf_screen_def *d, const void *arg);
void hf_screen_draw(struct screen_ctx *c, void *st);
bool hf_screen_key(struct screen_ctx *c, void *st, int key);
void hf_screen_leave(struct screen_ctx *c, void *st);
/* The draft the form edits, and whether it has unsaved changes. */
void *hf_screen_draft(void *st);
bool hf_screen_dirty(const void *st);

/* Draws the rows from f->top down to the row above the message line,
 * which says "(more: PgDn)" when fields lie below the page. */
void hf_draw(struct screen_ctx *c, struct hf_form *f);
/* Handles movement, Enter and line editing. true if the key was used. */
bool hf_key(struct screen_ctx *c, struct hf_form *f, int key);
/* True while a one-line input is open (the screen shows its hints). */
bool hf_editing(const struct hf_form *f);
void hf_close(struct hf_form *f);

/* Appends one "label  value" row for a read-only view to buf (sz bytes,
 * *len used): the value word-wrapped to the cols left after the label
 * column, its continuation lines indented under the value, never under
 * the label. "-" for an empty value. */
#define HF_LABEL_W	25	/* label column and its space */
void hf_field_line(char *buf, size_t sz, size_t *len, size_t cols, const char *label,
    const char *value);

#endif
