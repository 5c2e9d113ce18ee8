# `mentorbbs --version` and `config check`: the effective settings of a
# good file, one "file:line: what" line and exit 1 for a bad one, exit 2
# for a usage error.
. "$(dirname "$0")/lib.sh"
"$BIN" --version | grep -Eq '^mentorbbs [0-9]+\.[0-9]+\.[0-9]+$' || fail "--version"
"$BIN" config check --config "$(dirname "$0")/../../docs/mentorbbs.conf" >"$T/out" 2>"$T/err" ||
  fail "config check of the shipped file: $(cat "$T/err")"
grep -qx 'server.port = 2222' "$T/out" || fail "effective port not printed"
grep -qx 'moderation.hide_threshold = 3' "$T/out" || fail "[moderation] not printed"
printf '[server]\nport = 2200\n[limits]\nmax_auth_trys = 3\n' >"$T/bad.conf"
"$BIN" config check --config "$T/bad.conf" >"$T/out" 2>"$T/err"; rc=$?
[ "$rc" = 1 ] || fail "bad file: exit $rc, want 1"
[ "$(wc -l <"$T/err")" = 1 ] || fail "bad file: not one line: $(cat "$T/err")"
grep -q "bad.conf:4: .*max_auth_trys" "$T/err" || fail "bad file: no file:line: $(cat "$T/err")"
[ -s "$T/out" ] && fail "bad file: settings printed anyway"
"$BIN" config frob >/dev/null 2>&1; [ $? = 2 ] || fail "config frob: not a usage error"
exit 0
