# kill -9 of the listener: live sessions keep working, a new listener
# starts on the same port and serves new logins, and the killed listener's
# sessions still end cleanly.
. "$(dirname "$0")/lib.sh"
fault_member dave >/dev/null
e2e_start
port=$PORT
e2e_login a dave 'dave password 1'
e2e_see a 'Welcome.*Member dave'
kill -KILL "$SRV"; wait "$SRV" 2>/dev/null; SRV=""
fault_alive a
# The same port again, at once (SO_REUSEADDR).
free_port() { echo "$port"; }
e2e_start
e2e_login b dave 'dave password 1'
e2e_see b 'Welcome.*Member dave'
fault_alive a
fault_alive b
[ "$(e2e_ui_count)" -eq 2 ] || fail "expected 2 UI processes"
e2e_keys a g; e2e_see a 'Log off\? \[y/n\]'; e2e_keys a y
e2e_see a '\[ssh exited\] 0' 10
fault_alive b
exit 0
