# Caps on what any session can take: a member's sixth session is refused
# with a sentence; a 999x999 terminal is clamped to 500x200 and the UI says
# so; session and UI processes run under rlimits; 20 registration logins
# from 4 sources at 999x999 get no more than the sign-up caps, and sit idle
# no longer than signup_idle.
# Prints FIGURE lines: sign-ups admitted and refused, their memory.
. "$(dirname "$0")/lib.sh"
e2e_keygen id
e2e_keygen newcomer
e2e_user erin "Erin Evans" trainee 'erin password' --pubkey "$T/id.pub"
IDLE=15
cat >"$T/mentorbbs.conf" <<CONF
[limits]
signup_idle = $IDLE
CONF
e2e_start --config "$T/mentorbbs.conf"
KEYSSH="ssh $SSHO -o BatchMode=yes -o IdentitiesOnly=yes -i $T/id -p $PORT"

# Five sessions of one member are fine ...
for i in 1 2 3 4 5; do
  e2e_window "s$i" "$KEYSSH erin@127.0.0.1; echo '[ssh exited]'; sleep 60"
  e2e_see "s$i" 'Welcome.*Erin Evans'
done
# ... the sixth is told why, and no UI starts for it.
e2e_window s6 "$KEYSSH erin@127.0.0.1; echo '[ssh exited]'; sleep 60"
e2e_see s6 'You have 5 sessions open already'
e2e_see s6 '\[ssh exited\]'
[ "$(e2e_ui_count)" -eq 5 ] || fail "$(e2e_ui_count) UI processes for 5 sessions"
# One closes: there is room again.
e2e_drop s1
four_uis() { [ "$(e2e_ui_count)" -eq 4 ]; }
e2e_until 10 "the dropped session's UI did not end" four_uis
e2e_window s7 "$KEYSSH erin@127.0.0.1; echo '[ssh exited]'; sleep 60"
e2e_see s7 'Welcome.*Erin Evans'

# rlimits of a UI process (inherited from its session process).
ui=$(pgrep -f -- "ui .*server\.db=$DB" | head -1)
lim=$(cat "/proc/$ui/limits")
echo "$lim" | grep -Eq '^Max core file size +0 +0 ' || fail "UI may dump core: $lim"
echo "$lim" | grep -Eq '^Max open files +256 +256 ' || fail "UI open files not capped: $lim"
if [ "${E2E_ASAN:-0}" != 1 ]; then
  echo "$lim" | grep -Eq '^Max address space +1073741824 +1073741824 ' ||
    fail "UI address space not capped: $lim"
fi
for w in s2 s3 s4 s5 s7; do e2e_drop "$w"; done
e2e_until 10 "the member's UIs did not end" e2e_no_ui

# A 999x999 terminal: the pty is 500x200 and the message line says so.
e2e_window big "while [ ! -f $T/go ]; do sleep 0.1; done; $KEYSSH erin@127.0.0.1; sleep 60"
e2e_resize big 999 999
touch "$T/go"
e2e_see big 'Your window is larger than mentorbbs draws: it uses 500x200 at most' 15
grep -q 'terminal of 999x999 from 127.0.0.1:[0-9]* clamped to 500x200' "$T/server.log" ||
  fail "clamp not logged"
grep -q 'session start: user=erin .* size=500x200' "$T/server.log" || fail "the UI's pty is not 500x200"
e2e_drop big
e2e_until 10 "the big session's UI did not end" e2e_no_ui

# 20 registration logins at 999x999, five from each of four sources: at
# most 2 per source (signups_per_source) and 10 in all (signups) start;
# the rest are told why, or dropped early (max_startups: sign-ups count as
# starting up), never of a source's first.
# The newcomers type nothing: their input is a FIFO nobody writes to.
mkfifo "$T/silence"
sleep 100 >"$T/silence" 2>/dev/null &
FEED=$!
trap 'kill $FEED 2>/dev/null; e2e_cleanup' EXIT
for i in $(seq 1 20); do
  src=127.0.0.$(( (i - 1) % 4 + 1 ))
  script -qfc "stty cols 999 rows 999; ssh -tt $SSHO -o BatchMode=yes -o IdentitiesOnly=yes -i $T/newcomer -b $src -p $PORT new@127.0.0.1" "$T/new$i.log" <"$T/silence" >/dev/null 2>&1 &
done
refused() { grep -c 'sign-up [0-9]* refused' "$T/server.log"; }
dropped() { grep -c 'refused connection from .*: random early drop' "$T/server.log"; }
drawn() { grep -l 'Accept the rules' "$T"/new*.log 2>/dev/null | wc -l; }
signups_settled() { [ $(( $(refused) + $(dropped) + $(drawn) )) -ge 20 ]; }
e2e_until $((IDLE + 15)) "the 20 sign-ups did not settle" signups_settled
admitted=$(e2e_ui_count) refused=$(refused) dropped=$(dropped)
[ "$admitted" -le 8 ] && [ "$admitted" -ge 4 ] || fail "$admitted sign-ups started, want 4 to 8 (2 per source)"
[ "$admitted" -eq "$(drawn)" ] || fail "$admitted sign-up UIs, $(drawn) drawn"
told=$(grep -l 'A sign-up from your network is already under way' "$T"/new*.log | wc -l)
[ "$told" -eq "$refused" ] || fail "$refused sign-ups refused, $told newcomers told why"
[ "$(grep -c 'terminal of 999x999 .* clamped to 500x200' "$T/server.log")" -ge $((admitted + 1)) ] ||
  fail "the sign-ups' terminals were not clamped"
kib=0
for p in $(pgrep -f -- "$DB"); do
  [ "$p" = "$SRV" ] && continue
  v=$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null)
  kib=$((kib + ${v:-0}))
done
echo "FIGURE signups: 20 at 999x999 from 4 sources: $admitted started, $refused refused, $dropped dropped early; session + UI processes use $((kib / 1024)) MiB PSS in all ($((kib / 1024 / (admitted > 0 ? admitted : 1))) MiB per sign-up)"

# Idle sign-ups hold a pre-auth slot: closed after signup_idle.
e2e_until $((IDLE + 15)) "idle sign-ups were not closed" e2e_no_ui
grep -q "sign-up from 127.0.0.1:[0-9]* idle for $IDLE s: closing" "$T/server.log" || fail "idle close not logged"
[ "$(grep -l 'The sign-up was idle too long' "$T"/new*.log | wc -l)" -eq "$admitted" ] || fail "idle newcomers not told"
exit 0
