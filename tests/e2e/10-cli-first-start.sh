# The sysop CLI contract on a fresh path, and host keys made on first start.
. "$(dirname "$0")/lib.sh"

# user add creates and migrates a database that does not exist yet.
printf 'first password\n' | "$BIN" user add alice --name "Alice Appleton" --role alumni \
  --password-stdin --db "$T/new/sub.db" || fail "user add on a fresh path"
[ -f "$T/new/sub.db" ] || fail "database not created"
"$BIN" user list --db "$T/new/sub.db" | grep -q 'alice' || fail "user list does not show alice"

# Usage errors exit 2, other errors 1, each with one line on stderr.
expect_exit() { # code description command...
  local want=$1 what=$2; shift 2
  "$@" >"$T/out" 2>"$T/err"; local got=$?
  [ "$got" = "$want" ] || fail "$what: exit $got, want $want ($(cat "$T/err"))"
  [ "$want" = 0 ] || [ "$(wc -l <"$T/err")" -ge 1 ] || fail "$what: no message on stderr"
}
D="--db $T/new/sub.db"
expect_exit 2 "unknown subcommand" "$BIN" frobnicate
expect_exit 2 "user add without --role" "$BIN" user add bob --name Bob $D
expect_exit 2 "unknown role" sh -c "printf 'bob password 1\n' | '$BIN' user add bob --name Bob --role dean --password-stdin $D"
grep -qi 'role' "$T/err" || fail "unknown role message does not name the role: $(cat "$T/err")"
expect_exit 1 "duplicate login" sh -c "printf 'other password\n' | '$BIN' user add alice --name Other --role student --password-stdin $D"
expect_exit 2 "control character in name" sh -c "printf 'bob password 1\n' | '$BIN' user add bob --name \"\$(printf 'Bob\033[2J')\" --role student --password-stdin $D"
printf 'not a key\n' >"$T/bad.pub"
expect_exit 1 "malformed key file" sh -c "printf 'bob password 1\n' | '$BIN' user add bob --name Bob --role student --password-stdin --pubkey $T/bad.pub $D"
"$BIN" user list $D | grep -q '^ *bob' && fail "a refused user add left bob behind"
expect_exit 0 "user set status" "$BIN" user set alice --status suspended $D
"$BIN" user list $D | grep alice | grep -q suspended || fail "status not changed"
expect_exit 1 "user set unknown login" "$BIN" user set nobody --status active $D
expect_exit 2 "user set without a change" "$BIN" user set alice $D
expect_exit 0 "db check" "$BIN" db check $D
expect_exit 0 "db backup" "$BIN" db backup "$T/backup.db" $D
"$BIN" user list --db "$T/backup.db" | grep -q alice || fail "backup does not hold alice"
expect_exit 1 "backup over an existing file" "$BIN" db backup "$T/backup.db" $D

# First start: keys generated with mode 0600 and their fingerprints printed.
rm -rf "$T/keys"; E2E_FRESH_KEYS=1
e2e_start
for k in ssh_host_ed25519_key ssh_host_rsa_key; do
  [ -f "$T/keys/$k" ] || fail "$k not generated"
  [ "$(stat -c %a "$T/keys/$k")" = 600 ] || fail "$k mode is $(stat -c %a "$T/keys/$k")"
done
grep -q 'SHA256:' "$T/server.log" || fail "fingerprints not printed"
grep -qiE 'BEGIN|PRIVATE' "$T/server.log" && fail "key material in the log"
[ "$(sqlite3 "$DB" 'select count(*) from communities')" -ge 19 ] || fail "communities not seeded"
exit 0
