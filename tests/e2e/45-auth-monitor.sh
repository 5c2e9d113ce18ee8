# Privilege separation before authentication: the network-facing session
# process holds no database descriptor while a client sits at the password
# prompt; its auth monitor does, and is gone once the member is in.
. "$(dirname "$0")/lib.sh"
e2e_user carol "Carol Chen" student 'carol password'
e2e_start

# db_fds PID: the database files (main, -wal, -shm) PID has open.
db_fds() {
  local f
  for f in /proc/"$1"/fd/*; do
    case "$(readlink "$f" 2>/dev/null)" in "$DB"|"$DB-wal"|"$DB-shm") echo "$f" ;; esac
  done
}
# The listener's only child: the one session process.
session_pid() { pgrep -P "$SRV" | head -1; }

e2e_window w "ssh $SSHO -o PubkeyAuthentication=no -o PreferredAuthentications=password -p $PORT carol@127.0.0.1; sleep 60"
e2e_see w 'password:'
sess=$(session_pid)
[ -n "$sess" ] || fail "no session process under the listener"
mon=$(pgrep -P "$sess")
[ "$(echo "$mon" | wc -w)" -eq 1 ] || fail "want one monitor under the session, got '$mon'"
open=$(db_fds "$sess")
[ -z "$open" ] || fail "the pre-auth session process holds the database: $open"
# The check can see a handle where there is one: the monitor's.
[ -n "$(db_fds "$mon")" ] || fail "the monitor $mon holds no database descriptor"

e2e_type w 'carol password'; e2e_keys w Enter
e2e_see w 'Carol Chen'
e2e_until 5 "the monitor $mon outlived authentication" \
  sh -c "! kill -0 $mon 2>/dev/null || grep -q zombie /proc/$mon/status 2>/dev/null"
[ -z "$(db_fds "$sess")" ] || fail "the session process opened the database after auth"
grep -q "auth success: method=password user=carol" "$T/server.log" || fail "no auth success logged"
exit 0
