# A suspended member is refused with a message; reinstated, they get in.
. "$(dirname "$0")/lib.sh"
e2e_user bob "Bob Brown" trainee 'bob password 1'
"$BIN" user set bob --status suspended --db "$DB" || fail "user set"
e2e_start
e2e_login s1 bob 'bob password 1'
e2e_see s1 'Your account is suspended'
e2e_see s1 'ssh exited'
"$BIN" user set bob --status active --db "$DB" || fail "user set active"
e2e_login s2 bob 'bob password 1'
e2e_see s2 'Welcome.*Bob Brown'
exit 0
