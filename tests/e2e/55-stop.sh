# Stopping the system (SIGTERM to the listener, as `systemctl stop` does):
# it stops accepting, every member is told "The system is shutting down.",
# each ssh client ends cleanly (status 0), and the listener and every
# session and UI process are gone within 5 s.
. "$(dirname "$0")/lib.sh"
e2e_user dave "Dave Diaz" alumni 'dave password'
e2e_user erin "Erin Eng" student 'erin password'
e2e_start
e2e_login a dave 'dave password'
e2e_login b erin 'erin password'
e2e_see a 'Welcome.*Dave Diaz'
e2e_see b 'Welcome.*Erin Eng'
e2e_keys b '?'
e2e_see b 'Help|help'
[ "$(e2e_ui_count)" -eq 2 ] || fail "expected 2 UI processes"

start=${EPOCHREALTIME/./}
kill -TERM "$SRV"
for _ in $(seq 70); do kill -0 "$SRV" 2>/dev/null || break; sleep 0.1; done
took=$(( (${EPOCHREALTIME/./} - start) / 1000 ))
kill -0 "$SRV" 2>/dev/null && fail "the listener still runs ${took} ms after SIGTERM"
wait "$SRV"; rc=$?; SRV=""
[ "$rc" -eq 0 ] || fail "the listener exited with status $rc"
[ "$took" -le 5000 ] || fail "the stop took ${took} ms, more than 5 s"
echo "listener gone ${took} ms after SIGTERM"
for w in a b; do
  e2e_see "$w" 'The system is shutting down\.' 3
  e2e_see "$w" '\[ssh exited\] 0' 3
done
pgrep -f -- "$DB" >/dev/null && fail "processes left: $(pgrep -af -- "$DB")"
grep -q 'stopped: 2 session(s) told to end' "$T/server.log" || fail "no stop line in the log"
# Nothing listens any more.
(exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && fail "the port still accepts"
exit 0
