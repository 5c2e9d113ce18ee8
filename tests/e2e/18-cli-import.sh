# user import (issue 15): a 1,000-row roster with 10 bad rows, saved by a
# spreadsheet (UTF-8 BOM, CRLF, quoted names with commas). Row by row the
# 990 good rows go in and each bad one is named by line and reason; with
# --strict nothing goes in. A member with a key logs in with it; one
# without gets a one-time code, logs in with it once and must choose a
# password first.
. "$(dirname "$0")/lib.sh"
e2e_keygen k0
python3 - "$T/roster.csv" "$T/k0.pub" <<'PY'
import sys
out, pub = sys.argv[1], open(sys.argv[2]).read().strip()
rows = ["login,name,role,program,year,email,public key"]
for i in range(1000):
    rows.append(f'm{i:04d},"Member {i:04d}, Jr.",alumni,"MD, PhD",2010,m{i}@example.org,' +
                (pub if i == 0 else ''))
bad = {3: 'm0003,Bad Role,wizard,MD,2010,x@y.org,',
       50: 'admin,Admin Person,alumni,,2010,a@b.org,',
       100: 'm0100,"Quoted"x,alumni,,2010,x@y.org,',
       200: 'Bad Login,N,alumni,,2010,x@y.org,',
       300: 'm0300,Old Timer,alumni,,1800,x@y.org,',
       400: 'm0400,No Mail,alumni,,2010,not-an-email,',
       500: 'm0001,Dup Login,alumni,,2010,x@y.org,',
       600: 'm0600,"Member 0002, Jr.",alumni,,2010,x@y.org,',
       700: 'm0700,Broken Key,alumni,,2010,x@y.org,ssh-ed25519 AAAAbroken',
       800: 'm0800,Short Row,alumni'}
for i, r in bad.items():
    rows[i + 1] = r
open(out, 'wb').write(('\ufeff' + '\r\n'.join(rows) + '\r\n').encode())
PY
# --strict: all or nothing.
"$BIN" user import "$T/roster.csv" --strict --codes "$T/strict-codes" --db "$DB" >"$T/out" 2>"$T/err"; rc=$?
[ "$rc" = 1 ] || fail "strict import: exit $rc"
grep -q 'imported 0 rows, refused 10' "$T/out" || fail "strict summary: $(tail -2 "$T/out")"
e2e_sql_is "select count(*) from users" 0 || fail "strict import left members"
[ ! -e "$T/strict-codes" ] || fail "strict import left a codes file"
# Row by row.
"$BIN" user import "$T/roster.csv" --codes "$T/codes" --db "$DB" >"$T/out" 2>"$T/err"; rc=$?
[ "$rc" = 1 ] && [ "$(wc -l <"$T/err")" = 1 ] || fail "import: exit $rc: $(cat "$T/err")"
grep -q 'imported 990 rows, refused 10' "$T/out" || fail "summary: $(tail -2 "$T/out")"
[ "$(grep -c '^line [0-9]*: refused: ' "$T/out")" = 10 ] || fail "not 10 refusals: $(cat "$T/out")"
for want in 'line 5: refused: role' 'line 52: refused: that login is reserved' \
    'line 102: refused: text after a closing quote' 'line 202: refused: login may contain' \
    'line 302: refused: year' 'line 402: refused: e-mail' 'line 502: refused: that login is taken' \
    'line 602: refused: another member already uses that display name' \
    'line 702: refused: ' 'line 802: refused: a row has 6 columns'; do
  grep -q "^$want" "$T/out" || fail "missing: $want"
done
e2e_sql_is "select count(*) from users where origin = 'import'" 990 || fail "not 990 members"
e2e_sql_is "select display_name || '|' || programs || '|' || email from users where login = 'm0005'" \
  'Member 0005, Jr.|MD, PhD|m5@example.org' || fail "quoted fields"
[ "$(stat -c %a "$T/codes")" = 600 ] || fail "codes file mode"
[ "$(wc -l <"$T/codes")" = 989 ] || fail "codes: $(wc -l <"$T/codes") lines (989 without a key)"
grep -q '^m0000,' "$T/codes" && fail "a code for the member with a key"
e2e_sql_is "select count(*) from audit_log where actor = 'sysop' and action = 'member.import'" 990 ||
  fail "audit entries"
# The importer never writes over a codes file.
"$BIN" user import "$T/roster.csv" --codes "$T/codes" --db "$DB" >/dev/null 2>&1; [ $? = 1 ] ||
  fail "codes file overwritten"
e2e_accept_rules
e2e_start
e2e_window wk "ssh $SSHO -o BatchMode=yes -i $T/k0 -p $PORT m0000@127.0.0.1; sleep 60"
e2e_see wk 'Member 0000, Jr\.'
code=$(sed -n 's/^m0007,//p' "$T/codes")
e2e_login wc m0007 "$code"
e2e_see wc 'Choose a new password'
e2e_type wc 'my own passphrase'; e2e_keys wc Enter
e2e_type wc 'my own passphrase'; e2e_keys wc Enter
e2e_see wc 'Your password has been changed'
e2e_try_password m0007 "$code" | grep -qi denied || fail "the code works twice"
exit 0
