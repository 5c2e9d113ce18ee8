/* A few questions asked one after the other on one line, for the staff's
 * actions: what (a title, a community, a number of days) and why (the
 * reason every staff action carries). The screen embeds a struct
 * mod_form, feeds it keys and draws it; when the last answer is in, done
 * gets the answers (trimmed) and the form is closed. Esc abandons it. */
#ifndef SCREEN_MOD_FORM_H
#define SCREEN_MOD_FORM_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/sanction.h"
#include "ui/ui-widget.h"

struct screen_ctx;

#define MOD_FORM_STEPS		4
#define MOD_FORM_ANSWER_SZ	(STAFF_REASON_MAX * 4 + 1)

struct mod_form {
	struct ui_line line;
	const char *question;			/* the bold line above */
	const char *labels[MOD_FORM_STEPS];
	size_t max_chars[MOD_FORM_STEPS];
	char ans[MOD_FORM_STEPS][MOD_FORM_ANSWER_SZ];
	size_t n, at;
	int action;				/* the screen's: which action */
	bool open;
	void (*done)(struct screen_ctx *c, void *owner, struct mod_form *f);
	void *owner;
};

/* Starts a form (closed until mod_form_open) for action. */
void mod_form_start(struct mod_form *f, int action, const char *question,
    void (*done)(struct screen_ctx *c, void *owner, struct mod_form *f), void *owner);
/* Adds a question; initial (may be NULL) is the answer offered. */
void mod_form_ask(struct mod_form *f, const char *label, size_t max_chars,
    const char *initial);
/* Adds the reason, the last question of every staff action. */
void mod_form_reason(struct mod_form *f);
void mod_form_open(struct mod_form *f);
void mod_form_close(struct mod_form *f);
/* Feeds a key to an open form: true if it took it. */
bool mod_form_key(struct mod_form *f, struct screen_ctx *c, int key);
/* Rows it needs under the list: 0 when closed. */
int mod_form_rows(const struct mod_form *f);
/* Draws the question and the field from row y. */
void mod_form_draw(const struct mod_form *f, int y, size_t cols);

/* The community whose name or slug is name, as typed (any case), among
 * those the member can see: ERR_NOTFOUND when none is. */
int mod_form_community(struct screen_ctx *c, const char *name, int64_t *id);

#endif
