# Password, keyboard-interactive and key logins land on the first screen
# that greets the member by display name, whatever the case of the login;
# a wrong password is refused.
. "$(dirname "$0")/lib.sh"
e2e_keygen id
e2e_user alice "Alice Ödegaard 安娜" alumni 'alice password' --pubkey "$T/id.pub"
# Six sessions of alice's at once below: one more than the default cap.
printf '[limits]\nsessions_per_member = 10\n' >"$T/login.conf"
e2e_start --config "$T/login.conf"

e2e_login pw alice 'alice password' -o PreferredAuthentications=password
e2e_see pw 'Welcome.*Alice Ödegaard 安娜'
e2e_login kbd alice 'alice password' -o PreferredAuthentications=keyboard-interactive
e2e_see kbd 'Welcome.*Alice Ödegaard 安娜'
e2e_window key "ssh $SSHO -o BatchMode=yes -i $T/id -p $PORT alice@127.0.0.1"
e2e_see key 'Welcome.*Alice Ödegaard 安娜'

out=$(e2e_try_password alice 'wrong password')
echo "$out" | grep -qi denied || fail "wrong password not refused: $out"
out=$(e2e_try_password nosuchuser 'whatever pw')
echo "$out" | grep -qi denied || fail "unknown login not refused: $out"
grep -q 'auth failure: method=password user=alice' "$T/server.log" || fail "auth failure not logged"
grep -q 'auth success: method=publickey user=alice' "$T/server.log" || fail "key auth not logged"
grep -q 'wrong password' "$T/server.log" && fail "a password reached the log"

# Logins are lower case: Alice@ is alice, by every method, and so is
# the command line's lookup.
e2e_login pw2 Alice 'alice password' -o PreferredAuthentications=password
e2e_see pw2 'Welcome.*Alice Ödegaard 安娜'
e2e_login kbd2 ALICE 'alice password' -o PreferredAuthentications=keyboard-interactive
e2e_see kbd2 'Welcome.*Alice Ödegaard 安娜'
e2e_window key2 "ssh $SSHO -o BatchMode=yes -i $T/id -p $PORT aLice@127.0.0.1"
e2e_see key2 'Welcome.*Alice Ödegaard 安娜'
grep -q 'auth success: method=password user=alice ' "$T/server.log" || fail "Alice not logged as alice"
"$BIN" user set Alice --role alumni --db "$DB" >/dev/null || fail "user set Alice did not find alice"

# A command instead of a shell is refused with a message.
out=$(ssh $SSHO -o BatchMode=yes -i "$T/id" -p "$PORT" alice@127.0.0.1 ls 2>&1 </dev/null)
echo "$out" | grep -q 'interactive session only' || fail "exec not refused clearly: $out"
exit 0
