# The HOST edit form at 80x24 has more fields than rows: the last row says
# "(more: PgDn)", and paging down brings the private fields at the end into view.
. "$(dirname "$0")/lib.sh"
e2e_user hal "Hal Host" alumni 'hal password'
e2e_accept_rules
e2e_start
e2e_login a hal 'hal password'
e2e_see a 'Welcome.*Hal Host'
e2e_keys a o; e2e_see a 'HOST program'
e2e_keys a e; e2e_see a 'Your host profile'
e2e_screen a | grep -q 'Phone (private)' && fail "the whole form fit: the test needs a smaller terminal"
e2e_see a '\(more: PgDn\)'
e2e_keys a PageDown PageDown PageDown; e2e_see a 'Phone \(private\)'
e2e_see a '\(back: PgUp\)|\(more: PgDn, back: PgUp\)'
exit 0
