# The board posting rate limit over real SSH: with [boards] allowing one
# post in a row and one an hour, Ann's thread is started, her reply right
# after is refused with a sentence that says when she can post again, and
# the editor stays open with her text.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Archer" alumni 'ann password 1'
e2e_accept_rules
printf '[boards]\nburst = 1\nper_hour = 1\nburst_new = 1\nper_hour_new = 1\n' > "$T/rate.conf"
e2e_start --config "$T/rate.conf"

e2e_login a ann 'ann password 1'
e2e_see a 'Welcome.*Ann Archer'
e2e_keys a c; e2e_see a 'All communities'
e2e_choose a '^ +Philadelphia +region ' Enter
e2e_see a 'Philadelphia +\(regional network'
e2e_keys a n; e2e_see a 'Title:'
e2e_type a 'Moving to Philly'; e2e_keys a Enter
e2e_see a 'Editing: New thread: Moving to Philly'
e2e_type a 'Where should a new resident live?'
e2e_keys a C-x
e2e_see a 'Your thread is started'

# A second post within the minute: refused, the text kept in the editor.
e2e_see a 'Where should a new resident live\?'
e2e_keys a r
e2e_see a 'Editing: Reply to Ann Archer'
e2e_type a 'Also, parking tips welcome.'
e2e_keys a C-x
e2e_see_words a 'You can write at most 1 post an hour: you can post again in (59|60) minutes \(at [0-9]{2}:[0-9]{2} UTC\)\. Your text is kept\.'
e2e_see a 'Editing: Reply to Ann Archer'
e2e_see a 'Also, parking tips welcome\.'
[ "$(e2e_sql "select count(*) from posts")" = 1 ] || fail "the refused reply was stored"
