/* Authentication callbacks; see ssh-auth.h.
 *
 * libssh enforces no attempt cap, so every password, keyboard-interactive
 * answer and public-key offer is counted here; the session loop disconnects
 * once the cap is reached. The registration login accepts any method so a
 * newcomer never meets a password prompt, and remembers a key the client
 * proved so the wizard can offer to link it.
 *
 * This process holds no database handle: every question about a password
 * or a key goes to the auth monitor (monitor.h), which answers with a
 * verdict and the member. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib/log.h"
#include "ssh/listen-msg.h"
#include "ssh/session.h"
#include "ssh/ssh-auth.h"
#include "ssh/ssh-chan.h"
#include "ssh/monitor.h"
#include "lib/crypto.h"
#include "lib/text.h"
#include "rules/user.h"
#include "lib/xmalloc.h"

#define AUTH_METHODS (SSH_AUTH_METHOD_PUBLICKEY | SSH_AUTH_METHOD_INTERACTIVE | \
	SSH_AUTH_METHOD_PASSWORD)

/* Kept between a keyboard-interactive request and its response. */
static char kbdint_user[MEMBER_LOGIN_SZ];
/* Room to fold any login the wire can carry, and more (see as_login). */
#define LOGIN_FOLD_SZ	256

static const char *
esc(char *buf, size_t bufsz, const char *s)
{
	return text_escape_log(buf, bufsz, s != NULL ? s : "");
}

/* Counts one attempt. False once the cap is used up: refuse without looking. */
static bool
count_attempt(struct session *s)
{
	if (s->auth_attempts >= s->cfg->limits.max_auth_tries)
		return false;
	s->auth_attempts++;
	return true;
}

static bool
is_registration(const struct session *s, const char *user)
{
	return user != NULL && strcmp(user, s->cfg->registration.login) == 0;
}

static void
authenticated(struct session *s, const char *user, const char *method)
{
	char e[128];

	s->authenticated = true;
	s->auth_method = method;
	/* Auth is over: the monitor finishes (a rehash, say) and exits. */
	monitor_close(&s->mon);
	text_copy(s->login, sizeof s->login, user);
	log_info("auth success: method=%s user=%s peer=%s%s", method,
	    esc(e, sizeof e, user), s->peer, s->registration ? " (registration)" : "");
	/* The listener decides whether the session may start (sessions per
	 * member, sign-up caps); a sign-up still counts as starting up. A
	 * refusal is told at shell time (session.c). */
	if (listen_msg_ask(s->notify_fd, s->registration ? LISTEN_MSG_SIGNUP :
	    LISTEN_MSG_MEMBER, s->user_id, s->refused, sizeof s->refused) != 0)
		log_info("session refused by the listener: user=%s peer=%s",
		    esc(e, sizeof e, user), s->peer);
}

static int
accept_member(struct session *s, const struct monwire_answer *a, const char *method)
{
	s->user_id = a->member_id;
	s->status = (enum member_status)a->status;
	/* The UI records the login time: it greets first-timers differently. */
	authenticated(s, a->login, method);
	return SSH_AUTH_SUCCESS;
}

static int
accept_registration(struct session *s, const char *user, const char *method)
{
	s->registration = true;
	s->user_id = 0;
	authenticated(s, user, method);
	return SSH_AUTH_SUCCESS;
}

static int
refuse(struct session *s, const char *user, const char *method)
{
	char e[128];

	log_warn("auth failure: method=%s user=%s peer=%s attempt=%d", method,
	    esc(e, sizeof e, user), s->peer, s->auth_attempts);
	listen_msg_send(s->notify_fd, LISTEN_MSG_AUTHFAIL, 0);	/* for penalties */
	return SSH_AUTH_DENIED;
}

/* Asks the monitor about user's secret (password or key blob). The verdict;
 * MONWIRE_NO when the monitor is gone. DROP and a dead monitor end the
 * connection: the session loop sees auth_dropped. */
static enum monwire_verdict
ask(struct session *s, enum monwire_type type, const char *user, const char *secret,
    struct monwire_answer *ans)
{
	static struct monwire_request req;
	size_t n = secret != NULL ? strlen(secret) : 0;
	char e[128];

