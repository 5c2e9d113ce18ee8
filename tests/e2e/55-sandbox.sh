# The UI process runs sandboxed (no_new_privs and a seccomp filter), and a
# server started as root runs every process as [server] user, for good.
. "$(dirname "$0")/lib.sh"
e2e_user erin "Erin Esposito" alumni 'erin password'
e2e_start
e2e_login a erin 'erin password'
e2e_see a 'Welcome.*Erin Esposito'
ui=$(pgrep -f -- "ui .*server\.db=$DB" | head -1)
[ -n "$ui" ] || fail "no UI process"
st=$(cat "/proc/$ui/status")
grep -qx $'NoNewPrivs:\t1' <<<"$st" || fail "UI without no_new_privs: $(grep NoNewPrivs <<<"$st")"
grep -qx $'Seccomp:\t2' <<<"$st" || fail "UI without a seccomp filter: $(grep Seccomp <<<"$st")"
grep -q 'cannot sandbox' "$T/server.log" && fail "the sandbox failed"
# The UI keeps working inside it: screens, the database, a goodbye.
e2e_keys a '?'
e2e_see a 'Help|help'
if [ -n "$E2E_USER" ]; then
  uid=$(id -u "$E2E_USER") gid=$(id -g "$E2E_USER")
  session=$(ps -o ppid= -p "$ui" | tr -d ' ')
  for p in "$SRV" "$session" "$ui"; do
    s=$(cat "/proc/$p/status")
    grep -qx $'Uid:\t'"$uid"$'\t'"$uid"$'\t'"$uid"$'\t'"$uid" <<<"$s" || fail "process $p: $(grep Uid <<<"$s")"
    grep -qx $'Gid:\t'"$gid"$'\t'"$gid"$'\t'"$gid"$'\t'"$gid" <<<"$s" || fail "process $p: $(grep Gid <<<"$s")"
    grep -qxE $'Groups:\t'"$gid"' ?' <<<"$s" || fail "process $p: $(grep Groups <<<"$s")"
    grep -qx $'CapEff:\t0000000000000000' <<<"$s" || fail "process $p: $(grep CapEff <<<"$s")"
  done
  grep -q "running as user $E2E_USER" "$T/server.log" || fail "the drop was not logged"
  # Without a usable user, root refuses to serve, with one line.
  for u in no-such-user root; do
    printf '[server]\nuser = %s\n' "$u" >"$T/bad-user.conf"
    out=$("$BIN" serve --listen 127.0.0.1 --port "$(free_port)" --db "$DB" --keys "$T/keys" \
      --config "$T/bad-user.conf" 2>&1)
    rc=$?
    [ "$rc" = 1 ] || fail "user=$u: serve exited $rc: $out"
    [ "$(printf '%s\n' "$out" | wc -l)" = 1 ] || fail "user=$u: more than one line: $out"
    grep -qE "user '$u' (does not exist|has uid or gid 0)" <<<"$out" || fail "user=$u: $out"
  done
fi
e2e_keys a q
exit 0
