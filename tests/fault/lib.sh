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
