# Announcements and the sysop CLI of the admin slice over real SSH: an
# announcement made with `mentorbbs announce` reaches a live session's
# status bar within 2 s, shows at the next login, and a member dismisses
# it (for themselves only) with Ctrl-D; `sanction` and `audit` follow the
# CLI contract (exit 0/1/2, one line on stderr, a bad value changes
# nothing) and land in the audit log as "sysop"; audit output is made safe
# for the terminal.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Admin" alumni 'ann password' --admin
e2e_user mel "Mel Member" trainee 'mel password'
e2e_user ned "Ned Next" student 'ned password'
e2e_accept_rules
e2e_start

# cli WANT_RC CMD...: runs the CLI; checks the exit code and that a
# failure says exactly one line on stderr.
cli() {
  local want=$1 rc; shift
  "$BIN" "$@" --db "$DB" >"$T/out" 2>"$T/err"; rc=$?
  [ "$rc" = "$want" ] || fail "$* exited $rc, not $want: $(cat "$T/err")"
  if [ "$want" != 0 ]; then
    [ "$(wc -l <"$T/err")" = 1 ] || fail "$* said more than one line: $(cat "$T/err")"
  fi
}
count() { e2e_sql "select (select count(*) from announcements)||','||(select count(*) from sanctions)||','||(select count(*) from audit_log)"; }

# Bad values change nothing.
before=$(count)
cli 2 announce
cli 2 announce $'Escapes \e[2J here'
cli 2 announce 'Old news' --until 2020-01-01
cli 2 announce 'Bad date' --until 2026-02-30
cli 2 announce 'One' 'Two'
cli 2 sanction mel suspend --reason 'no end date'
cli 2 sanction mel frobnicate --reason 'x'
cli 2 sanction mel warn
cli 2 sanction mel ban --until tomorrow --reason 'x'
cli 1 sanction nobody warn --reason 'x'
cli 1 sanction mel lift --reason 'nothing to lift'
cli 2 audit --since yesterday
cli 2 audit --actor 'Bad Login'
[ "$(count)" = "$before" ] || fail "a refused command changed something: $before -> $(count)"

e2e_login m mel 'mel password'
e2e_see m 'Welcome.*Mel Member'
e2e_login n ned 'ned password'
e2e_see n 'Welcome.*Ned Next'

start=${EPOCHREALTIME/./}
cli 0 announce 'Maintenance Sunday 06:00 UTC' --until "$(e2e_day 3)"
e2e_see m 'Announcement: Maintenance Sunday.*\(\^D dismiss\)' 2
echo "announcement: CLI to the status bar: $(( (${EPOCHREALTIME/./} - start) / 1000 )) ms"
e2e_see n 'Announcement: Maintenance Sunday'

# Mel dismisses it; Ned still sees it; Mel's next login does not show it.
e2e_keys m C-d
e2e_see m 'Announcement dismissed'
e2e_gone m 'Announcement: Maintenance'
e2e_screen n | grep -q 'Announcement: Maintenance' || fail "Ned lost the announcement"
e2e_login m2 mel 'mel password'
e2e_see m2 'Welcome.*Mel Member'
e2e_screen m2 | grep -q 'Announcement:' && fail "a dismissed announcement came back"
# At login a member who has not dismissed it reads it whole.
e2e_login n2 ned 'ned password'
e2e_see n2 'Announcement: Maintenance Sunday 06:00 UTC'

# The admin lists and ends it from the menu; it leaves every status bar.
e2e_login a ann 'ann password'
e2e_see a 'Welcome.*Ann Admin'
e2e_keys a z; e2e_see a 'Sign-ups, sanctions'
e2e_keys a n; e2e_see a 'Maintenance Sunday 06:00 UTC'
e2e_see a 'by sysop, .*shown now'
e2e_keys a e; e2e_see a 'End this announcement now\?'
e2e_keys a y; e2e_see a 'Ended: nobody sees it any more'
e2e_gone n 'Announcement: Maintenance' 3

# The sanction CLI: warn, then lift; the audit log says sysop.
cli 0 sanction mel warn --reason 'Keep it civil'
grep -q 'mel: a warning' "$T/out" || fail "sanction said: $(cat "$T/out")"
cli 0 sanction mel lift --reason 'Resolved'
cli 0 audit --actor sysop
grep -q 'sysop  sanction.warn  mel  Keep it civil' "$T/out" || fail "audit: $(cat "$T/out")"
grep -q 'sysop  sanction.lift  mel  Resolved' "$T/out" || fail "audit: $(cat "$T/out")"
grep -q 'sysop  announce.add  Maintenance Sunday 06:00 UTC' "$T/out" || fail "audit: $(cat "$T/out")"
grep -q 'ann  announce.end' "$T/out" && fail "--actor sysop listed ann's entry"
cli 0 audit --actor ann --since "$(date -u +%F)"
grep -q 'ann  announce.end' "$T/out" || fail "audit --actor ann: $(cat "$T/out")"
# An entry holding escapes (an old row, another tool) prints inert.
e2e_sql "insert into audit_log (actor, action, target, reason, created_at)
  values ('sysop', 'test.raw', 'x', 'evil'||char(27)||'[2J'||char(155)||'done', strftime('%s','now'))"
cli 0 audit
grep -q $'\e' "$T/out" && fail "audit printed an escape"
grep -q 'test.raw' "$T/out" || fail "audit lost the raw entry"
exit 0
