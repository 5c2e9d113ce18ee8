# Helpers the fault cases add to tests/e2e/lib.sh.
. "$E2E_ROOT/tests/e2e/lib.sh"
WRITER="${FAULT_WRITER:?run through make fault-test}"

# fault_ui_pid / fault_session_pid LOGIN: that member's UI and session processes.
fault_ui_pid() { pgrep -f -- "ui .*--user-id $(e2e_uid "$1") .*server\.db=$DB" | head -1; }
fault_session_pid() { ps -o ppid= -p "$(fault_ui_pid "$1")" | tr -d ' '; }

# fault_left: this case's listener, session and UI processes still running.
fault_left() { pgrep -af -- "^$BIN .*$DB"; }

# fault_member LOGIN: an active member who accepted the rules and joined
# the first community; prints the id.
fault_member() {
  e2e_user "$1" "Member $1" alumni "$1 password 1"
  e2e_accept_rules
  e2e_join "$1" "$(e2e_sql 'select slug from communities order by id limit 1')"
  e2e_uid "$1"
}

# fault_thread MEMBER_ID: a new thread in the first community; prints its first post id.
fault_thread() {
  "$WRITER" thread "$DB" "$1" "$(e2e_sql 'select id from communities order by id limit 1')" |
    sed -n 's/^ok //p'
}

# fault_db_check: mentorbbs db check says ok.
fault_db_check() {
  local out; out=$("$BIN" db check --db "$DB" 2>&1) || fail "db check: $out"
  echo "$out" | grep -q ': ok' || fail "db check: $out"
}

# fault_alive WINDOW: the member's session still answers keys: the main
# menu's help opens and closes.
fault_alive() {
  e2e_keys "$1" '?'
  e2e_see "$1" 'MAIN MENU' "${2:-10}"
  e2e_keys "$1" q
  e2e_gone "$1" 'MAIN MENU' "${2:-10}"
}

# fault_logged_in LOGIN...: makes each member (fault_member), starts the
# server and logs them in, in windows a, b, c... in that order.
fault_logged_in() {
  local w=(a b c d e) i=0 login
  for login in "$@"; do fault_member "$login" >/dev/null; done
  e2e_start
  for login in "$@"; do e2e_login "${w[i]}" "$login" "$login password 1"; i=$((i + 1)); done
  i=0
  for login in "$@"; do e2e_see "${w[i]}" "Welcome.*Member $login"; i=$((i + 1)); done
}

# fault_writer_member LOGIN: the member the data-layer writer posts as
# (not a logged-in one, whose rate limit must stay untouched); sets
# WRITER_ID and FIRST_POST, the first post of a thread to reply to.
fault_writer_member() {
  WRITER_ID=$(fault_member "$1")
  FIRST_POST=$(fault_thread "$WRITER_ID")
  [ -n "$FIRST_POST" ] || fail "cannot start the writer's thread"
}

# fault_lock SECONDS: another program (python3's sqlite3) holds the
# database with BEGIN EXCLUSIVE for SECONDS; returns once it is held and
# sets LOCKER to its pid; $T/lock.out ends with "released" after it.
fault_lock() {
  python3 - "$DB" "$1" >"$T/lock.out" 2>&1 <<'PY' &
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
con.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
con.execute("COMMIT")
print("released", flush=True)
PY
  LOCKER=$!
  e2e_until 10 "the database was never locked" grep -q locked "$T/lock.out"
}

# fault_kill_one ui|session: dave and erin logged in (windows a, b); kill -9
# of dave's UI or session process; waits until dave's ssh client has
# exited and his other process is gone too, then checks erin still answers.
# Sets UI_PID and SESSION_PID.
fault_kill_one() {
  local victim other
  fault_logged_in dave erin
  UI_PID=$(fault_ui_pid dave); SESSION_PID=$(fault_session_pid dave)
  [ -n "$UI_PID" ] && [ -n "$SESSION_PID" ] || fail "cannot find dave's processes"
  if [ "$1" = ui ]; then victim=$UI_PID other=$SESSION_PID; else victim=$SESSION_PID other=$UI_PID; fi
  kill -KILL "$victim"
  e2e_see a '\[ssh exited\]' 10
  e2e_until 10 "dave's process $other outlived the killed $1 process" eval "! kill -0 $other 2>/dev/null"
  fault_alive b
  [ "$(e2e_ui_count)" -eq 1 ] || fail "expected only erin's UI"
}
