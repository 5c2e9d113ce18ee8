/* Host keys: generated on first start into the keys directory (mode 0600,
 * written by us so the umask cannot widen them), loaded into the ssh_bind. */
#ifndef HOSTKEY_H
#define HOSTKEY_H
#include <stddef.h>
#include <libssh/server.h>

/* Makes sure dir holds an ed25519 and an rsa-3072 host key, generating the
 * missing ones and printing their fingerprints on stdout. Refuses key files
 * that others can read. Returns 0, or ERR_INTERNAL with a message in err. */
int hostkey_ensure(const char *dir, char *err, size_t errsz);

/* Points the bind at the keys in dir. Returns 0 or ERR_INTERNAL with a
 * message. */
int hostkey_load(ssh_bind bind, const char *dir, char *err, size_t errsz);

#endif
