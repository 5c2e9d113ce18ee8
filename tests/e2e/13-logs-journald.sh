# Logs under journald: when stderr is the stream JOURNAL_STREAM names, each
# line starts with its syslog priority and carries no timestamp of its own
# (journald adds one); [server] log_level = warn keeps info lines out;
# elsewhere lines keep their UTC timestamp.
. "$(dirname "$0")/lib.sh"
# Three starts from one address in one case: e2e_start's port probe is a
# connection without authentication, and its penalty must not turn the
# later logins away (this case is about the log, not the limits).
printf '[limits]\npenalty_noauth = 0\npenalty_authfail = 0\n' >"$T/quiet.conf"
: >"$T/server.log"
JOURNAL_STREAM="$(stat -c '%d:%i' "$T/server.log")" e2e_start --config "$T/quiet.conf"
e2e_until 10 "listening line" grep -q '^<6>\[[0-9]*\] info ' "$T/server.log"
grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T' "$T/server.log" && fail "a timestamp under journald"
e2e_login s nobody 'wrong password' 2>/dev/null
e2e_until 10 "warning line" grep -q '^<[3-6]>' "$T/server.log"
e2e_stop_listener

# Another file than the stream it names: no prefixes.
: >"$T/server.log"
JOURNAL_STREAM="1:1" e2e_start --config "$T/quiet.conf"
e2e_until 10 "timestamped line" grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z \[' "$T/server.log"
grep -q '^<' "$T/server.log" && fail "prefixes on a file that is not the journal"
e2e_stop_listener

# log_level = warn: no info lines at all.
: >"$T/server.log"
printf '[server]\nlog_level = warn\n[limits]\npenalty_noauth = 0\npenalty_authfail = 0\n' >"$T/warn.conf"
e2e_start --config "$T/warn.conf"
e2e_login s2 nobody 'wrong password' 2>/dev/null
e2e_until 10 "auth failure logged" grep -q 'warn refuse: auth failure' "$T/server.log"
grep -q ' info ' "$T/server.log" && fail "info lines with log_level = warn: $(head -3 "$T/server.log")"
exit 0
