# Notices open what they are about (issue 12 point 13), over real SSH:
# Enter on a reply notice opens the thread at the reply; Enter on a
# mentorship-request notice opens the request; a notice with nothing to
# open says so; and reading a conversation from the inbox marks its
# first-message notice seen without a visit to Notices.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Archer" alumni 'ann password 1'
e2e_user ben "Ben Baker" student 'ben password 1'
e2e_user cat "Cat Cole" trainee 'cat password 1'
e2e_sql "update users set open_to_mentoring = 1, max_mentees = 2, specialty = 'Cardiology'
  where login = 'ann'"
e2e_accept_rules
e2e_start
# to_main WINDOW: q, one screen at a time, until the main menu shows.
to_main() {
  local i
  for i in 1 2 3 4 5 6; do
    e2e_screen "$1" | grep -q '  Main menu' && return 0
    e2e_keys "$1" q; sleep 0.5
  done
  e2e_see "$1" '  Main menu'
}
e2e_login a ann 'ann password 1'
e2e_see a 'Welcome.*Ann Archer'
e2e_login b ben 'ben password 1'
e2e_see b 'Welcome.*Ben Baker'
e2e_login c cat 'cat password 1'
e2e_see c 'Welcome.*Cat Cole'

# Ann starts a thread; Ben replies to it.
e2e_keys a c; e2e_see a 'All communities'
e2e_choose a '^ +Philadelphia +region ' Enter
e2e_see a 'Philadelphia +\(regional network'
e2e_keys a n; e2e_see a 'Title:'
e2e_type a 'Moving to Philly'; e2e_keys a Enter
e2e_see a 'Editing: New thread: Moving to Philly'
e2e_type a 'Where should a new resident live?'
e2e_keys a C-x
e2e_see a 'Your thread is started'
to_main a
e2e_keys b c; e2e_see b 'All communities'
e2e_choose b '^ +Philadelphia +region ' Enter
e2e_see b 'Moving to Philly'
e2e_keys b Enter
e2e_see b 'Where should a new resident live\?'
e2e_keys b r
e2e_see b 'Editing: Reply to Ann Archer'
e2e_type b 'Fairmount is lovely.'
e2e_keys b C-x
e2e_see b 'Your reply is posted'

# Ann: Enter on the notice opens the thread at Ben's reply, highlighted.
e2e_see a '1 notice: Ben Baker replied' 5
e2e_keys a n; e2e_see a 'Ben Baker replied to your post in "Moving to Philly"'
e2e_choose a 'Ben Baker replied to your post' Enter
e2e_see a 'Moving to Philly'
e2e_see a 'Fairmount is lovely\.'
e2e_find_rows a 'Ben Baker'
[ "$E2E_SEL" -gt 0 ] && [ "$E2E_SEL" = "$E2E_ROW" ] || fail "the thread did not open at the reply"
e2e_keys a q; e2e_see a 'Notices'

# Cat asks Ann for mentorship from her profile (Who's online).
e2e_keys c w; e2e_see c "Who's online \(3\)"
e2e_choose c 'Ann Archer' Enter
e2e_see c 'Profile of Ann Archer'
e2e_keys c r; e2e_see c 'Request mentorship from Ann Archer'
e2e_keys c e; e2e_see c 'Editing'
e2e_type c 'I want to apply to cardiology fellowships; could you review my plan?'
e2e_keys c C-x
e2e_see c 'Message ready'
e2e_keys c s
e2e_see c 'Request sent to Ann Archer'

# Ann's Notices list updates; Enter opens the request itself.
e2e_see a 'Cat Cole asked you for mentorship' 5
e2e_choose a 'Cat Cole asked you for mentorship' Enter
e2e_see a 'Mentoring Cat Cole'
e2e_see a 'could you review my plan'
e2e_keys a q; e2e_see a 'Notices'

# A notice about nothing in particular says so on Enter.
e2e_sql "insert into notices (user_id, kind, text, created_at) select id, 'moderation',
  'A moderator vouched for you', strftime('%s','now') from users where login = 'ann'"
e2e_see a 'A moderator vouched for you' 5
e2e_choose a 'A moderator vouched for you' Enter
e2e_see a 'This notice has nothing to open\.'
e2e_screen a | grep -q 'Notices' || fail "Enter on a notice without a target left the list"

# Ben writes to Cat for the first time: a notice about the conversation.
to_main b
e2e_keys b i; e2e_see b 'Inbox \(0\)'
e2e_keys b n; e2e_see b 'Write to which member'
e2e_type b 'cat'; e2e_keys b Enter
e2e_see b 'Conversation with Cat Cole \(cat\)'
e2e_keys b r; e2e_see b 'Message to Cat Cole'
e2e_type b 'Hello Cat, are you at the Philly meetup?'
e2e_keys b C-x
e2e_see b 'Message sent to Cat Cole'
to_main c
e2e_see c '1 notice: Ben Baker wrote to' 5
[ "$(e2e_sql "select count(*) from notices n join users u on u.id = n.user_id
  where u.login = 'cat' and n.target_kind = 'conversation' and n.seen_at is null")" = 1 ] ||
  fail "no unseen conversation notice for cat"
# Cat reads it from the inbox, not from Notices: the notice is seen.
e2e_keys c i; e2e_see c 'Ben Baker +1 new'
e2e_choose c 'Ben Baker' Enter
e2e_see c 'Hello Cat, are you at the Philly meetup\?'
e2e_gone c 'notice' 3
[ "$(e2e_sql "select count(*) from notices n join users u on u.id = n.user_id
  where u.login = 'cat' and n.seen_at is null")" = 0 ] ||
  fail "reading the conversation left its notice unseen"
exit 0
