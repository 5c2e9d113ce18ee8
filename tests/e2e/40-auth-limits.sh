# At most 6 authentication attempts per connection, keys offers included;
# the pre-auth deadline closes a connection that never authenticates.
. "$(dirname "$0")/lib.sh"
e2e_user carol "Carol Chen" student 'carol password'
cat >"$T/mentorbbs.conf" <<CONF
[limits]
login_grace = 3
CONF
e2e_start --config "$T/mentorbbs.conf"

# The attempt numbers of carol's refused METHOD attempts as the server
# logged them, one line per connection: "PEER 1 2 3 ...".
refused() {
  grep -o "auth failure: method=$1 user=carol peer=[^ ]* attempt=[0-9]*" "$T/server.log" |
    awk '{ sub("peer=", "", $5); sub("attempt=", "", $6); seen[$5] = seen[$5] " " $6 }
      END { for (p in seen) print p seen[p] }'
}
# expect_one_cut_connection METHOD: one connection made attempts 1 to 6
# and was then cut for it.
expect_one_cut_connection() {
  local got; got=$(refused "$1")
  [ "${got#* }" = "1 2 3 4 5 6" ] ||
    fail "$1 attempts by connection: '$got'; want one connection with attempts 1 to 6"
  grep -q "too many authentication attempts from ${got%% *}\$" "$T/server.log" ||
    fail "the $1 connection ${got%% *} was not cut for too many attempts"
}

# ssh asks the askpass program again after each refusal: one connection,
# as many password attempts as the server allows.
printf '#!/bin/sh\necho wrong password\n' >"$T/askpass"; chmod +x "$T/askpass"
SSH_ASKPASS="$T/askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=:0 setsid ssh $SSHO \
  -o PubkeyAuthentication=no -o PreferredAuthentications=password \
  -o NumberOfPasswordPrompts=20 -p "$PORT" carol@127.0.0.1 true </dev/null >/dev/null 2>&1
n=$(grep -c 'auth failure: method=password user=carol' "$T/server.log")
[ "$n" -eq 6 ] || fail "$n password attempts on one connection, want exactly 6"
expect_one_cut_connection password

# Seven keys, none registered: the connection is cut after six offers.
for i in 1 2 3 4 5 6 7; do e2e_keygen "k$i"; done
keys=""; for i in 1 2 3 4 5 6 7; do keys="$keys -i $T/k$i"; done
before=$(grep -c 'method=publickey user=carol' "$T/server.log")
ssh $SSHO -o BatchMode=yes -o IdentitiesOnly=yes $keys -p "$PORT" carol@127.0.0.1 true </dev/null >/dev/null 2>&1
after=$(grep -c 'method=publickey user=carol' "$T/server.log")
[ $((after - before)) -eq 6 ] || fail "$((after - before)) key offers refused, want exactly 6"
expect_one_cut_connection publickey

# A connection that says nothing is closed after the grace time.
start=$(date +%s)
exec 3<>/dev/tcp/127.0.0.1/$PORT
timeout 15 cat <&3 >/dev/null
[ $(( $(date +%s) - start )) -le 10 ] || fail "idle pre-auth connection not closed"
exec 3<&-
exit 0
