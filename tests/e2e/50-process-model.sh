# Killing the listener leaves live sessions running; a new listener serves
# new logins; a client that goes away takes its processes with it.
. "$(dirname "$0")/lib.sh"
e2e_user dave "Dave Diaz" alumni 'dave password'
e2e_start
e2e_login a dave 'dave password'
e2e_see a 'Welcome.*Dave Diaz'
PORT1=$PORT
e2e_stop_listener
e2e_keys a '?'
e2e_see a 'Help|help'
e2e_start
e2e_login b dave 'dave password'
e2e_see b 'Welcome.*Dave Diaz'
n=$(pgrep -f -- "ui .*server\.db=$DB" | wc -l)
[ "$n" -eq 2 ] || fail "expected 2 UI processes, found $n"
# Drop one client hard: its session and UI must exit.
pkill -KILL -f "ssh .*-p ($PORT1|$PORT) dave@127.0.0.1" 2>/dev/null
for _ in $(seq 100); do
  [ "$(pgrep -f -- "ui .*server\.db=$DB" | wc -l)" -eq 0 ] && break; sleep 0.1
done
[ "$(pgrep -f -- "ui .*server\.db=$DB" | wc -l)" -eq 0 ] || fail "UI processes left after the clients died"
e2e_login c dave 'dave password'
e2e_see c 'Welcome.*Dave Diaz'
exit 0
