# SIGTERM (systemctl stop) while another program holds the database locked:
# members are still told "The system is shutting down." and everything is
# gone within 5 s; a UI stuck behind the lock does not hold the stop up.
. "$(dirname "$0")/lib.sh"
fault_member dave >/dev/null
fault_member erin >/dev/null
e2e_start
e2e_login a dave 'dave password 1'
e2e_login b erin 'erin password 1'
e2e_see a 'Welcome.*Member dave'
e2e_see b 'Welcome.*Member erin'
python3 - "$DB" >"$T/lock.out" 2>&1 <<'PY' &
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
con.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(10)
con.execute("COMMIT")
PY
locker=$!
e2e_until 10 "the database was never locked" grep -q locked "$T/lock.out"
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
kill "$locker" 2>/dev/null
exit 0
