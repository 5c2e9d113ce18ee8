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
set -u
export LC_ALL=C.UTF-8
BIN="${E2E_BIN:?run through tests/run}"
T=$(mktemp -d -t e2e.XXXXXX)
DB="$T/test.db"
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
  "$BIN" serve --listen 127.0.0.1 --port "$PORT" --db "$DB" --keys "$T/keys" \
    --screens "$E2E_ROOT/screens" "$@" >>"$T/server.log" 2>&1 &
  SRV=$!
  for _ in $(seq 150); do
    (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && return 0
    kill -0 "$SRV" 2>/dev/null || break
    sleep 0.1
  done
  fail "server did not start on port $PORT"
}

e2e_stop_listener() { kill "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null; SRV=""; }

# e2e_user LOGIN "Name" ROLE PASSWORD [more user-add options]
e2e_user() {
  local login=$1 name=$2 role=$3 pw=$4; shift 4
  printf '%s\n' "$pw" | "$BIN" user add "$login" --name "$name" --role "$role" \
    --password-stdin --db "$DB" "$@" >/dev/null || fail "user add $login"
}

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
e2e_gone() {
  local w=$1 re=$2 secs=${3:-10} i
  for i in $(seq $((secs * 10))); do
    e2e_screen "$w" | grep -Eq -- "$re" || return 0
    sleep 0.1
  done
  fail "window $w still shows /$re/ after ${secs}s"
}

e2e_keys() { local w=$1; shift; $TM send-keys -t "s:$w" "$@"; }
# Types text literally (no key-name lookup).
e2e_type() { $TM send-keys -t "s:$1" -l -- "$2"; }
e2e_resize() { $TM resize-window -t "s:$1" -x "$2" -y "$3"; }
e2e_sql() { sqlite3 "$DB" "$1"; }

# Members made with `user add` have not accepted the code of conduct and
# may not post until they do (25-rules-accept shows that path); cases about
# other features start with everyone having accepted.
e2e_accept_rules() { e2e_sql "update users set rules_accepted_at = strftime('%s','now') where rules_accepted_at is null"; }
