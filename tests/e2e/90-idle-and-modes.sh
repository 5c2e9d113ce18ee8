# Idle sessions are warned, then closed; registration modes approval and
# closed behave as configured.
. "$(dirname "$0")/lib.sh"
e2e_user hal "Hal Hughes" trainee 'hal password 1'
cat >"$T/idle.conf" <<CONF
[session]
idle_timeout = 4
idle_warn = 2
[registration]
mode = approval
CONF
e2e_start --config "$T/idle.conf"
e2e_login i hal 'hal password 1'
e2e_see i 'Welcome.*Hal Hughes'
e2e_see i 'logged off in [0-9]+ s for inactivity' 6
e2e_see i 'ssh exited' 8
# The screen is gone; one line says why.
e2e_see i 'Logged off after 4 seconds without a key\.'
grep -qi 'idle' "$T/server.log" || fail "idle logoff not logged"

# Approval mode: a newcomer registers, is told they await approval.
e2e_window r "ssh $SSHO -o PubkeyAuthentication=no -o PreferredAuthentications=keyboard-interactive -p $PORT new@127.0.0.1; echo '[ssh exited]'; sleep 60"
e2e_see r 'Accept the rules\? \[y/n\]'
e2e_keys r y; e2e_see r 'Login:'
e2e_type r 'ivy'; e2e_keys r Enter; e2e_see r 'Display name:'
e2e_type r 'Ivy Ito'; e2e_keys r Enter; e2e_see r 'Your role\?'
e2e_keys r t; e2e_see r 'Degree program'
e2e_keys r Enter; e2e_see r 'Graduation year:'
e2e_keys r Enter; e2e_see r 'Password:'
e2e_type r 'ivy password 1'; e2e_keys r Enter; e2e_see r 'Password again:'
e2e_type r 'ivy password 1'; e2e_keys r Enter
e2e_see r 'awaiting approval' 15
[ "$(e2e_sql "select status from users where login='ivy'")" = pending ] || fail "ivy is not pending"
e2e_keys r g 2>/dev/null

# Closed mode: the registration login explains and leaves.
e2e_stop_listener
printf '[registration]\nmode = closed\n' >"$T/closed.conf"
e2e_start --config "$T/closed.conf"
e2e_window c "ssh $SSHO -o PubkeyAuthentication=no -o PreferredAuthentications=keyboard-interactive -p $PORT new@127.0.0.1; echo '[ssh exited]'; sleep 60"
e2e_see c 'Registration is closed'
e2e_keys c Enter
e2e_see c 'ssh exited' 8
[ "$(e2e_sql "select count(*) from users")" = 2 ] || fail "closed registration created a member"
exit 0
