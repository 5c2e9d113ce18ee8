# kill -9 of one member's UI process: that member's session ends (the ssh
# client exits, the session process goes), nobody else's does, and the
# member can log in again.
. "$(dirname "$0")/lib.sh"
fault_kill_one ui
e2e_login c dave 'dave password 1'
e2e_see c 'Welcome back.*Member dave'
fault_alive c
exit 0
