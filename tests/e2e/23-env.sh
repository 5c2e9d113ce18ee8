# The client's env requests: the allow-listed names with good values reach
# the UI process's environment; other names, and good names with bad
# values, do not, and the login goes on as if they had not been sent.
. "$(dirname "$0")/lib.sh"
e2e_user alice "Alice Ödegaard" alumni 'alice password'
e2e_start
# -F /dev/null: Debian's ssh_config sends LANG and LC_* from the client's
# environment; here only what each command asks for is sent.
SSHO="-F /dev/null $SSHO"

# ui_environ: the environment of this case's only UI process, one per line.
ui_environ() {
  local pid
  pid=$(pgrep -f -- "ui .*server\.db=$DB") || fail "no UI process"
  [ "$(echo "$pid" | wc -l)" -eq 1 ] || fail "more than one UI process: $pid"
  tr '\0' '\n' <"/proc/$pid/environ"
}
has() { echo "$envs" | grep -qx -- "$1" || fail "the UI's environment lacks $1: $(echo $envs)"; }
lacks() { echo "$envs" | grep -q -- "$1" && fail "the UI's environment has $1: $(echo $envs)"; return 0; }

e2e_window a "NO_COLOR=1 sshpass -p 'alice password' ssh $SSHO -o PubkeyAuthentication=no" \
  "-o SendEnv=NO_COLOR -o SetEnv='TZ=Asia/Tokyo COLORTERM=truecolor LC_TIME=C.UTF-8" \
  "LD_PRELOAD=/tmp/x.so FOO=bar LC_CTYPE=/etc/passwd' -p $PORT alice@127.0.0.1; echo '[ssh exited]' \$?; sleep 60"
e2e_see a 'Welcome.*Alice Ödegaard'
envs=$(ui_environ)
has NO_COLOR=1
has TZ=Asia/Tokyo
has COLORTERM=truecolor
has LC_TIME=C.UTF-8
has LANG=C.UTF-8
has TERM=.*
lacks LD_PRELOAD
lacks FOO
lacks LC_CTYPE
# The member chose a locale variable: the server's LC_ALL would hide it.
lacks LC_ALL
[ "$(echo "$envs" | wc -l)" -eq 7 ] || fail "more in the UI's environment than expected: $(echo $envs)"
line=$(grep 'run_ui: session start: user=alice ' "$T/server.log" | tail -1)
echo "$line" | grep -Eq ' env=([A-Z_]+,){3}[A-Z_]+$' || fail "session start does not list 4 variables: $line"
for n in NO_COLOR TZ COLORTERM LC_TIME; do
  echo "$line" | grep -Eq "env=(.*,)?$n(,|$)" || fail "$n not logged: $line"
done
grep -Eq 'LD_PRELOAD|FOO|/etc/passwd' "$T/server.log" && fail "a refused variable reached the log"
e2e_keys a g; e2e_see a 'Log off\? \[y/n\]'; e2e_keys a y; e2e_see a 'ssh exited'
e2e_until 5 "a UI process is left" e2e_no_ui

# A locale the server does not have: the UI still speaks UTF-8 (C.UTF-8).
e2e_window b "sshpass -p 'alice password' ssh $SSHO -o PubkeyAuthentication=no" \
  "-o SetEnv='LANG=xx_XX.ISO-8859-1' -p $PORT alice@127.0.0.1; echo '[ssh exited]' \$?; sleep 60"
e2e_see b 'Welcome.*Alice Ödegaard'
envs=$(ui_environ)
has LANG=xx_XX.ISO-8859-1
lacks LC_ALL
grep -q 'run_ui: session start: user=alice .* env=LANG$' "$T/server.log" || fail "LANG not logged"

# Without env requests the UI gets the server's locale and nothing more.
e2e_window c "sshpass -p 'alice password' ssh $SSHO -o PubkeyAuthentication=no -p $PORT alice@127.0.0.1"
e2e_see c 'Welcome.*Alice Ödegaard'
grep -q 'run_ui: session start: user=alice .* env=-$' "$T/server.log" || fail "no session logged env=-"
exit 0
