# Helpers for end-to-end cases: a real `mentorbbs serve` on a free loopback
# port with its own database, and real OpenSSH clients in a private tmux
# server. Everything stops by itself when the case exits.
#
#   . "$(dirname "$0")/lib.sh"
#   e2e_start                       # server up; $PORT $DB $T set
#   e2e_user alice "Alice Appleton" alumni 'alice password'
#   e2e_login w1 alice 'alice password'   # tmux window w1 runs ssh
#   e2e_see w1 'Welcome back, Alice Appleton'
#   e2e_keys w1 p                   # tmux send-keys
#   e2e_choose w1 '^ +Bio( |$)' Enter   # highlight the entry showing Bio, Enter
set -u
export LC_ALL=C.UTF-8
BIN="${E2E_BIN:?run through tests/run}"
T=$(mktemp -d -t e2e.XXXXXX)
# The database has a directory of its own: the UI's sandbox may write
# there and nowhere else, and the host keys ($T/keys) must lie outside it.
mkdir -p "$T/db"
DB="$T/db/test.db"
# Started as root, the server becomes [server] user; the cases then run it
# as nobody, which must be able to reach $T and own the database.
E2E_USER=""
if [ "$(id -u)" = 0 ]; then
  E2E_USER=nobody
  chmod 711 "$T"
fi
TM="tmux -L e2e$$ -f /dev/null"
SRV=""
PORT=""
SSHO="-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=5 -o ServerAliveInterval=0"

e2e_cleanup() {
  $TM kill-server 2>/dev/null
  [ -n "$SRV" ] && kill "$SRV" 2>/dev/null
  # Session and UI processes are their own process sessions: find them by
  # the database path only this case uses.
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    pgrep -f -- "$DB" >/dev/null || break
    sleep 0.2
  done
  pkill -KILL -f -- "$DB" 2>/dev/null
  if [ "${E2E_ASAN:-0}" = 1 ] && grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$T/server.log" 2>/dev/null; then
    echo "sanitizer report in server log:"; grep -E -A15 'Sanitizer|runtime error' "$T/server.log" | head -60
    rm -rf "$T"; exit 1
  fi
  rm -rf "$T"
}
trap e2e_cleanup EXIT

fail() {
  echo "FAIL: $*"
  for w in $($TM list-windows -a -F '#{window_name}' 2>/dev/null); do
    echo "--- screen of window $w:"; $TM capture-pane -p -t "s:$w" 2>/dev/null
  done
  echo "--- server log (tail):"; tail -15 "$T/server.log" 2>/dev/null
  exit 1
}

free_port() {
  python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'
}