	memset(&req, 0, sizeof req);
	req.type = type;
	/* A login too long for the wire cannot exist; ask about "" instead so
	 * the check (and its time) is the same. */
	text_copy(req.login, sizeof req.login,
	    user != NULL && strlen(user) <= MONWIRE_LOGIN_MAX ? user : "");
	/* Cut to the wire's limit, an oversized password is still longer than
	 * any that can match (monitor.c asserts it); an oversized key is no key. */
	if (type != MONWIRE_PASSWORD && n > MONWIRE_SECRET_MAX)
		return MONWIRE_NO;
	if (n > MONWIRE_SECRET_MAX)
		n = MONWIRE_SECRET_MAX;
	if (n > 0)
		memcpy(req.secret, secret, n);
	req.secret[n] = '\0';
	text_copy(req.peer, sizeof req.peer, s->peer);
	if (monitor_ask(&s->mon, &req, ans) != 0) {
		crypto_wipe(&req, sizeof req);
		s->auth_dropped = true;
		return MONWIRE_NO;
	}
	crypto_wipe(&req, sizeof req);
	if (ans->verdict == MONWIRE_DROP) {
		log_warn("auth dropped: user=%s peer=%s: too many failed passwords for this login",
		    esc(e, sizeof e, user), s->peer);
		/* Close now, before libssh can send "failure": an unverified
		 * guess gets no answer at all, not even a no. */
		ssh_session_set_disconnect_message(s->ssh, "Too many authentication failures");
		ssh_disconnect(s->ssh);
		s->auth_dropped = true;
	} else if (ans->verdict == MONWIRE_BUSY) {
		log_warn("auth refused unchecked: user=%s peer=%s: server busy",
		    esc(e, sizeof e, user), s->peer);
	}
	return ans->verdict;
}

/* The user name as a login (lower case, rules/user.h), in buf; one too
 * long to fold is passed on as it is, which ask() and is_registration
 * never match. */
static const char *
as_login(char *buf, size_t sz, const char *user)
{
	return user_login_fold(buf, sz, user) ? buf : user;
}

static int
auth_none(ssh_session ssh, const char *user, void *ud)
{
	static bool asked;
	struct session *s = ud;

	(void)ssh;
	(void)user;
	/* Always refused. The first is free, as in sshd: OpenSSH starts with
	 * it to learn the methods; every later one is an attempt. */
	if (asked)
		count_attempt(s);
	asked = true;
	return SSH_AUTH_DENIED;
}

static int
auth_password(ssh_session ssh, const char *user, const char *password, void *ud)
{
	struct session *s = ud;
	struct monwire_answer a;
	char low[LOGIN_FOLD_SZ];

	(void)ssh;
	user = as_login(low, sizeof low, user);
	if (!count_attempt(s))
		return SSH_AUTH_DENIED;
	if (is_registration(s, user))
		return accept_registration(s, user, "password");
	switch (ask(s, MONWIRE_PASSWORD, user, password, &a)) {
	case MONWIRE_YES:
		return accept_member(s, &a, "password");
	case MONWIRE_DROP:
		return SSH_AUTH_DENIED;	/* the connection closes; no verdict */
	default:
		return refuse(s, user, "password");
	}
}

/* The canonical base64 blob of an acceptable key, or NULL. Caller frees
 * with ssh_string_free_char. */
static char *
key_blob(ssh_key key)
{
	enum ssh_keytypes_e t = ssh_key_type(key);
	char *b64 = NULL;

	switch (t) {
	case SSH_KEYTYPE_ED25519:
	case SSH_KEYTYPE_ECDSA_P256:
	case SSH_KEYTYPE_ECDSA_P384:
	case SSH_KEYTYPE_ECDSA_P521:
	case SSH_KEYTYPE_RSA:	/* the bind refuses RSA under 2048 bits */
		break;
	default:
		return NULL;
	}
	if (ssh_pki_export_pubkey_base64(key, &b64) != SSH_OK)
		return NULL;
	return b64;
}

