# Rate limits stop floods, not conversation (issue 12 point 19), over real
# SSH with the shipped settings and members who joined today (the smaller
# pair: 5 posts and 8 messages in a row). Ben answers Ann's thread four
# times in a row and every reply goes through; going on as a flood, the
# sixth is refused with the sentence that says when he can post again,
# the editor still open with his text and nothing stored. Private
# messages behave the same: four in a row go through, the ninth is refused
# the same way.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Archer" alumni 'ann password 1'
e2e_user ben "Ben Baker" student 'ben password 1'
e2e_accept_rules
e2e_start
e2e_login a ann 'ann password 1'
e2e_see a 'Welcome.*Ann Archer'
e2e_login b ben 'ben password 1'
e2e_see b 'Welcome.*Ben Baker'

e2e_keys a c; e2e_see a 'All communities'
e2e_choose a '^ +Philadelphia +region ' Enter
e2e_see a 'Philadelphia +\(regional network'
e2e_keys a n; e2e_see a 'Title:'
e2e_type a 'Moving to Philly'; e2e_keys a Enter
e2e_see a 'Editing: New thread: Moving to Philly'
e2e_type a 'Where should a new resident live?'
e2e_keys a C-x
e2e_see a 'Your thread is started'

e2e_keys b c; e2e_see b 'All communities'
e2e_choose b '^ +Philadelphia +region ' Enter
e2e_see b 'Moving to Philly'
e2e_keys b Enter
e2e_see b 'Where should a new resident live\?'
# reply TEXT: one reply from Ben's thread view.
reply() {
  e2e_keys b r
  e2e_see b 'Editing: Reply to'
  e2e_type b "$1"
  e2e_keys b C-x
}
# An ordinary conversation: four replies in a row.
for i in 1 2 3 4; do
  reply "Reply number $i: Fairmount, then Fishtown."
  e2e_see b 'Your reply is posted'
  e2e_gone b 'Editing: Reply to'
done
[ "$(e2e_sql "select count(*) from posts where author_id = $(e2e_uid ben)")" = 4 ] ||
  fail "four replies in a row did not all go through"
# A flood: the fifth is still in the burst, the sixth is not.
reply "Reply number 5: the burst."
e2e_see b 'Your reply is posted'
reply "Reply number 6: one too many."
e2e_see_words b 'That is more than 5 posts in a short time: you can post again in [34] minutes \(at [0-9]{2}:[0-9]{2} UTC\)\. Your text is kept\.'
e2e_see b 'Editing: Reply to'
e2e_see b 'Reply number 6: one too many\.'
[ "$(e2e_sql "select count(*) from posts where author_id = $(e2e_uid ben)")" = 5 ] ||
  fail "the refused reply was stored"
e2e_keys b Escape
e2e_see b 'Discard changes\?|Moving to Philly'
e2e_screen b | grep -q 'Discard changes' && e2e_keys b y
e2e_see b 'Where should a new resident live\?'

# Private messages, the same shape: four in a row go through.
e2e_choose b '^ +Ann Archer +[0-9]{4}-' m
e2e_see b 'Conversation with Ann Archer \(ann\)'
send() {
  e2e_keys b r
  e2e_see b 'Message to Ann Archer'
  e2e_type b "$1"
  e2e_keys b C-x
}
for i in 1 2 3 4 5 6 7 8; do
  send "Message $i: are you free on Tuesday?"
  e2e_see b 'Message sent to Ann Archer'
  e2e_gone b 'Editing'
  if [ $i = 4 ]; then
    [ "$(e2e_sql "select count(*) from messages")" = 4 ] || fail "four messages in a row did not all go through"
  fi
done
send "Message 9: one too many."
e2e_see_words b 'That is more than 8 messages in a short time: you can send messages again in [0-9]+ minutes \(at [0-9]{2}:[0-9]{2} UTC\)\. Your text is kept\.'
e2e_see b 'Message to Ann Archer'
e2e_see b 'Message 9: one too many\.'
[ "$(e2e_sql "select count(*) from messages")" = 8 ] || fail "the refused message was stored"
exit 0
