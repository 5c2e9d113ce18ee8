/* Built-in text for every screen file: the shipped screens/<name>.txt,
 * compiled in (ui/screenembed.h), so a session works without a screens
 * directory and the text exists in one place. */
#include <string.h>
#include "ui/screenembed.h"
#include "ui/screenfile.h"

static const char generic_help[] =
    "No help is written for this screen yet.\n\n"
    "? shows help, q or Esc goes back.\n";

const char *
screenfile_builtin(const char *name)
{
	for (const struct screen_text *t = screen_texts; t->name != NULL; t++)
		if (strcmp(t->name, name) == 0)
			return t->text;
	if (strncmp(name, "help-", 5) == 0)
		return generic_help;
	return "";
}
