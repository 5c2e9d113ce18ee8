# Dropbear's client (dbclient) logs in with a password. It sends its
# service and auth requests in the same TCP segment as NEWKEYS, so they
# reach libssh during the key exchange: this case hung before the server
# installed its callbacks ahead of ssh_handle_key_exchange (session.c).
. "$(dirname "$0")/lib.sh"
command -v dbclient >/dev/null || fail "dbclient missing: apt-get install dropbear-bin"
e2e_user alice "Alice Appleton" alumni 'alice password'
e2e_start
# -y -y: no host key check (the case's keys are new each run).
e2e_client db "DROPBEAR_PASSWORD='alice password' dbclient -y -y -p $PORT alice@127.0.0.1"
e2e_client_visit db 'Alice Appleton' alice
exit 0
