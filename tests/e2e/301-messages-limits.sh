# Private messages, the rules at the edges over real SSH: the size cap and
# the rate limit from [messages] (a new member gets the stricter one), a
# pending member cannot send, a stored message full of escapes shows
# inert, flag to the moderators, archive and delete for oneself, and a
# resize keeps the conversation drawn.
. "$(dirname "$0")/lib.sh"
cat >"$T/test.conf" <<EOF
[messages]
burst = 5
per_hour = 10
burst_new = 2
per_hour_new = 4
max_chars = 40
EOF
e2e_user cid "Cid Cole" alumni 'cid password 1'
e2e_user dee "Dee Dunn" trainee 'dee password 1'
e2e_user pat "Pat Pending" student 'pat password 1'
e2e_accept_rules
e2e_sql "update users set status = 'pending' where login = 'pat'"
e2e_start --config "$T/test.conf"

e2e_login c cid 'cid password 1'
e2e_see c 'Welcome.*Cid Cole'
e2e_login d dee 'dee password 1'
e2e_see d 'Welcome.*Dee Dunn'

# Cid writes from Dee's profile (Who's online, Enter, m).
e2e_keys c w
e2e_see c 'Dee Dunn'
e2e_choose c '^ +Dee Dunn( |$)' Enter
e2e_see c 'Profile of Dee Dunn'
e2e_see c 'm message'
e2e_keys c m
e2e_see c 'Conversation with Dee Dunn \(dee\)'
# The size cap: the editor takes 40 characters and says so.
e2e_keys c r
e2e_see c 'Message to Dee Dunn'
e2e_type c "$(printf 'y%.0s' $(seq 45))"
e2e_see c 'limited to 40 characters'
e2e_keys c C-x
e2e_see c 'Message sent to Dee Dunn'
# Cid joined today: two messages in a row, the third is refused with when
# the next is possible (the bucket refills by 2 an hour), and the editor
# stays open with the text, as a refused board post does.
e2e_keys c r; e2e_see c 'Message to Dee Dunn'
e2e_type c 'second one'; e2e_keys c C-x
e2e_see c 'Message sent to Dee Dunn'
e2e_keys c r; e2e_see c 'Message to Dee Dunn'
e2e_type c 'third one, too fast'; e2e_keys c C-x
e2e_see_words c 'That is more than 2 messages in a short time: you can send messages again in (29|30) minutes \(at [0-9]{2}:[0-9]{2} UTC\)\. Your text is kept\.'
e2e_see c 'Message to Dee Dunn'
e2e_see c 'third one, too fast'
# Unchanged, Esc just closes the editor; r gives the text back again.
e2e_keys c Escape
e2e_see c 'Conversation with Dee Dunn'
e2e_keys c r
e2e_see c 'third one, too fast'
e2e_keys c Escape
e2e_see c 'Conversation with Dee Dunn'
[ "$(e2e_sql 'select count(*) from messages')" = 2 ] || fail "rate limit let a message through"

# A message with escape sequences (an old row, a bug elsewhere) is inert.
conv=$(e2e_sql "select id from conversations")
e2e_sql "insert into messages (conversation_id, sender_id, body, created_at) values ($conv, $(e2e_uid cid), 'evil' || char(27) || ']2;pwned' || char(7) || char(27) || '[2Jtext', strftime('%s','now'))"
e2e_sql "update conversations set last_id = (select max(id) from messages) where id = $conv"
e2e_sql "update conversation_members set unread = unread + 1 where conversation_id = $conv and user_id = $(e2e_uid dee)"

# Dee: status bar, inbox count, the conversation.
e2e_see d '3 new messages' 3
e2e_keys d i
e2e_see d 'Cid Cole +3 new'
e2e_keys d Enter
e2e_see d 'second one'
e2e_see d 'evil.*text'
[ "$($TM display-message -p -t s:d '#{pane_title}')" != pwned ] || fail "a message set the terminal title"
e2e_screen d | head -1 | grep -q 'mentorbbs' || fail "header lost: a message cleared the screen"
# Resize: still drawn, then back.
e2e_resize d 120 40
e2e_see d 'second one'
e2e_resize d 80 24
e2e_see d 'Conversation with Cid Cole'
# Flag the selected (newest) message with a type and a note.
e2e_keys d '!'
e2e_see d 'Flag a message from Cid Cole'
e2e_keys d 2; e2e_see d 'Note:'
e2e_type d 'Strange characters, maybe an attack'
e2e_keys d Enter
e2e_see d 'Flagged for the moderators'
[ "$(e2e_sql "select kind || ':' || type || ':' || note from flags")" = "message:inappropriate:Strange characters, maybe an attack" ] ||
  fail "flag not stored: $(e2e_sql 'select * from flags')"
# Delete one message for Dee only.
e2e_keys d d
e2e_see d 'Delete the selected message for you\? \[y/n\]'
e2e_keys d y
e2e_see d 'Message deleted for you'
e2e_gone d 'evil'
[ "$(e2e_sql 'select count(*) from messages')" = 3 ] || fail "delete for oneself removed the message"
# Archive asks first; then out of the inbox, into the archive; then delete
# it for Dee.
e2e_keys d a
e2e_see d 'Archive your conversation with Cid Cole\? \[y/n\]'
e2e_keys d n
e2e_see d 'Conversation with Cid Cole'
e2e_keys d a
e2e_see d 'Archive your conversation with Cid Cole\? \[y/n\]'
e2e_keys d y
e2e_see d 'Conversation with Cid Cole archived'
e2e_see d 'Inbox \(0\)'
e2e_keys d t
e2e_see d 'Archived conversations \(1\)'
e2e_keys d d
e2e_see d 'Delete your conversation with Cid Cole\? \[y/n\]'
e2e_keys d y
e2e_see d 'Archived conversations \(0\)'
# Cid still has everything.
e2e_keys c q
e2e_see c 'Profile of Dee Dunn'
e2e_keys c m
e2e_see c 'second one'

# Pat is awaiting approval: may read, may not send.
e2e_login p pat 'pat password 1'
e2e_see p 'awaiting approval'
e2e_keys p i
e2e_see p 'Inbox \(0\)'
e2e_keys p n; e2e_type p 'cid'; e2e_keys p Enter
e2e_see p 'Conversation with Cid Cole'
e2e_keys p r
e2e_see p 'once a sysop has approved your account'
[ "$(e2e_sql "select count(*) from messages where sender_id = $(e2e_uid pat)")" = 0 ] ||
  fail "a pending member sent a message"
exit 0
