# The sysop's member commands (issue 15): user add's reasons and the
# reserved logins, passwd (--expire: the UI asks for a new password before
# anything else), key add/list/remove (the key then logs in), export (valid
# JSON, escaped) and delete (posts stay as "former member", the rest goes,
# the live session ends). Each change in the audit log as the sysop.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Appleton" alumni 'ann password'
e2e_user bob "Bob Brown" trainee 'bob password'
e2e_accept_rules
# user add: the display name, not the login, is what is taken; reserved logins.
printf 'carl password\n' | "$BIN" user add carl --name "ann appleton" --role alumni \
  --password-stdin --db "$DB" >/dev/null 2>"$T/err"; rc=$?
[ "$rc" = 1 ] && grep -q 'display name' "$T/err" || fail "taken name: exit $rc: $(cat "$T/err")"
for l in admin sysop root moderator support postmaster new; do
  printf 'some password\n' | "$BIN" user add $l --name "X $l" --role alumni --password-stdin \
    --db "$DB" >/dev/null 2>"$T/err"; rc=$?
  [ "$rc" = 2 ] && grep -q reserved "$T/err" || fail "reserved $l: exit $rc: $(cat "$T/err")"
done
printf '[registration]\nreserved = dean, it-help\n' >"$T/res.conf"
printf 'some password\n' | "$BIN" user add dean --name Dean --role alumni --password-stdin \
  --config "$T/res.conf" --db "$DB" >/dev/null 2>"$T/err"; rc=$?
[ "$rc" = 2 ] || fail "configured reserved login: exit $rc"
# passwd from stdin; a bad value changes nothing.
printf 'short\n' | "$BIN" user passwd ann --db "$DB" 2>"$T/err"; rc=$?
[ "$rc" = 2 ] && [ "$(wc -l <"$T/err")" = 1 ] || fail "short password: exit $rc"
printf 'ann temporary pass\n' | "$BIN" user passwd ann --expire --db "$DB" >/dev/null ||
  fail "passwd --expire"
"$BIN" user passwd nobody-here --expire --keep --db "$DB" 2>/dev/null; [ $? = 1 ] ||
  fail "passwd of no member"
e2e_start
e2e_login w1 ann 'ann temporary pass'
e2e_see w1 'Choose a new password'
e2e_type w1 'ann chosen password'; e2e_keys w1 Enter
e2e_type w1 'ann chosen password'; e2e_keys w1 Enter
e2e_see w1 'Your password has been changed'
e2e_sql_is "select pw_expired from users where login = 'ann'" 0 || fail "still expired"
[ "$(e2e_try_password ann 'ann temporary pass' | grep -ci denied)" -ge 1 ] ||
  fail "the temporary password still works"
# Keys: add from a file, list, log in with it, remove.
e2e_keygen bk
"$BIN" user key add bob "$T/bk.pub" --db "$DB" >"$T/out" || fail "key add"
fp=$(ssh-keygen -lf "$T/bk.pub" | awk '{print $2}')
"$BIN" user key list bob --db "$DB" | grep -qF "$fp" || fail "key list"
"$BIN" user key add ann "$T/bk.pub" --db "$DB" 2>"$T/err"; rc=$?
[ "$rc" = 1 ] && grep -q 'belongs to bob' "$T/err" || fail "a key twice: exit $rc"
e2e_window w2 "ssh $SSHO -o BatchMode=yes -i $T/bk -p $PORT bob@127.0.0.1; sleep 60"
e2e_see w2 'Bob Brown'
"$BIN" user key remove bob "$fp" --db "$DB" >/dev/null || fail "key remove"
"$BIN" user key remove bob "$fp" --db "$DB" 2>/dev/null; [ $? = 1 ] || fail "removed twice"
# Export: valid JSON with the member's own data, escaped.
e2e_sql "update users set bio = 'tab	quote\" nl' || char(10) || 'end' where login = 'bob'"
"$BIN" user export bob --db "$DB" >"$T/bob.json" || fail "export"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["member"]["login"]=="bob"
assert d["member"]["bio"]=="tab\tquote\" nl\nend"; assert "pw_hash" not in d["member"]' "$T/bob.json" ||
  fail "export is not the JSON expected: $(head -c 300 "$T/bob.json")"
# Delete: Bob's post stays as "former member", his message, keys and host
# profile go, and his live session ends.
e2e_sql "insert into threads (id, community_id, author_id, title, created_at)
    select 77, id, (select id from users where login = 'bob'), 'Bob asks', 1 from communities limit 1;
  insert into posts (thread_id, community_id, author_id, path, body, created_at)
    select 77, community_id, author_id, '0001', 'my question', 1 from threads where id = 77;
  insert into conversations (id, user_a, user_b, created_at, last_at) select 9, a.id, b.id, 1, 1
    from users a, users b where a.login = 'ann' and b.login = 'bob';
  insert into messages (conversation_id, sender_id, body, created_at)
    select 9, id, 'private', 1 from users where login = 'bob';
  insert into host_profiles (user_id, city, updated_at) select id, 'Boston', 1 from users where login = 'bob'"
bid=$(e2e_uid bob)
"$BIN" user key add bob "$T/bk.pub" --db "$DB" >/dev/null || fail "key add again"
"$BIN" user delete bob --db "$DB" 2>/dev/null; [ $? = 2 ] || fail "delete without --yes"
"$BIN" user delete bob --yes --db "$DB" >"$T/out" || fail "delete"
grep -q '1 keys, 1 conversations (1 messages)' "$T/out" || fail "delete report: $(cat "$T/out")"
e2e_see w2 'ended your session|suspended' 5
e2e_sql_is "select display_name from users where id = $bid" 'former member' || fail "no former member"
e2e_sql_is "select count(*) from posts where author_id = $bid" 1 || fail "post gone"
for t in "ssh_keys where user_id" "messages where sender_id" "host_profiles where user_id"; do
  e2e_sql_is "select count(*) from $t = $bid" 0 || fail "$t still there"
done
"$BIN" user list --db "$DB" | grep -q 'former' && fail "user list shows the former member"
"$BIN" user export bob --db "$DB" 2>/dev/null; [ $? = 1 ] || fail "export of a deleted member"
# The audit log names the sysop for every change.
for a in member.password member.key.add member.key.remove member.delete; do
  e2e_sql_is "select count(*) > 0 from audit_log where actor = 'sysop' and action = '$a'" 1 ||
    fail "no audit entry $a"
done
exit 0
