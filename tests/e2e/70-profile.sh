# Profile edits over SSH survive a reconnect; an over-long field is refused
# with the text kept; a connection dropped mid-edit leaves the server healthy.
. "$(dirname "$0")/lib.sh"
e2e_user erin "Erin Evans" alumni 'erin password'
e2e_start
e2e_login a erin 'erin password'
e2e_see a 'Welcome.*Erin Evans'
e2e_keys a p; e2e_see a 'Your profile'
e2e_keys a e; e2e_see a 'Edit your profile'
e2e_choose a '^ +Specialty( |$)' Enter
e2e_type a 'Cardiology'; e2e_keys a Enter
e2e_see a 'Specialty +Cardiology'
# Position: 81 characters do not fit.
e2e_choose a '^ +Position( |$)' Enter
e2e_type a "$(printf 'x%.0s' $(seq 85))"
e2e_see a 'At most 80 characters fit here'
e2e_keys a C-u; e2e_type a 'Associate Professor'; e2e_keys a Enter
e2e_choose a '^ +Institution( |$)' Enter; e2e_type a 'Penn Medicine'; e2e_keys a Enter
e2e_choose a '^ +City( |$)' Enter; e2e_type a 'Philadelphia'; e2e_keys a Enter
e2e_choose a '^ +Bio( |$)' Enter
e2e_see a 'Editing: Bio'
e2e_type a 'I trained here and now mentor residents.'; e2e_keys a Enter
e2e_type a 'Ask me about fellowship applications.'
e2e_keys a C-x
e2e_see a 'Bio +[0-9]+ characters'
e2e_keys a s
e2e_see a 'Your profile has been saved'

# Reconnect: everything is still there.
# g asks like q: n stays on the main menu, y logs off.
e2e_keys a q; e2e_keys a g
e2e_see a 'Log off\? \[y/n\]'
e2e_keys a n
e2e_gone a 'Log off\?'
e2e_see a 'Goodbye'
e2e_keys a G
e2e_see a 'Log off\? \[y/n\]'
e2e_keys a y
e2e_see a 'ssh exited'
e2e_login b erin 'erin password'
e2e_see b 'Welcome back, Erin Evans'
e2e_keys b p
e2e_see b 'Cardiology'
e2e_see b 'Associate Professor'
e2e_see b 'Penn Medicine'
e2e_see b 'Philadelphia'
e2e_keys b NPage
e2e_see b 'Ask me about fellowship applications'

# Drop the connection in the middle of editing the bio.
e2e_keys b e; e2e_see b 'Edit your profile'
e2e_choose b '^ +Bio( |$)' Enter
e2e_see b 'Editing: Bio'
e2e_type b 'half-typed text that is never saved'
e2e_drop b
e2e_until 5 "UI process left after the client dropped" e2e_no_ui
[ "$(e2e_sql 'select count(*) from presence')" = 0 ] || fail "presence row left behind"
e2e_login c erin 'erin password'
e2e_see c 'Welcome back, Erin Evans'
e2e_keys c p; e2e_see c 'Your profile'; e2e_keys c NPage
e2e_see c 'Ask me about fellowship applications'
e2e_screen c | grep -q 'half-typed' && fail "unsaved text was saved"
"$BIN" db check --db "$DB" >/dev/null || fail "db check after the drop"
exit 0
