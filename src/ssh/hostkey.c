/* Host key generation and loading; see hostkey.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libssh/libssh.h>
#include "ssh/hostkey.h"
#include "lib/err.h"
#include "lib/log.h"

static const struct {
	const char *file;
	enum ssh_keytypes_e type;
	int bits;
} host_keys[] = {
	{ "ssh_host_ed25519_key", SSH_KEYTYPE_ED25519, 0 },
	{ "ssh_host_rsa_key", SSH_KEYTYPE_RSA, 3072 },
};
#define N_HOST_KEYS (sizeof host_keys / sizeof host_keys[0])

static int
key_path(char *buf, size_t bufsz, const char *dir, const char *file, const char *suffix)
{
	int n = snprintf(buf, bufsz, "%s/%s%s", dir, file, suffix);

	return (n < 0 || (size_t)n >= bufsz) ? ERR_INVALID : 0;
}

/* Writes data to a new file created with exactly mode. */
static int
write_new_file(const char *path, const char *data, mode_t mode)
{
	size_t len = strlen(data), off = 0;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);

	if (fd < 0)
		return ERR_INTERNAL;
	if (fchmod(fd, mode) != 0)
		goto fail;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		off += (size_t)w;
	}
	if (fsync(fd) != 0)
		goto fail;
	return close(fd) == 0 ? 0 : ERR_INTERNAL;
fail:
	close(fd);
	unlink(path);
	return ERR_INTERNAL;
}

static void
print_fingerprint(const char *path, ssh_key key)
{
	unsigned char *hash = NULL;
	size_t hlen = 0;
	char *fp = NULL;

	if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hlen) != 0)
		return;
	fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hlen);
	if (fp != NULL)
		printf("host key %s %s %s\n", path, ssh_key_type_to_char(ssh_key_type(key)), fp);
	fflush(stdout);
	ssh_string_free_char(fp);
	ssh_clean_pubkey_hash(&hash);
}

static int
generate_key(const char *dir, size_t i, char *err, size_t errsz)
{
	char path[1200], pubpath[1200], line[16384];
	char *priv64 = NULL, *pub64 = NULL;
	ssh_key key = NULL, pub = NULL;
	int r = ERR_INTERNAL;

	if (key_path(path, sizeof path, dir, host_keys[i].file, "") != 0 ||
	    key_path(pubpath, sizeof pubpath, dir, host_keys[i].file, ".pub") != 0) {
		snprintf(err, errsz, "keys directory path is too long");
		return ERR_INTERNAL;
	}
	if (ssh_pki_generate(host_keys[i].type, host_keys[i].bits, &key) != SSH_OK ||
	    ssh_pki_export_privkey_base64(key, NULL, NULL, NULL, &priv64) != SSH_OK ||
	    ssh_pki_export_privkey_to_pubkey(key, &pub) != SSH_OK ||
	    ssh_pki_export_pubkey_base64(pub, &pub64) != SSH_OK) {
		snprintf(err, errsz, "cannot generate %s host key", host_keys[i].file);
		goto out;
	}
	if (write_new_file(path, priv64, 0600) != 0) {
		snprintf(err, errsz, "cannot write %s: %s", path, strerror(errno));
		goto out;
	}
	snprintf(line, sizeof line, "%s %s mentorbbs\n",
	    ssh_key_type_to_char(ssh_key_type(pub)), pub64);
	if (write_new_file(pubpath, line, 0644) != 0 && errno != EEXIST)
		log_warn("cannot write %s: %s", pubpath, strerror(errno));
	log_info("generated host key %s", path);
	print_fingerprint(path, pub);
	r = 0;
out:
	if (priv64 != NULL) {
		explicit_bzero(priv64, strlen(priv64));
		ssh_string_free_char(priv64);
	}
	ssh_string_free_char(pub64);
	ssh_key_free(pub);
	ssh_key_free(key);
	return r;
}

int
hostkey_ensure(const char *dir, char *err, size_t errsz)
{
	struct stat st;
	char path[1200];

	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		snprintf(err, errsz, "cannot create keys directory %s: %s", dir, strerror(errno));
		return ERR_INTERNAL;
	}
	for (size_t i = 0; i < N_HOST_KEYS; i++) {
		if (key_path(path, sizeof path, dir, host_keys[i].file, "") != 0) {
			snprintf(err, errsz, "keys directory path is too long");
			return ERR_INTERNAL;
		}
		if (stat(path, &st) != 0) {
			if (errno != ENOENT) {
				snprintf(err, errsz, "cannot read %s: %s", path, strerror(errno));
				return ERR_INTERNAL;
			}
			if (generate_key(dir, i, err, errsz) != 0)
				return ERR_INTERNAL;
			continue;
		}
		/* Like sshd: a private key others can read is not a secret. */
		if ((st.st_mode & 077) != 0) {
			snprintf(err, errsz, "permissions %04o for %s are too open (chmod 600 it)",
			    (unsigned)(st.st_mode & 07777), path);
			return ERR_INTERNAL;
		}
	}
	return 0;
}

int
hostkey_load(ssh_bind bind, const char *dir, char *err, size_t errsz)
{
	char path[1200];

	for (size_t i = 0; i < N_HOST_KEYS; i++) {
		ssh_key key = NULL;

		if (key_path(path, sizeof path, dir, host_keys[i].file, "") != 0 ||
		    ssh_pki_import_privkey_file(path, NULL, NULL, NULL, &key) != SSH_OK) {
			snprintf(err, errsz, "cannot load host key %s", path);
			return ERR_INTERNAL;
		}
		/* IMPORT_KEY hands the key to the bind, which frees it. */
		if (ssh_bind_options_set(bind, SSH_BIND_OPTIONS_IMPORT_KEY, key) != SSH_OK) {
			ssh_key_free(key);
			snprintf(err, errsz, "cannot use host key %s: %s", path, ssh_get_error(bind));
			return ERR_INTERNAL;
		}
	}
	return 0;
}