# e2e_start [serve options...]: starts the server and waits until it listens.
e2e_start() {
  if [ -n "${E2E_KEYS:-}" ] && [ -z "${E2E_FRESH_KEYS:-}" ] && [ ! -d "$T/keys" ]; then
    cp -rp "$E2E_KEYS/keys" "$T/keys"
  fi
  PORT=$(free_port)
  local args=() conf="" f
  while [ $# -gt 0 ]; do
    if [ "$1" = --config ]; then conf=$2; shift 2; else args+=("$1"); shift; fi
  done
  if [ -n "$E2E_USER" ]; then
    { [ -z "$conf" ] || cat "$conf"; printf '\n[server]\nuser = %s\n' "$E2E_USER"; } >"$T/e2e-serve.conf"
    conf="$T/e2e-serve.conf"
    # Made by root (here, by `user add` or by sqlite3); SQLite gives the
    # WAL and shared memory files the database's owner.
    [ -e "$DB" ] || "$BIN" db check --db "$DB" >/dev/null || fail "cannot create $DB"
    for f in "$T/db" "$DB" "$DB-wal" "$DB-shm"; do
      [ ! -e "$f" ] || chown "$E2E_USER:" "$f"
    done
  fi
  [ -z "$conf" ] || args+=(--config "$conf")
  ${E2E_WRAP:-} "$BIN" serve --listen 127.0.0.1 --port "$PORT" --db "$DB" --keys "$T/keys" \
    --screens "$E2E_ROOT/screens" "${args[@]}" >>"$T/server.log" 2>&1 &
  SRV=$!
  for _ in $(seq 150); do
    (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && return 0
    kill -0 "$SRV" 2>/dev/null || break
    sleep 0.1
  done
  fail "server did not start on port $PORT"
}

# e2e_stop_listener: SIGTERM, the system stopping (every session is told and ends).
e2e_stop_listener() { kill "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null; SRV=""; }
# e2e_restart_listener: SIGHUP, the listener goes and live sessions stay.
e2e_restart_listener() { kill -HUP "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null; SRV=""; }

# e2e_user LOGIN "Name" ROLE PASSWORD [more user-add options]
e2e_user() {
  local login=$1 name=$2 role=$3 pw=$4; shift 4
  printf '%s\n' "$pw" | "$BIN" user add "$login" --name "$name" --role "$role" \
    --password-stdin --db "$DB" "$@" >/dev/null || fail "user add $login"
}

# e2e_uid LOGIN: the member's id.
e2e_uid() { e2e_sql "select id from users where login = '$1'"; }

# e2e_join LOGIN SLUG...: makes the member one of these communities.
e2e_join() {
  local uid slugs
  uid=$(e2e_uid "$1"); shift
  slugs=$(printf "'%s'," "$@")
  e2e_sql "insert into community_members (community_id, user_id, joined_at)
    select id, $uid, 1 from communities where slug in (${slugs%,})"
}

# e2e_day N: the date N days from today (UTC), YYYY-MM-DD.
e2e_day() { date -u -d "+$1 days" +%F; }

# e2e_keygen NAME: a fresh ed25519 key pair $T/NAME and $T/NAME.pub.
e2e_keygen() { ssh-keygen -q -t ed25519 -N '' -f "$T/$1"; }

# e2e_window NAME COMMAND...: a new 80x24 tmux window running COMMAND.
e2e_window() {
  local name=$1; shift
  if $TM has-session -t s 2>/dev/null; then
    $TM new-window -d -t s: -n "$name" "$*"
  else
    $TM new-session -d -s s -n "$name" -x 80 -y 24 "$*"
  fi
  $TM set-option -t s remain-on-exit on >/dev/null 2>&1
}

# e2e_login WINDOW LOGIN PASSWORD [ssh options]: password login in a window.
e2e_login() {
  local w=$1 login=$2 pw=$3; shift 3
  e2e_window "$w" "sshpass -p '$pw' ssh $SSHO -o PubkeyAuthentication=no $* -p $PORT $login@127.0.0.1; echo '[ssh exited]' \$?; sleep 60"
}

# e2e_try_password LOGIN PASSWORD: one password login that runs `true`
# instead of a shell; prints what ssh said.
e2e_try_password() {
  sshpass -p "$2" ssh $SSHO -o PubkeyAuthentication=no -o PreferredAuthentications=password \
    -o NumberOfPasswordPrompts=1 -p "$PORT" "$1@127.0.0.1" true 2>&1 </dev/null
}

# e2e_drop WINDOW...: kills each window's ssh client (SIGKILL, by pid), as
# a connection that is lost without a goodbye.
e2e_drop() {
  local w pids p
  for w in "$@"; do
    pids=$($TM display-message -p -t "s:$w" '#{pane_pid}')
    while [ -n "$pids" ]; do
      for p in $pids; do
        [ "$(ps -o comm= -p "$p")" = ssh ] && kill -KILL "$p"
      done
      pids=$(for p in $pids; do pgrep -P "$p"; done)
    done
  done
}

# e2e_ui_count: how many UI processes serve this case's database.
e2e_ui_count() { pgrep -f -- "ui .*server\.db=$DB" | wc -l; }
e2e_no_ui() { [ "$(e2e_ui_count)" -eq 0 ]; }

e2e_screen() { $TM capture-pane -p -t "s:$1" 2>/dev/null; }

# e2e_see WINDOW REGEX [SECONDS]: waits until the screen shows REGEX.
e2e_see() {
  local w=$1 re=$2 secs=${3:-10} i
  for i in $(seq $((secs * 10))); do
    e2e_screen "$w" | grep -Eq -- "$re" && return 0
    sleep 0.1
  done
  fail "window $w never showed /$re/ within ${secs}s"
}

# e2e_gone WINDOW REGEX [SECONDS]: waits until the screen no longer shows REGEX.
# Like e2e_see, over the screen's text with its lines joined, for a
# sentence the screen wraps.
e2e_see_words() {
  local w=$1 re=$2 secs=${3:-10} i
  for i in $(seq $((secs * 10))); do
    e2e_screen "$w" | tr -s ' \n' '  ' | grep -Eq -- "$re" && return 0
    sleep 0.1
  done
  fail "window $w never showed the words /$re/ within ${secs}s"
}

e2e_gone() {
  local w=$1 re=$2 secs=${3:-10} i
  for i in $(seq $((secs * 10))); do
    e2e_screen "$w" | grep -Eq -- "$re" || return 0
    sleep 0.1
  done
  fail "window $w still shows /$re/ after ${secs}s"
}

# The highlighted entry of a list or form is drawn in reverse video; tmux
# writes it as one SGR of attributes (colours come in SGRs of their own).
E2E_REVERSE=$'\e''\[([0-9];)*7(;[0-9])*m'

# e2e_choose WINDOW REGEX [KEYS...]: moves the highlight of a list or form
# with Up and Down to the first row whose text matches REGEX (an ERE), then
# sends KEYS (e.g. Enter). Toward the row when it is on screen; when it is
# not (a long list), down to the end, then up. One key at a time, each
# waiting for the highlight to move; fails when it cannot move on, or after
# 15 s. Wait for the screen first (e2e_see), so no key lands on the last one.
e2e_choose() {
  local w=$1 re=$2 end=$((SECONDS + 15)) sweep=Down key
  shift 2
  while [ "$SECONDS" -lt "$end" ]; do
    e2e_find_rows "$w" "$re"
    if [ "$E2E_SEL" -gt 0 ] && [ "$E2E_SEL" = "$E2E_ROW" ]; then
      [ $# -eq 0 ] || e2e_keys "$w" "$@"
      return 0
    fi
    if [ "$E2E_SEL" = 0 ]; then sleep 0.1; continue; fi
    if [ "$E2E_ROW" -gt "$E2E_SEL" ]; then key=Down
    elif [ "$E2E_ROW" -gt 0 ]; then key=Up
    else key=$sweep
    fi
    e2e_move "$w" "$key" && continue
    [ "$E2E_ROW" = 0 ] && [ "$sweep" = Down ] && { sweep=Up; continue; }
    break
  done
  fail "window $w: could not highlight a row showing /$re/"
}

# e2e_move WINDOW KEY: sends KEY and waits up to 2 s for the highlighted
# row (E2E_SEL_LINE) to change; false if it did not (the end of the list).
# Leaves the E2E_ variables as they were.
e2e_move() {
  local w=$1 was=$E2E_SEL_LINE line end=$((${EPOCHREALTIME/./} + 2000000))
  e2e_keys "$w" "$2"
  while [ "${EPOCHREALTIME/./}" -lt "$end" ]; do
    line=$($TM capture-pane -e -p -t "s:$w" 2>/dev/null | sed '1d;$d' | grep -m1 -E -- "$E2E_REVERSE")
    [ "$line" != "$was" ] && return 0
    sleep 0.05
  done
  return 1
}

# e2e_find_rows WINDOW REGEX: sets E2E_SEL to the screen row (from 1) of the
# highlighted entry (drawn in reverse video) and E2E_SEL_LINE to its text
# with attributes, E2E_ROW to the first row whose text matches REGEX; 0
# when there is none. The header and the status bar never count.
e2e_find_rows() {
  local w=$1 re=$2 n
  local -a raw plain
  mapfile -t raw < <($TM capture-pane -e -p -t "s:$w" 2>/dev/null)
  mapfile -t plain < <(printf '%s\n' "${raw[@]}" | sed 's/\x1b\[[0-9;]*[A-Za-z]//g')
  E2E_SEL=0 E2E_SEL_LINE="" E2E_ROW=0
  for ((n = 1; n < ${#raw[@]} - 1; n++)); do
    if [ "$E2E_SEL" = 0 ] && [[ ${raw[n]} =~ $E2E_REVERSE ]]; then
      E2E_SEL=$((n + 1)) E2E_SEL_LINE=${raw[n]}
    fi
    if [ "$E2E_ROW" = 0 ] && [[ ${plain[n]} =~ $re ]]; then
      E2E_ROW=$((n + 1))
    fi
  done
}

e2e_keys() { local w=$1; shift; $TM send-keys -t "s:$w" "$@"; }
# Types text literally (no key-name lookup).
e2e_type() { $TM send-keys -t "s:$1" -l -- "$2"; }
e2e_resize() { $TM resize-window -t "s:$1" -x "$2" -y "$3"; }
# The server writes while tests run (presence, penalties), so the shell
# waits for its lock like the server does; a statement that still fails
# fails the case rather than leaving the set-up half done.
e2e_sql() {
  sqlite3 -bail -cmd '.timeout 10000' "$DB" "$1" || fail "sqlite3 failed: $1"
}
# e2e_sql_is SQL WANT: true if SQL gives exactly WANT.
e2e_sql_is() { [ "$(e2e_sql "$1")" = "$2" ]; }

# e2e_until SECONDS WHAT COMMAND...: runs COMMAND every 0.1 s until it
# succeeds; fails with WHAT if it has not after SECONDS.
e2e_until() {
  local secs=$1 what=$2 i
  shift 2
  for i in $(seq $((secs * 10))); do
    "$@" && return 0
    sleep 0.1
  done
  fail "$what"
}

# Members made with `user add` have not accepted the code of conduct and
# may not post until they do (25-rules-accept shows that path); cases about
# other features start with everyone having accepted.
e2e_accept_rules() { e2e_sql "update users set rules_accepted_at = strftime('%s','now') where rules_accepted_at is null"; }

# The client matrix (tests/e2e/22-client-*.sh). Each client reaches the
# first screen with the member's name, opens the profile with one key,
# logs off, and exits by itself; every wait has a deadline, and a client
# still running at the end of its case is killed with the tmux server.
#
# e2e_client WINDOW COMMAND: runs an SSH client in a tmux window, then a
# marker with its exit status; HOME is the case's own, so no client reads
# or writes a known-hosts file of the machine's.
e2e_client() {
  local w=$1; shift
  mkdir -p "$T/home"
  E2E_CLIENT_T0=${EPOCHREALTIME/./}
  e2e_window "$w" "HOME=$T/home $*; echo '[client exited]' \$?; sleep 60"
}

# e2e_client_visit WINDOW NAME LOGIN: the first screen greets NAME, p shows
# the profile, q g y log off, the client exits 0, the server logs the end
# of LOGIN's session and no UI process is left. Prints the timings.
e2e_client_visit() {
  local w=$1 name=$2 login=$3 t1 ends
  ends=$(grep -c "session end: user=$login " "$T/server.log")
  e2e_see "$w" "Welcome.*$name" 15
  t1=${EPOCHREALTIME/./}
  e2e_keys "$w" p
  e2e_see "$w" 'Your profile'
  e2e_keys "$w" q
  e2e_see "$w" 'Main menu'
  e2e_keys "$w" g
  e2e_see "$w" 'Log off\? \[y/n\]'
  e2e_keys "$w" y
  e2e_see "$w" '\[client exited\] 0' 10
  e2e_until 5 "the server never logged the end of $login's session" \
    e2e_session_ended "$login" "$ends"
  e2e_until 5 "a UI process is left after $w logged off" e2e_no_ui
  echo "timing: $w first screen $(( (t1 - E2E_CLIENT_T0) / 1000 )) ms," \
    "logged off $(( (${EPOCHREALTIME/./} - E2E_CLIENT_T0) / 1000 )) ms after start"
}

# e2e_session_ended LOGIN N: the server has logged more than N ends of LOGIN's sessions.
e2e_session_ended() { [ "$(grep -c "session end: user=$1 " "$T/server.log")" -gt "$2" ]; }
