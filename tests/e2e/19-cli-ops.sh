# stats [--json], who (login, peer, since, idle), kick (the member's live
# sessions end within 2 s with a sentence, and they may log in again), and
# seed-demo refusing a database with real members unless --force.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Appleton" alumni 'ann password'
e2e_user bob "Bob Brown" student 'bob password'
e2e_accept_rules
e2e_start
e2e_login w1 ann 'ann password'
e2e_see w1 'Ann Appleton'
e2e_login w2 ann 'ann password'
e2e_see w2 'Ann Appleton'
e2e_until 5 "two presence rows" e2e_sql_is "select count(*) from presence" 2
"$BIN" who --db "$DB" >"$T/who" || fail "who"
[ "$(grep -c '^ann  *127\.0\.0\.1:[0-9]' "$T/who")" = 2 ] || fail "who: $(cat "$T/who")"
grep -Eq '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} +[0-9]+m' "$T/who" || fail "who: no since/idle"
"$BIN" stats --db "$DB" >"$T/stats" || fail "stats"
grep -Eq '^members\.alumni\.active +1$' "$T/stats" || fail "stats: $(cat "$T/stats")"
grep -Eq '^sessions +2$' "$T/stats" || fail "stats sessions: $(cat "$T/stats")"
"$BIN" stats --json --db "$DB" >"$T/stats.json" || fail "stats --json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["members.student.active"]==1
assert d["sessions"]==2 and d["mentorships.active"]==0 and d["stays.requested"]==0' "$T/stats.json" ||
  fail "stats json: $(cat "$T/stats.json")"
# kick: both of Ann's sessions end within 2 s with the sentence.
start=$SECONDS
"$BIN" kick ann --db "$DB" >"$T/out" || fail "kick"
grep -q '2 sessions' "$T/out" || fail "kick: $(cat "$T/out")"
e2e_see w1 'The sysop has ended your session' 3
e2e_see w2 'The sysop has ended your session' 3
[ $((SECONDS - start)) -le 3 ] || fail "kick took $((SECONDS - start)) s"
e2e_sql_is "select count(*) from audit_log where actor = 'sysop' and action = 'member.kick'" 1 ||
  fail "no audit entry"
"$BIN" kick nobody --db "$DB" 2>"$T/err"; rc=$?
[ "$rc" = 1 ] && [ "$(wc -l <"$T/err")" = 1 ] || fail "kick of no member: exit $rc"
"$BIN" kick 'Not A Login' --db "$DB" 2>/dev/null; [ $? = 2 ] || fail "kick of a bad login"
# After a kick the member logs in again.
# A login in the same second as the kick counts as kicked (docs/sysop.md).
kicked=$(e2e_sql "select kicked_at from users where login = 'ann'")
after_kick() { [ "$(date +%s)" -gt "$kicked" ]; }
e2e_until 3 "the clock never passed the kick" after_kick
e2e_login w3 ann 'ann password'
e2e_see w3 'Welcome.*Ann Appleton'
# seed-demo: refused among real members, allowed with --force or on its own database.
"$BIN" seed-demo --members 5 --db "$DB" >/dev/null 2>"$T/err"; rc=$?
[ "$rc" = 1 ] && grep -q -- '--force' "$T/err" || fail "seed-demo among real members: exit $rc"
e2e_sql_is "select count(*) from users" 2 || fail "seed-demo wrote anyway"
"$BIN" seed-demo --members 5 --db "$T/demo.db" >/dev/null || fail "seed-demo fresh"
"$BIN" seed-demo --members 5 --seed 2 --db "$T/demo.db" >/dev/null || fail "seed-demo on its own members"
exit 0
