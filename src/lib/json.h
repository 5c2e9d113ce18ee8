/* Building JSON text: a growing buffer and string escaping. Strings are
 * written as valid JSON whatever bytes they hold: '"', '\\' and every
 * control character are escaped, and a byte that is not well-formed UTF-8
 * becomes U+FFFD, so the output is always valid UTF-8. */
#ifndef JSON_H
#define JSON_H
#include <stddef.h>
#include <stdint.h>

struct json {
	char *buf;	/* NUL-terminated; owned, freed by json_free */
	size_t len, cap;
};

void json_raw(struct json *j, const char *s);		/* appended as is */
void json_str(struct json *j, const char *s);		/* a quoted, escaped string */
void json_strn(struct json *j, const char *s, size_t n);
void json_int(struct json *j, int64_t v);
/* A comma, unless the text so far opens an object or array or ends in a
 * key: call before each element of an array. */
void json_sep(struct json *j);
/* `"key":`, after json_sep. */
void json_key(struct json *j, const char *key);
/* Hands the text to the caller (free() it) and empties j. */
char *json_take(struct json *j);
void json_free(struct json *j);	/* a zeroed or emptied j is fine */

#endif
