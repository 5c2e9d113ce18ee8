# The admin suspends a member who is online, from Administration > Members
# over real SSH: the member's session ends within 2 s with the reason and
# the end date (the time from the admin's Enter to the reason on the
# member's screen is printed); their next login is refused with the same;
# the audit log names the admin; lifting lets them back in.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Admin" alumni 'ann password' --admin
e2e_user mel "Mel Member" trainee 'mel password'
e2e_accept_rules
e2e_start

e2e_login m mel 'mel password'
e2e_see m 'Welcome.*Mel Member'
e2e_login a ann 'ann password'
e2e_see a 'Welcome.*Ann Admin'
e2e_keys a z; e2e_see a 'Sign-ups, sanctions'
e2e_keys a m; e2e_see a 'Find a member: their login\?'
# A login nobody has: refused, the text kept.
e2e_type a 'nobody'; e2e_keys a Enter
e2e_see a 'No member has that login'
e2e_keys a C-u; e2e_type a 'mel'; e2e_keys a Enter
e2e_see a 'Mel Member \(mel\): active, role trainee \(declared\)'
e2e_see a 'In good standing'
e2e_see a 'No sanctions'

e2e_keys a u; e2e_see a 'Suspend mel until when\?'
# A bad end date is refused and kept.
e2e_type a '99999'; e2e_keys a Enter
e2e_see a 'number of days from 1 to 3650'
e2e_keys a C-u; e2e_type a '3'; e2e_keys a Enter
e2e_see a 'The reason the member will read\?'
e2e_type a 'Threats in private messages'
until=$(date -u -d '+3 days' +%F)
start=${EPOCHREALTIME/./}
e2e_keys a Enter
# Poll the member's window as fast as tmux answers, with a deadline.
end=$((start + 2000000)); seen=0
while [ "${EPOCHREALTIME/./}" -lt "$end" ]; do
  if e2e_screen m | tr -s ' \n' '  ' | grep -q 'You are suspended until .*Threats in private messages'; then
    seen=1; break
  fi
  sleep 0.02
done
ms=$(( (${EPOCHREALTIME/./} - start) / 1000 ))
[ "$seen" = 1 ] || fail "the member's session did not show the suspension within 2 s"
echo "suspension: admin's Enter to the reason on the member's screen: ${ms} ms"
e2e_see_words m "You are suspended until $until"
e2e_see m 'ssh exited' 3
e2e_see a 'mel: suspended'
e2e_see a 'suspend +\[in force\] until .* by ann: Threats'

# At login: refused with the same sentence.
e2e_login m2 mel 'mel password'
e2e_see_words m2 "You are suspended until $until .*Threats in private messages"
e2e_see m2 'ssh exited'

e2e_sql_is "select actor||' '||action||' '||target||' '||reason from audit_log where action='sanction.suspend'" \
  'ann sanction.suspend mel Threats in private messages' || fail "audit: $(e2e_sql 'select * from audit_log')"

# Lifted early with a reason: back in.
e2e_choose a '^ +suspend ' 
e2e_keys a l; e2e_see a 'Lift the suspend of mel early: why\?'
e2e_type a 'Apology accepted'; e2e_keys a Enter
e2e_see a 'Lifted'
e2e_see a '\[lifted\]'
e2e_login m3 mel 'mel password'
e2e_see m3 'Welcome.*Mel Member'
exit 0
