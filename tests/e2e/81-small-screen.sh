# A phone in portrait: at 40x15 the main menu, a list (Who's online), a
# form (profile edit, values under their labels) and the editor all work,
# with side columns dropped; below that only "Terminal too small" shows,
# and q, Esc and Ctrl-C still log off.
. "$(dirname "$0")/lib.sh"
e2e_user kim "Kim Kovacs" alumni 'kim password 1'
e2e_user lee "Lee Lopez" student 'lee password 1'
e2e_accept_rules
e2e_start

e2e_login k kim 'kim password 1'
e2e_see k 'Welcome.*Kim Kovacs'
e2e_resize k 40 15
# The whole menu fits, labels only, from the first entry to Goodbye.
e2e_see k '\[G\] Goodbye'
e2e_see k '\[P\] Profile'
e2e_see k '^ +Main menu'
e2e_gone k 'Terminal too small'
e2e_screen k | grep -q 'Your profile, password' && fail "descriptions cut into 40 columns"

# A list: the name column stays, idle and where are dropped.
e2e_keys k w
e2e_see k "Who's online \(1\)"
e2e_see k '^ +Name +Login *$'
e2e_see k 'Kim Kovacs +kim'
e2e_keys k q
e2e_see k '\[G\] Goodbye'

# A form: the value goes on the line under its label.
e2e_keys k p; e2e_see k 'Your profile'
e2e_keys k e; e2e_see k 'Edit your profile'
e2e_choose k '^ +Specialty *$' Enter
e2e_type k 'Cardiology'; e2e_keys k Enter
e2e_see k '^ +Cardiology *$'
# The editor, from the form.
e2e_choose k '^ +Bio *$' Enter
e2e_see k 'Editing: Bio'
e2e_type k 'Small screens work too.'
e2e_see k 'Small screens work too\.'
e2e_keys k C-x
e2e_see k '[0-9]+ characters'
e2e_keys k s
e2e_see_words k 'Your profile has been saved'
e2e_until 5 "the bio was not saved" e2e_sql_is "select bio from users where login = 'kim'" 'Small screens work too.'

# One column less: nothing but the sentence, and q logs off from anywhere.
e2e_resize k 39 15
e2e_see_words k 'Terminal too small: need 40x15, this is 39x15'
e2e_see_words k 'press q to log off'
e2e_keys k q
e2e_see k '\[ssh exited\] 0'
e2e_see_words k 'terminal window was too small'

# Esc and Ctrl-C too, even inside a screen that would take the key.
e2e_login l lee 'lee password 1'
e2e_see l 'Welcome.*Lee Lopez'
e2e_keys l i; e2e_see l 'Inbox'
e2e_resize l 30 10
e2e_see_words l 'Terminal too small'
e2e_keys l x
sleep 0.3
e2e_screen l | grep -q 'ssh exited' && fail "a key other than q, Esc or Ctrl-C logged off"
e2e_keys l C-c
e2e_see l '\[ssh exited\] 0'
e2e_login m lee 'lee password 1'
e2e_see m 'Welcome.*Lee Lopez'
e2e_resize m 50 12
e2e_see_words m 'Terminal too small'
e2e_keys m Escape
e2e_see m '\[ssh exited\] 0'
exit 0
