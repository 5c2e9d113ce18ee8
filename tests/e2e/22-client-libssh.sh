# libssh's own client side (tests/clients/libssh-client.c, built by make
# as build/libssh-client) logs in with a password, asks for a pty and a
# shell in a terminal, and goes through one visit.
. "$(dirname "$0")/lib.sh"
CLIENT=${E2E_LIBSSH_CLIENT:-$E2E_ROOT/build/libssh-client}
[ -x "$CLIENT" ] || fail "$CLIENT missing: make build/libssh-client"
e2e_user alice "Alice Appleton" alumni 'alice password'
e2e_start
e2e_client ls "LIBSSH_PASSWORD='alice password' $CLIENT $PORT alice"
e2e_client_visit ls 'Alice Appleton' alice
exit 0
