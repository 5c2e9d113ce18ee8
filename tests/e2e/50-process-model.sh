# Restarting the listener (SIGHUP) leaves live sessions running; a new listener serves
# new logins; a client that goes away takes its processes with it.
. "$(dirname "$0")/lib.sh"
e2e_user dave "Dave Diaz" alumni 'dave password'
e2e_start
e2e_login a dave 'dave password'
e2e_see a 'Welcome.*Dave Diaz'
e2e_restart_listener
e2e_keys a '?'
e2e_see a 'Help|help'
e2e_start
e2e_login b dave 'dave password'
e2e_see b 'Welcome.*Dave Diaz'
n=$(e2e_ui_count)
[ "$n" -eq 2 ] || fail "expected 2 UI processes, found $n"
# Drop both clients hard: their sessions and UIs must exit.
e2e_drop a b
e2e_until 10 "UI processes left after the clients died" e2e_no_ui
e2e_login c dave 'dave password'
e2e_see c 'Welcome.*Dave Diaz'
exit 0
