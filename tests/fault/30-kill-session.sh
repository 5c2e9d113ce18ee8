# kill -9 of one member's session process: its UI sees the terminal go and
# exits (and leaves Who's online), the member's ssh client ends, nobody
# else's session notices, the listener logs it and serves the next login.
. "$(dirname "$0")/lib.sh"
fault_kill_one session
e2e_until 10 "dave is still in Who's online" e2e_sql_is \
  "select count(*) from presence where user_id = $(e2e_uid dave)" 0
grep -q "session process $SESSION_PID killed by signal 9" "$T/server.log" ||
  fail "the listener did not log it"
e2e_login c dave 'dave password 1'
e2e_see c 'Welcome back.*Member dave'
exit 0
