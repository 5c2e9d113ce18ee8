# Two members on the boards over real SSH: Ann starts a thread, Ben sees it
# unread, replies quoting her post, Ann sees the reply under her post; a post
# full of terminal escapes shows inert; a connection dropped mid-reply gives
# the draft back at the next login, and sending it shows it in the thread.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Archer" alumni 'ann password 1'
e2e_user ben "Ben Baker" student 'ben password 1'
e2e_accept_rules
e2e_start

e2e_login a ann 'ann password 1'
e2e_see a 'Welcome.*Ann Archer'
e2e_login b ben 'ben password 1'
e2e_see b 'Welcome.*Ben Baker'

# Ben joins Philadelphia.
e2e_keys b c; e2e_see b 'All communities'
e2e_choose b '^ +Philadelphia +region '
e2e_see b 'around Philadelphia, home'
e2e_keys b j; e2e_see b 'You joined Philadelphia'
e2e_see b '\+ Philadelphia +region +1 +0 '

# Ann starts a thread there.
e2e_keys a c; e2e_see a 'All communities'
e2e_choose a '^ +Philadelphia +region ' Enter
e2e_see a 'Philadelphia +\(regional network'
e2e_keys a n; e2e_see a 'Title:'
e2e_type a 'Moving to Philly'; e2e_keys a Enter
e2e_see a 'Editing: New thread: Moving to Philly'
e2e_type a 'Where should a new resident live?'
e2e_keys a C-x
e2e_see a 'Your thread is started'

# Ben's list updates by itself: one unread post, the thread marked.
e2e_see b '\+ Philadelphia +region +1 +1 ' 20
e2e_keys b Enter
e2e_see b '\* +Moving to Philly +Ann Archer +0 '
e2e_keys b Enter
e2e_see b 'Where should a new resident live\?'
e2e_see b 'Ann Archer .*\*new\*'
e2e_keys b Q
e2e_see b 'Editing: Reply to Ann Archer'
e2e_see b '> Where should a new resident live\?'
e2e_type b 'Fairmount is lovely.'
e2e_keys b C-x
e2e_see b 'Your reply is posted'

# Ann, still in her thread, sees the reply under her post, and a notice.
e2e_see a '│ Ben Baker' 20
e2e_see a '│ > Where should a new resident live\?'
e2e_see a '│ Fairmount is lovely\.'
scr=$(e2e_screen a)
first=$(printf '%s\n' "$scr" | grep -n 'Where should a new resident live' | head -1 | cut -d: -f1)
reply=$(printf '%s\n' "$scr" | grep -n '│ Ben Baker' | head -1 | cut -d: -f1)
[ -n "$first" ] && [ -n "$reply" ] && [ "$reply" -gt "$first" ] || fail "reply not under the post it answers"
e2e_see a '1 notice'

# A post that tries to clear the screen and set the window title.
e2e_sql "update posts set body = 'Evil' || char(27) || '[2J' || char(27) || ']2;pwned' || char(7) || 'Post' where body like '%Fairmount%'"
e2e_see a '│ Evil.*\[2J.*Post'
[ "$($TM display-message -p -t s:a '#{pane_title}')" != pwned ] || fail "a post set the terminal title"
e2e_screen a | head -1 | grep -q 'mentorbbs' || fail "header bar lost: the screen was cleared"

# Ben starts another reply to Ann's post and the connection drops mid-post.
e2e_choose b '^ +Ann Archer ' r
e2e_see b 'Editing: Reply to Ann Archer'
e2e_type b 'half-typed reply that must survive'
e2e_see b 'half-typed reply that must survive'
e2e_drop b
e2e_until 5 "draft not saved on hangup" \
  e2e_sql_is "select count(*) from drafts where text like 'half-typed%'" 1
e2e_login c ben 'ben password 1'
e2e_see c 'You have an unsent draft'
e2e_keys c y
e2e_see c 'Editing: Reply to Ann Archer'
e2e_see c 'half-typed reply that must survive'
e2e_type c ' -- and it did.'
e2e_keys c C-x
e2e_see c 'Your reply is posted'
# The thread under the editor shows it at once, like any reply made there.
e2e_see c 'Moving to Philly +\(3 posts\)'
e2e_see c 'half-typed reply that must survive -- and it did\.'
[ "$(e2e_sql "select count(*) from drafts")" = 0 ] || fail "draft left after posting"
[ "$(e2e_sql "select count(*) from posts where body like 'half-typed reply that must survive -- and it did.'")" = 1 ] || fail "the resumed reply was not stored"
"$BIN" db check --db "$DB" >/dev/null || fail "db check"
exit 0
