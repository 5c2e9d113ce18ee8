# kill -9 of one member's UI process: that member's session ends (the ssh
# client exits, the session process goes), nobody else's does, and the
# member can log in again.
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
kill -KILL "$ui"
e2e_see a '\[ssh exited\]' 10
e2e_until 10 "dave's session process $sess is still there" eval '! kill -0 '"$sess"' 2>/dev/null'
fault_alive b
[ "$(e2e_ui_count)" -eq 1 ] || fail "expected only erin's UI"
e2e_login c dave 'dave password 1'
e2e_see c 'Welcome back.*Member dave'
fault_alive c
exit 0
