# A private message being written when the connection drops is not lost:
# at the next login the member is offered the draft, and yes takes them to
# the conversation where the editor gives the text back.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Archer" alumni 'ann password 1'
e2e_user bob "Bob Baker" student 'bob password 1'
e2e_accept_rules
e2e_start

e2e_login a ann 'ann password 1'
e2e_see a 'Welcome.*Ann Archer'
e2e_keys a i
e2e_see a 'Inbox \(0\)'
e2e_keys a n
e2e_see a 'Write to which member'
e2e_type a 'bob'; e2e_keys a Enter
e2e_see a 'Conversation with Bob Baker'
e2e_keys a r
e2e_see a 'Message to Bob Baker'
e2e_type a 'Dear Bob, about your interview trip to Boston'
e2e_see a 'interview trip to Boston'
# Drop hard: the UI keeps what was typed as it goes.
$TM kill-window -t s:a
e2e_login a2 ann 'ann password 1'
e2e_see a2 'unsent draft \(a message to Bob Baker\)'
e2e_keys a2 y
e2e_see a2 'Conversation with Bob Baker'
e2e_see a2 'Press r'
e2e_keys a2 r
e2e_see a2 'Message to Bob Baker'
e2e_see a2 'unsent draft here \(45 characters'
e2e_keys a2 y
e2e_see a2 'interview trip to Boston'
# Nothing was sent to Bob on the way.
[ "$(e2e_sql "select count(*) from messages")" = 0 ] || fail "the draft was sent"
exit 0
