/* The shipped screens/NAME.txt, compiled into the binary by
 * src/ui/embed-screens.sh (see screenfile_builtin). */
#ifndef SCREENEMBED_H
#define SCREENEMBED_H

struct screen_text {
	const char *name;	/* file name without .txt */
	const char *text;
};

/* Ends with an entry whose name is NULL. */
extern const struct screen_text screen_texts[];

#endif
