# Approval mode over real SSH: a newcomer signs up with the `new` login
# wizard; the admin online is told at once, finds the sign-up in
# Administration > Sign-ups with the declared role, approves it verifying
# the role; the newcomer's live session is told and they can post. A second
# sign-up is rejected and that login is refused with the reason.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Admin" alumni 'ann password' --admin
e2e_accept_rules
printf '[registration]\nmode = approval\n' >"$T/approval.conf"
e2e_start --config "$T/approval.conf"

e2e_login a ann 'ann password'
e2e_see a 'Welcome.*Ann Admin'

# signup WINDOW LOGIN NAME ROLEKEY PASSWORD: the wizard, by password.
signup() {
  local w=$1 login=$2 name=$3 role=$4 pw=$5
  e2e_window "$w" "ssh $SSHO -o PubkeyAuthentication=no -o PreferredAuthentications=keyboard-interactive -p $PORT new@127.0.0.1; echo '[ssh exited]'; sleep 60"
  e2e_see "$w" 'Accept the rules\? \[y/n\]'
  e2e_keys "$w" y; e2e_see "$w" 'Login:'
  e2e_type "$w" "$login"; e2e_keys "$w" Enter; e2e_see "$w" 'Display name:'
  e2e_type "$w" "$name"; e2e_keys "$w" Enter; e2e_see "$w" 'Your role\?'
  e2e_keys "$w" "$role"; e2e_see "$w" 'Degree program'
  e2e_type "$w" 'MD'; e2e_keys "$w" Enter; e2e_see "$w" 'Graduation year:'
  e2e_type "$w" '2024'; e2e_keys "$w" Enter; e2e_see "$w" 'Password:'
  e2e_type "$w" "$pw"; e2e_keys "$w" Enter; e2e_see "$w" 'Password again:'
  e2e_type "$w" "$pw"; e2e_keys "$w" Enter
  e2e_see "$w" 'awaiting approval' 15
}
signup r ivy 'Ivy Ito' t 'ivy password 1'

# The admin's live session is told, by the status bar, within 2 s.
e2e_see a '1 notice' 3
e2e_sql_is "select count(*) from notices n join users u on u.id = n.user_id where u.login = 'ann'
  and n.text = 'New sign-up waiting for approval: ivy (Ivy Ito, trainee)'" 1 \
  || fail "no sign-up notice: $(e2e_sql 'select * from notices')"
e2e_keys a n; e2e_see a 'New sign-up waiting for approval: ivy'
e2e_keys a q
e2e_keys a z; e2e_see a 'Sign-ups, sanctions'
e2e_keys a p; e2e_see a 'Sign-ups waiting for approval'
e2e_see a 'ivy +Ivy Ito, declared Trainee'
e2e_see a 'MD 2024'

# While pending, Ivy reads but cannot post.
e2e_keys r c; e2e_see r 'All communities'
e2e_choose r '^ +Philadelphia +region ' Enter
e2e_see r 'Philadelphia +\(regional network'
e2e_keys r n; e2e_see r 'awaiting approval'

e2e_keys a a; e2e_see a 'Approve ivy as Trainee.*\(role verified\)'
e2e_type a 'Known to the residency office'; e2e_keys a Enter
e2e_see a 'ivy was approved and told'
e2e_see a 'Nobody is waiting'
# Ivy's session hears it within 2 s, and now she posts.
e2e_see r '1 notice' 3
e2e_gone r 'Ivy Ito \(awaiting approval\)' 3
e2e_keys r n; e2e_see r 'Title:'
e2e_type r 'Hello from a new resident'; e2e_keys r Enter
e2e_see r 'Editing: New thread'
e2e_type r 'Glad to be here.'
e2e_keys r C-x
e2e_see r 'Your thread is started'
e2e_sql_is "select status||','||(role_verified_at is not null) from users where login='ivy'" 'active,1' \
  || fail "ivy: $(e2e_sql "select status, role_verified_at from users where login='ivy'")"
e2e_sql_is "select actor||' '||action||' '||target from audit_log where action like 'signup.%'" \
  'ann signup.approve ivy' || fail "audit: $(e2e_sql 'select * from audit_log')"

# A second sign-up, rejected with a reason: the login is refused with it.
signup r2 bob 'Bob Bogus' a 'bob password 1'
e2e_see a 'bob +Bob Bogus, declared Alumni' 5
e2e_keys a r; e2e_see a 'Reject bob: the reason they will read\?'
e2e_type a 'We could not find you among our alumni'; e2e_keys a Enter
e2e_see a 'bob was rejected'
# The live session of the rejected sign-up ends with the reason too.
e2e_see_words r2 'Your sign-up was not approved: We could not find you among our alumni' 3
e2e_login b bob 'bob password 1'
e2e_see_words b 'Your sign-up was not approved: We could not find you among our alumni'
e2e_see b 'ssh exited'
exit 0
