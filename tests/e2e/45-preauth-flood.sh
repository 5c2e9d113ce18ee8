# 300 silent TCP connections from 3 sources (127.0.0.1-3: Linux routes all
# of 127/8 to lo) do not keep out a member's key login from a fourth; the
# flooders earn penalties when login_grace runs out, are then refused at
# once, and the penalties survive a restart of the listener.
# Prints FIGURE lines: connections dropped, time to log in under the flood.
. "$(dirname "$0")/lib.sh"
e2e_keygen id
e2e_user dave "Dave Diaz" alumni 'dave password' --pubkey "$T/id.pub"
cat >"$T/mentorbbs.conf" <<CONF
[limits]
login_grace = 6
CONF
e2e_start --config "$T/mentorbbs.conf"

# flood.py PORT N OUT: opens N connections from each of 127.0.0.1-3, holds them
# silently; writes "admitted dropped silent" to OUT once it has seen how
# the server answered each (a banner, or a close), then holds until killed.
cat >"$T/flood.py" <<'PY'
import socket, sys, time, select
port, n, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
socks = []
for i in range(n):
    for src in ("127.0.0.1", "127.0.0.2", "127.0.0.3"):
        s = socket.socket()
        s.bind((src, 0))
        s.settimeout(5)
        try:
            s.connect(("127.0.0.1", port))
            socks.append(s)
        except OSError:
            pass
admitted = dropped = 0
pending, deadline = list(socks), time.time() + 10
while pending and time.time() < deadline:
    r, _, _ = select.select(pending, [], [], 0.5)
    for s in r:
        pending.remove(s)
        try:
            data = s.recv(256)
        except OSError:
            data = b""
        if data.startswith(b"SSH-"):
            admitted += 1
        else:
            dropped += 1
with open(out + ".tmp", "w") as f:
    f.write("%d %d %d\n" % (admitted, dropped, len(pending)))
import os; os.rename(out + ".tmp", out)
time.sleep(120)
PY

# flood N WHAT: starts flood.py with N per source, waits for its counts
# (admitted dropped silent) and leaves it holding its connections.
FLOOD=""
trap 'kill $FLOOD 2>/dev/null; e2e_cleanup' EXIT
flood() {
  rm -f "$T/flood.out"
  python3 "$T/flood.py" "$PORT" "$1" "$T/flood.out" &
  FLOOD=$!
  e2e_until 20 "$2" test -s "$T/flood.out"
  read -r admitted dropped silent <"$T/flood.out"
}
flood_end() { kill $FLOOD 2>/dev/null; wait $FLOOD 2>/dev/null; }

flood 100 "the flood never finished connecting"
[ $((admitted + dropped + silent)) -eq 300 ] || fail "flood: $admitted + $dropped + $silent connections, want 300"
[ "$admitted" -le 30 ] || fail "$admitted flood connections admitted; at most 10 per source"
echo "FIGURE flood: 300 silent connections from 3 sources: $admitted admitted, $dropped dropped at once"

# The member's key login from a fourth source, while the flood holds its slots.
t0=${EPOCHREALTIME/./}
out=$(ssh $SSHO -b 127.0.0.4 -o BatchMode=yes -i "$T/id" -p "$PORT" dave@127.0.0.1 ls 2>&1 </dev/null)
t1=${EPOCHREALTIME/./}
echo "$out" | grep -q 'interactive session only' || fail "key login under the flood failed: $out"
echo "FIGURE flood: key login under the flood took $(( (t1 - t0) / 1000 )) ms"

# login_grace runs out for the flood: each source owes 10 x 20 s and is refused.
e2e_until 20 "no penalty logged for the flood" grep -q '127.0.0.1/32: penalty: exceeded login_grace.*now refused' "$T/server.log"
grace_penalties() { [ "$(grep -c 'penalty: exceeded login_grace' "$T/server.log")" -ge "$admitted" ]; }
e2e_until 20 "not every admitted flood connection was penalised" grace_penalties
flood_end
flood 1 "the second flood never finished"
[ "$admitted" -eq 0 ] || fail "$admitted connections from penalised sources admitted"
grep -q 'refused connection from 127.0.0.2:[0-9]* (127.0.0.2/32): penalty: exceeded login_grace' "$T/server.log" ||
  fail "a penalised source's refusal not logged"
flood_end

# The penalties are in the listener's own store, not the member database ...
[ -f "$DB.penalties" ] || fail "no penalty store next to the database"
n=$(sqlite3 "$DB.penalties" "select count(*) from penalties where active = 1")
[ "$n" -eq 3 ] || fail "$n active penalties stored, want 3"
e2e_sql "select name from sqlite_schema" | grep -q penalties && fail "penalties in the member database"
# ... and a restart does not forgive them.
e2e_stop_listener
e2e_start --config "$T/mentorbbs.conf"
grep -q '3 penalised source(s) restored' "$T/server.log" || fail "penalties not restored on restart"
flood 1 "the third flood never finished"
[ "$admitted" -eq 0 ] || fail "$admitted connections admitted after a restart; the penalties were forgotten"
# The member still gets in from elsewhere.
out=$(ssh $SSHO -b 127.0.0.4 -o BatchMode=yes -i "$T/id" -p "$PORT" dave@127.0.0.1 ls 2>&1 </dev/null)
echo "$out" | grep -q 'interactive session only' || fail "key login after the restart failed: $out"
exit 0