static int
auth_pubkey(ssh_session ssh, const char *user, struct ssh_key_struct *key,
    char state, void *ud)
{
	struct session *s = ud;
	struct monwire_answer a;
	char *b64 = NULL, low[LOGIN_FOLD_SZ];
	int r = SSH_AUTH_DENIED;

	(void)ssh;
	user = as_login(low, sizeof low, user);
	/* A probe (no signature yet) is an offer and counts. A valid signature
	 * completes the offer it follows, so it counts only when it fails
	 * (a client may also sign without probing first). */
	if (state == SSH_PUBLICKEY_STATE_NONE) {
		if (!count_attempt(s))
			return SSH_AUTH_DENIED;
	} else if (state != SSH_PUBLICKEY_STATE_VALID) {
		count_attempt(s);
		return refuse(s, user, "publickey");
	}
	if ((b64 = key_blob(key)) == NULL)
		goto fail;
	if (is_registration(s, user)) {
		if (state == SSH_PUBLICKEY_STATE_NONE) {
			r = SSH_AUTH_SUCCESS;	/* "go ahead and sign" */
			goto out;
		}
		text_copy(s->key_type, sizeof s->key_type, ssh_key_type_to_char(ssh_key_type(key)));
		free(s->key_b64);
		s->key_b64 = xstrdup(b64);
		r = accept_registration(s, user, "publickey");
		goto out;
	}
	if (ask(s, state == SSH_PUBLICKEY_STATE_NONE ? MONWIRE_KEY_PROBE : MONWIRE_KEY_LOGIN,
	    user, b64, &a) != MONWIRE_YES)
		goto fail;
	r = (state == SSH_PUBLICKEY_STATE_NONE) ? SSH_AUTH_SUCCESS :
	    accept_member(s, &a, "publickey");
out:
	ssh_string_free_char(b64);
	return r;
fail:
	if (state == SSH_PUBLICKEY_STATE_VALID)
		count_attempt(s);
	r = refuse(s, user, "publickey");
	goto out;
}

/* Keyboard-interactive has no server callback in libssh 0.10; it arrives as
 * a message. Returns 0 when handled, 1 for libssh's default reply. */
static int
on_message(ssh_session ssh, ssh_message msg, void *ud)
{
	static const char *prompts[] = { "Password: " };
	static char echo[] = { 0 };
	struct session *s = ud;
	struct monwire_answer a;
	enum monwire_verdict v = MONWIRE_NO;
	const char *answer = NULL;

	if (ssh_message_type(msg) != SSH_REQUEST_AUTH ||
	    ssh_message_subtype(msg) != SSH_AUTH_METHOD_INTERACTIVE)
		return 1;
	if (!ssh_message_auth_kbdint_is_response(msg)) {
		char low[LOGIN_FOLD_SZ];
		const char *user = as_login(low, sizeof low, ssh_message_auth_user(msg));

		if (is_registration(s, user) && count_attempt(s)) {
			accept_registration(s, user, "keyboard-interactive");
			ssh_message_auth_reply_success(msg, 0);
			return 0;
		}
		text_copy(kbdint_user, sizeof kbdint_user, user != NULL ? user : "");
		ssh_message_auth_interactive_request(msg, "", "", 1, prompts, echo);
		return 0;
	}
	if (count_attempt(s)) {
		if (ssh_userauth_kbdint_getnanswers(ssh) == 1)
			answer = ssh_userauth_kbdint_getanswer(ssh, 0);
		if (answer != NULL)
			v = ask(s, MONWIRE_PASSWORD, kbdint_user, answer, &a);
		if (v == MONWIRE_YES) {
			accept_member(s, &a, "keyboard-interactive");
			ssh_message_auth_reply_success(msg, 0);
			return 0;
		}
		if (v == MONWIRE_DROP)
			return 0;	/* disconnected: no reply */
		refuse(s, kbdint_user, "keyboard-interactive");
	}
	ssh_message_auth_set_methods(msg, AUTH_METHODS);
	ssh_message_reply_default(msg);
	return 0;
}

static ssh_channel
channel_open(ssh_session ssh, void *ud)
{
	struct session *s = ud;

	(void)ssh;
	if (!s->authenticated || s->chan != NULL)
		return NULL;	/* one interactive channel per connection */
	return ssh_chan_open(s);
}

void
ssh_auth_setup(struct session *s)
{
	/* The callbacks as a table; everything not named is NULL. */
	s->server_cb = (struct ssh_server_callbacks_struct){
		.userdata = s,
		.auth_none_function = auth_none,
		.auth_password_function = auth_password,
		.auth_pubkey_function = auth_pubkey,
		.channel_open_request_session_function = channel_open,
	};
	ssh_callbacks_init(&s->server_cb);
	ssh_set_server_callbacks(s->ssh, &s->server_cb);
	ssh_set_message_callback(s->ssh, on_message, s);
	ssh_set_auth_methods(s->ssh, AUTH_METHODS);
}
