# A member the sysop made has not seen the rules: the main menu says so and
# lists A (chosen first) until they accept, A shows them, y records the
# acceptance, and posting opens up.
. "$(dirname "$0")/lib.sh"
e2e_user alice "Alice Appleton" alumni 'alice password'
e2e_start

e2e_login a alice 'alice password'
e2e_see a 'Welcome.*Alice Appleton'
e2e_see a 'conduct: press A'
e2e_see a '\[A\] Accept rules'
[ "$(e2e_sql "select rules_accepted_at is null from users where login='alice'")" = 1 ] ||
  fail "rules accepted before the member said so"
e2e_keys a Enter
e2e_see a 'Accept the rules\? \[y/n\]'
e2e_keys a n
e2e_see a 'You can read everything'
[ "$(e2e_sql "select rules_accepted_at is null from users where login='alice'")" = 1 ] ||
  fail "n accepted the rules"
e2e_keys a A
e2e_see a 'Accept the rules\? \[y/n\]'
e2e_keys a y
e2e_see a 'You can now post'
e2e_gone a 'conduct: press A'
e2e_gone a '\[A\] Accept rules'
e2e_see a '\[G\] Goodbye'
[ "$(e2e_sql "select rules_accepted_at is not null from users where login='alice'")" = 1 ] ||
  fail "acceptance not recorded"
exit 0
