# kill -9 of one member's session process: its UI sees the terminal go and
# exits (and leaves Who's online), the member's ssh client ends, nobody
# else's session notices, the listener logs it and serves the next login.
. "$(dirname "$0")/lib.sh"
fault_member dave >/dev/null
fault_member erin >/dev/null
e2e_start
e2e_login a dave 'dave password 1'
e2e_login b erin 'erin password 1'
e2e_see a 'Welcome.*Member dave'
e2e_see b 'Welcome.*Member erin'
ui=$(fault_ui_pid dave); sess=$(fault_session_pid dave)
[ -n "$ui" ] && [ -n "$sess" ] || fail "cannot find dave's processes"
kill -KILL "$sess"
e2e_see a '\[ssh exited\]' 10
e2e_until 10 "dave's UI $ui outlived its session" eval '! kill -0 '"$ui"' 2>/dev/null'
e2e_until 10 "dave is still in Who's online" e2e_sql_is \
  "select count(*) from presence where user_id = $(e2e_uid dave)" 0
grep -q "session process $sess killed by signal 9" "$T/server.log" || fail "the listener did not log it"
fault_alive b
e2e_login c dave 'dave password 1'
e2e_see c 'Welcome back.*Member dave'
exit 0
