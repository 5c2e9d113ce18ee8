# A database another process keeps write-locked for 10 s (issue 11,
# finding 9): the member is told "busy, retrying" within a second and a
# half instead of looking at a frozen screen, the session goes on once the
# lock is gone, and a login in that window says the same instead of
# hanging silently.
. "$(dirname "$0")/lib.sh"
e2e_user alice "Alice Appleton" alumni 'alice password'
e2e_start
BUSY='The database is busy; retrying'
# Under the sanitizers everything runs a few times slower.
DEADLINE_US=1500000
[ "${E2E_ASAN:-0}" = 1 ] && DEADLINE_US=3000000

# lock_db SECONDS: another connection takes the write lock (BEGIN
# EXCLUSIVE) and keeps it for SECONDS; returns once it holds it.
lock_db() {
  rm -f "$T/locked"
  python3 - "$DB" "$T/locked" "$1" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=5)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(float(sys.argv[3]))
c.execute("ROLLBACK")
PY
  LOCKER=$!
  e2e_until 10 "the test could not lock the database" test -e "$T/locked"
}

# see_within WINDOW REGEX MICROSECONDS: polls the screen until REGEX shows,
# failing when the deadline (from the call) passes first.
see_within() {
  local end=$((${EPOCHREALTIME/./} + $3))
  while [ "${EPOCHREALTIME/./}" -lt "$end" ]; do
    e2e_screen "$1" | grep -Eq -- "$2" && return 0
    sleep 0.05
  done
  fail "window $1 did not show /$2/ within $(($3 / 1000)) ms"
}

e2e_login a alice 'alice password'
e2e_see a 'Welcome.*Alice Appleton'
e2e_see a 'Main menu'

# A key that writes (opening a screen records where the member is) while
# the lock is held: the sentence comes within the deadline ...
lock_db 10
e2e_keys a w
see_within a "$BUSY" "$DEADLINE_US"
# ... the screen opens when the wait is over, and after the lock the
# session is as before: keys work and nothing says busy.
e2e_see a "Who's online" 15
wait "$LOCKER"
e2e_keys a q
e2e_see a 'Main menu'
e2e_gone a "$BUSY" 3

# A login while the database is locked: authentication only reads, so
# the member's screen comes up and says why it waits.
lock_db 10
start=${EPOCHREALTIME/./}
e2e_login b alice 'alice password'
see_within b "$BUSY" 8000000
echo "login to busy sentence: $(((${EPOCHREALTIME/./} - start) / 1000)) ms"
wait "$LOCKER"
e2e_see b 'Main menu' 15
e2e_gone b "$BUSY" 5
exit 0
