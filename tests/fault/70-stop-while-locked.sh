# SIGTERM (systemctl stop) while another program holds the database locked:
# members are still told "The system is shutting down." and everything is
# gone within 5 s; a UI stuck behind the lock does not hold the stop up.
. "$(dirname "$0")/lib.sh"
fault_logged_in dave erin
fault_lock 10
start=${EPOCHREALTIME/./}
kill -TERM "$SRV"
for _ in $(seq 70); do kill -0 "$SRV" 2>/dev/null || break; sleep 0.1; done
took=$(( (${EPOCHREALTIME/./} - start) / 1000 ))
kill -0 "$SRV" 2>/dev/null && fail "the listener still runs ${took} ms after SIGTERM"
SRV=""
[ "$took" -le 5000 ] || fail "the stop took ${took} ms"
for w in a b; do e2e_see "$w" 'The system is shutting down\.' 3; done
e2e_until 3 "processes left after the stop: $(fault_left)" eval '[ -z "$(fault_left)" ]'
echo "stopped in ${took} ms with the database locked"
kill "$LOCKER" 2>/dev/null
exit 0
