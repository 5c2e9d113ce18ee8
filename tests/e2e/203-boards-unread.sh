# Posts that arrive while a member is in a thread stay unread until the
# member has them on screen: Ben sits in Ann's thread, Ann replies, Ben's
# view refreshes by itself (the count goes up) but the reply is below what
# he sees; he leaves, and the new-posts scan still offers Ann's reply.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Archer" alumni 'ann password 1'
e2e_user ben "Ben Baker" student 'ben password 1'
e2e_accept_rules
e2e_join ben philadelphia
ben=$(e2e_uid ben)
e2e_start

e2e_login a ann 'ann password 1'
e2e_see a 'Welcome.*Ann Archer'
e2e_keys a c; e2e_see a 'All communities'
e2e_choose a '^ +Philadelphia +region ' Enter
e2e_see a 'Philadelphia +\(regional network, 1 member\)'
e2e_keys a n; e2e_see a 'Title:'
e2e_type a 'Moving to Philly'; e2e_keys a Enter
e2e_see a 'Editing: New thread: Moving to Philly'
# A first post longer than the screen, so a reply lands out of sight.
for i in $(seq 1 30); do e2e_type a "Neighbourhood note $i"; e2e_keys a Enter; done
e2e_see a 'Neighbourhood note 30'
e2e_keys a C-x
e2e_see a 'Your thread is started'

e2e_login b ben 'ben password 1'
e2e_see b 'Welcome.*Ben Baker'
e2e_keys b r
e2e_see b 'Philadelphia > Moving to Philly'
e2e_keys b t
e2e_see b 'Moving to Philly +\(1 post\)'
e2e_see b 'f follow  x mute  q back  \? help'
# Following: the footer offers the way back.
e2e_keys b f
e2e_see b 'Following: new replies'
e2e_see b 'f unfollow  x mute  q back  \? help'

# Ann replies while Ben reads; Ben's header follows, the reply is not shown.
e2e_keys a r; e2e_see a 'Editing: Reply to Ann Archer'
e2e_type a 'Late reply about parking.'
e2e_keys a C-x
e2e_see a 'Your reply is posted'
e2e_see b 'Moving to Philly +\(2 posts' 20
e2e_screen b | grep -q 'Late reply about parking' && fail "the reply was on screen: the case needs it out of sight"
e2e_keys b q
e2e_gone b 'Moving to Philly +\(2 posts'
[ "$(e2e_sql "select last_read_id < (select max(id) from posts) from thread_reads where user_id = $ben")" = 1 ] ||
  fail "the reply Ben never saw counts as read"
e2e_keys b q; e2e_gone b 'New posts'
e2e_keys b r
e2e_see b 'New posts'
e2e_see b 'Late reply about parking'
exit 0
