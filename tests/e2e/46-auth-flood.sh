# Password guessing is slowed per account, and the owner is not: a flood
# of wrong passwords from one address, over many connections at once, gets
# at most 40 verdicts a minute, while the owner logs in at once with a key,
# or with the password from an address they have logged in from before.
. "$(dirname "$0")/lib.sh"
e2e_keygen id
e2e_user carol "Carol Chen" student 'carol password' --pubkey "$T/id.pub"
# The listener's source penalties (45-preauth-flood) would refuse this
# flood at the door after a few guesses; they are off here so the flood
# reaches the account's own delays, as many addresses would.
printf '[limits]\npenalty_authfail = 0\npenalty_noauth = 0\n' >"$T/flood.conf"
e2e_start --config "$T/flood.conf"
FLOOD_SECS=30 LOOPS=6

# login_ms COMMAND...: runs an ssh login (COMMAND ends with the ssh
# options; `true` is added, which the BBS refuses after authentication)
# and prints the milliseconds it took; false if it did not authenticate.
login_ms() {
  local t0 out
  t0=${EPOCHREALTIME/./}
  out=$("$@" -p "$PORT" carol@127.0.0.1 true 2>&1 </dev/null)
  echo $(( (${EPOCHREALTIME/./} - t0) / 1000 ))
  case "$out" in *"interactive session only"*) return 0 ;; esac
  return 1
}
PWOPTS="-o PubkeyAuthentication=no -o PreferredAuthentications=password -o NumberOfPasswordPrompts=1"

# Carol has logged in from 127.0.0.2 before.
login_ms sshpass -p 'carol password' ssh $SSHO -b 127.0.0.2 $PWOPTS >/dev/null
grep -q "auth success: method=password user=carol peer=127.0.0.2" "$T/server.log" ||
  fail "carol's first password login from 127.0.0.2 failed"

# The flood: LOOPS connections at a time from 127.0.0.1, one wrong password each.
flood() {
  local end=$((SECONDS + FLOOD_SECS))
  while [ "$SECONDS" -lt "$end" ]; do
    sshpass -p 'wrong password' ssh $SSHO -b 127.0.0.1 $PWOPTS -p "$PORT" \
      carol@127.0.0.1 true </dev/null 2>&1 | grep -c 'Permission denied' >>"$T/denied.$1"
  done
}
before=$(grep -c 'auth failure: method=password user=carol peer=127.0.0.1' "$T/server.log")
pids=""
for i in $(seq $LOOPS); do flood "$i" & pids="$pids $!"; done
# Let the flood take carol's delay up, then log in the owner's ways (the
# key from a third address: a login there makes it a known one for carol).
e2e_until 20 "the flood never slowed carol's password" \
  grep -q 'password attempt for carol from 127.0.0.1:[0-9]* \(waits\|dropped\)' "$T/server.log"
sleep 3
key_ms=$(login_ms ssh $SSHO -b 127.0.0.3 -o BatchMode=yes -o IdentitiesOnly=yes -i "$T/id") ||
  fail "carol's key login failed during the flood"
pw_ms=$(login_ms sshpass -p 'carol password' ssh $SSHO -b 127.0.0.2 $PWOPTS) ||
  fail "carol's password login from 127.0.0.2 failed during the flood"
wait $pids
verdicts=$(( $(grep -c 'auth failure: method=password user=carol peer=127.0.0.1' "$T/server.log") - before ))
denied=$(cat "$T"/denied.* | awk '{ n += $1 } END { print n + 0 }')
dropped=$(grep -c 'password attempt for carol from 127.0.0.1:[0-9]* dropped' "$T/server.log")
per_min=$(( verdicts * 60 / FLOOD_SECS ))
echo "flood ${FLOOD_SECS}s x $LOOPS: $verdicts verdicts ($per_min/min), $denied denials seen, $dropped dropped unverified; key login ${key_ms} ms, known-address password ${pw_ms} ms"
[ "$per_min" -le 40 ] || fail "$verdicts verdicts in ${FLOOD_SECS}s: over 40 a minute"
[ "$(( denied * 60 / FLOOD_SECS ))" -le 40 ] || fail "the flood saw $denied denials in ${FLOOD_SECS}s"
[ "$dropped" -gt 0 ] || fail "no guess was dropped: the flood was never throttled"
[ "$key_ms" -lt 3000 ] || fail "carol's key login took ${key_ms} ms during the flood"
[ "$pw_ms" -lt 3000 ] || fail "carol's password login from a known address took ${pw_ms} ms"
# The right password from the flooding address is not verified meanwhile.
grep -q "auth success: method=password user=carol peer=127.0.0.1" "$T/server.log" &&
  fail "a password login from the flooding address got in"
exit 0
