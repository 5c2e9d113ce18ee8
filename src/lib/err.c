/* Phrases for the error codes of err.h. */
#include "lib/err.h"

const char *
err_str(int code)
{
	switch (code) {
	case ERR_OK:		return "success";
	case ERR_INTERNAL:	return "internal error";
	case ERR_NOTFOUND:	return "not found";
	case ERR_EXISTS:	return "already exists";
	case ERR_DENIED:	return "permission denied";
	case ERR_INVALID:	return "invalid value";
	case ERR_AUTH:		return "authentication failed";
	case ERR_BUSY:		return "the database is busy";
	case ERR_STATE:		return "not possible in this state";
	case ERR_TOOBROAD:	return "the search is too broad";
	case ERR_FULL:		return "no room left";
	case ERR_PAUSED:	return "paused";
	case ERR_LIMIT:		return "too many waiting";
	case ERR_NOT_OFFERED:	return "not offered";
	case ERR_TOO_FAST:	return "too fast";
	default:		return "unknown error";
	}
}
