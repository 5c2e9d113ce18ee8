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
# One yes is enough: the editor opens on the conversation with the text.
e2e_see a2 'Message to Bob Baker'
e2e_see a2 'interview trip to Boston'
e2e_screen a2 | grep -q 'Restore it' && fail "asked a second time"
# Esc asks before the restored text is thrown away; n keeps it; Ctrl-X sends.
e2e_keys a2 Escape
e2e_see a2 'Discard changes'
e2e_keys a2 n
e2e_keys a2 C-x
e2e_see a2 'Message sent to Bob Baker'
[ "$(e2e_sql "select count(*) from drafts")" = 0 ] || fail "draft left after sending"
[ "$(e2e_sql "select count(*) from messages")" = 1 ] || fail "not exactly one message sent"

# Another draft, dropped; this time the member says no twice and leaves the
# editor untouched: the draft must still be there.
e2e_keys a2 r
e2e_see a2 'Message to Bob Baker'
e2e_type a2 'A second thought about housing'
e2e_see a2 'second thought about housing'
$TM kill-window -t s:a2
e2e_login a3 ann 'ann password 1'
e2e_see a3 'unsent draft \(a message to Bob Baker\)'
e2e_keys a3 n
e2e_keys a3 i; e2e_see a3 'Inbox'
e2e_keys a3 Enter; e2e_see a3 'Conversation with Bob Baker'
e2e_keys a3 r
e2e_see a3 'Restore it\? \[y/n\]'
e2e_keys a3 n
e2e_see a3 'The draft is kept'
e2e_keys a3 Escape
e2e_see a3 'still kept'
[ "$(e2e_sql "select count(*) from drafts where text like '%second thought%'")" = 1 ] ||
  fail "the declined draft was deleted"
exit 0
