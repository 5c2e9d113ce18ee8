# Repeated `none` authentication requests count as attempts: the first is
# free (OpenSSH's client starts with it), and the connection is cut once
# max_auth_tries is used up, instead of answering thousands of them.
. "$(dirname "$0")/lib.sh"
e2e_user carol "Carol Chen" student 'carol password'
e2e_start
# A libssh client that asks `none` up to 1000 times and prints how many
# got an answer before the server hung up.
cat >"$T/nones.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <libssh/libssh.h>
int main(int argc, char **argv)
{
	ssh_session s = ssh_new();
	int port = atoi(argv[1]), n = 0;

	ssh_options_set(s, SSH_OPTIONS_HOST, "127.0.0.1");
	ssh_options_set(s, SSH_OPTIONS_PORT, &port);
	ssh_options_set(s, SSH_OPTIONS_USER, "carol");
	if (ssh_connect(s) != SSH_OK)
		return 2;
	while (n < 1000 && ssh_userauth_none(s, NULL) == SSH_AUTH_DENIED)
		n++;
	printf("%d\n", n);
	ssh_free(s);
	return 0;
}
C
cc -o "$T/nones" "$T/nones.c" $(pkg-config --cflags --libs libssh) || fail "cannot build the none client"
n=$("$T/nones" "$PORT") || fail "the none client could not connect"
# One free, then six counted; the seventh counted one is refused unseen.
[ "$n" -le 7 ] || fail "$n none requests answered on one connection, want at most 7"
grep -q 'too many authentication attempts from 127.0.0.1' "$T/server.log" || fail "the none flood was not cut"
# An ordinary login still works (its first none is free).
out=$(e2e_try_password carol 'carol password')
echo "$out" | grep -q 'interactive session only' || fail "password login after none: $out"
exit 0
