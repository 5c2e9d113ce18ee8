# Registration through the wizard over real SSH: rules, login, name, role,
# program, year, password twice, linking the key the client logged in with;
# then the new member logs in again with that key and with the password.
. "$(dirname "$0")/lib.sh"
e2e_user taken "Taken Already" alumni 'taken password'
e2e_keygen id
e2e_start
e2e_window r "ssh $SSHO -o IdentitiesOnly=yes -i $T/id -p $PORT new@127.0.0.1; echo '[ssh exited]'; sleep 60"
e2e_see r 'Accept the rules\? \[y/n\]'
e2e_keys r y
e2e_see r 'Login:'
e2e_type r 'taken'; e2e_keys r Enter
e2e_see r 'That login is taken'
e2e_see r 'Login: taken'   # refused, text kept for editing
e2e_keys r C-u; e2e_type r 'Bad Login'; e2e_keys r Enter
e2e_see r 'lower-case'
e2e_keys r C-u; e2e_type r 'zed'; e2e_keys r Enter
e2e_see r 'Display name:'
e2e_type r $'Zed\u202eZhang'; e2e_keys r Enter
e2e_see r 'control|invisible'
# Another member's display name, in other case, is refused: no passing
# for someone else.
e2e_keys r C-u; e2e_type r 'taken ALREADY'; e2e_keys r Enter
e2e_see r 'Another member already uses that display name'
e2e_keys r C-u; e2e_type r 'Zed Zhang 张伟'; e2e_keys r Enter
e2e_see r 'Your role\?'
e2e_keys r s
e2e_see r 'Degree program'
e2e_type r 'MD'; e2e_keys r Enter
e2e_see r 'Graduation year:'
e2e_type r '2027'; e2e_keys r Enter
e2e_see r 'Password:'
# The same sentence as on the change-password screen: the field shows stars.
e2e_see_words r 'What you type shows as stars'
e2e_type r 'short'; e2e_keys r Enter
e2e_see r 'at least 10 characters'
e2e_keys r C-u; e2e_type r 'zed password one'; e2e_keys r Enter
e2e_see r 'Password again:'
e2e_type r 'zed password two'; e2e_keys r Enter
e2e_see r 'do not match'
e2e_see r 'Password:'
e2e_type r 'zed password one'; e2e_keys r Enter
e2e_see r 'Password again:'
e2e_type r 'zed password one'; e2e_keys r Enter
e2e_see r 'SHA256:'        # offer to link the key this client proved
e2e_keys r y
e2e_see r 'Welcome, Zed Zhang 张伟' 15
e2e_screen r | grep -qE 'peer=|info |warn ' && fail "a log line reached the member's screen"
# Log lines of the new member name the new login, not "new" or an id.
e2e_drop r
end=$((SECONDS + 10))
until grep -q 'terminal gone: user=zed' "$T/server.log"; do
  [ "$SECONDS" -lt "$end" ] || fail "the lost terminal was not logged by login: $(grep 'terminal gone' "$T/server.log")"
  sleep 0.1
done
grep -q 'registered: user=zed ' "$T/server.log" || fail "registration not logged by login"
# The session process learns the login too: its end line names zed.
e2e_until 10 "the session's end was not logged by login: $(grep 'session end' "$T/server.log")" \
  grep -q 'session end: user=zed ' "$T/server.log"
grep -q 'signed up: user=zed ' "$T/server.log" || fail "the session did not log the sign-up by login"
grep -E 'session end: user=new ' "$T/server.log" && fail "the session end still says user=new"
grep -E 'info .*user=[0-9]' "$T/server.log" && fail "a log line names a member by id"

[ "$(e2e_sql "select role||','||status||','||programs||','||grad_year from users where login='zed'")" = "student,active,MD,2027" ] \
  || fail "stored member: $(e2e_sql "select * from users where login='zed'")"
[ "$(e2e_sql "select count(*) from ssh_keys k join users u on u.id=k.user_id where u.login='zed'")" = 1 ] \
  || fail "key not linked"

e2e_window k "ssh $SSHO -o BatchMode=yes -o IdentitiesOnly=yes -i $T/id -p $PORT zed@127.0.0.1"
e2e_see k 'Welcome back, Zed Zhang 张伟'
e2e_login p zed 'zed password one'
e2e_see p 'Welcome back, Zed Zhang 张伟'
exit 0
