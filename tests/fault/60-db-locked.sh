# The database locked for 10 s by another program (BEGIN EXCLUSIVE): the
# live session survives it, a login in that window gets in (now or on a
# retry), writes that fail while it lasts fail cleanly, and once the lock
# goes the member's UI answers, writing works again and nothing
# acknowledged is lost. (What the member is told while it lasts is the
# busy-message work's test.)
. "$(dirname "$0")/lib.sh"
fault_member erin >/dev/null
fault_writer_member fay
fault_logged_in dave
fault_lock 10
timeout 30 "$WRITER" reply "$DB" "$WRITER_ID" "$FIRST_POST" 3 >"$T/acked.locked" &
writer=$!
e2e_keys a '?'
e2e_login b erin 'erin password 1'
wait "$LOCKER" || fail "the locker failed: $(cat "$T/lock.out")"
grep -q released "$T/lock.out" || fail "the lock was not held for 10 s"
wait "$writer" || fail "the writer gave up: $(cat "$T/acked.locked")"
echo "while locked: $(grep -c '^fail' "$T/acked.locked") write(s) failed and were retried"

# Recovery: dave's UI is alive and answers, erin is in (or gets in now).
kill -0 "$(fault_ui_pid dave)" 2>/dev/null || fail "dave's UI did not survive the lock"
e2e_see a 'MAIN MENU' 20
e2e_keys a q
e2e_gone a 'MAIN MENU' 10
fault_alive a
# The login made in the lock window gets in, or fails cleanly and a retry does.
e2e_see b 'Welcome.*Member erin|\[ssh exited\]' 25
if ! e2e_screen b | grep -q 'Welcome.*Member erin'; then
  echo "the login during the lock failed; retrying"
  e2e_login c erin 'erin password 1'
  e2e_see c 'Welcome.*Member erin'
fi
"$WRITER" reply "$DB" "$WRITER_ID" "$FIRST_POST" 3 >"$T/acked.after" || fail "cannot write after the lock"
for f in locked after; do sed -n 's/^ok //p' "$T/acked.$f"; done >"$T/acked.all"
while read -r p; do e2e_sql_is "select count(*) from posts where id = $p" 1 || fail "post $p lost"; done <"$T/acked.all"
fault_db_check
exit 0
