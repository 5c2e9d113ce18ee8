# The new-posts scan walks unread posts community by community, thread by
# thread, oldest first, and marks them read; search finds a post and opens
# it in its thread (in: by name, author: alone, titles too; a refused query
# clears the results); a pending member reads but cannot post; a request for
# a new community is stored and shows its status.
. "$(dirname "$0")/lib.sh"
e2e_user cy "Cy Cole" alumni 'cy password 1'
e2e_user di "Di Diaz" trainee 'di password 1'
e2e_user pam "Pam Pending" student 'pam password 1'
e2e_accept_rules
e2e_sql "update users set status = 'pending' where login = 'pam'"
# Di is in Boston and Philadelphia; Cy writes in both (Boston sorts first).
e2e_join di boston philadelphia
di=$(e2e_uid di)
e2e_start

e2e_login a cy 'cy password 1'
e2e_see a 'Welcome.*Cy Cole'
e2e_keys a c; e2e_see a 'All communities'
e2e_choose a '^ +Philadelphia +region ' Enter
e2e_see a 'Philadelphia +\(regional'
e2e_keys a n; e2e_type a 'Philly housing'; e2e_keys a Enter
e2e_see a 'Editing: New thread'
e2e_type a 'First post about rowhouses.'; e2e_keys a C-x
e2e_see a 'Your thread is started'
e2e_keys a r; e2e_see a 'Editing: Reply'
e2e_type a 'Second post about parking.'; e2e_keys a C-x
e2e_see a 'Your reply is posted'
e2e_keys a q q; e2e_see a 'All communities'
e2e_choose a '^ +Boston +region ' Enter
e2e_see a 'Boston +\(regional'
e2e_keys a n; e2e_type a 'Boston winters'; e2e_keys a Enter
e2e_see a 'Editing: New thread'
e2e_type a 'Buy a good coat.'; e2e_keys a C-x
e2e_see a 'Your thread is started'

e2e_login b di 'di password 1'
e2e_see b 'Welcome.*Di Diaz'
e2e_keys b r
e2e_see b 'New posts +3 left'
e2e_see b 'Boston > Boston winters'
e2e_see b 'Buy a good coat'
e2e_keys b Space
e2e_see b 'Philadelphia > Philly housing'
e2e_see b 'First post about rowhouses'
e2e_keys b Space
e2e_see b 'Second post about parking'
e2e_see b '1 left'
e2e_keys b Space
e2e_see b 'You are up to date'
# Di has joined communities: no advice to join some.
e2e_gone b 'Join communities on the communities list'
[ "$(e2e_sql "select count(*) from thread_reads where user_id = $di")" = 2 ] || fail "read pointers not stored"

# Search from the communities list; Enter opens the post in its thread.
e2e_keys b q c; e2e_see b 'All communities'
e2e_keys b /; e2e_see b 'Search:'
e2e_type b 'park*'; e2e_keys b Enter
e2e_see b 'Philadelphia > Philly housing +\(Cy Cole'
e2e_see b '\[parking\]'
e2e_see b 'Search posts: 1 found'
# An unknown community is named, and the results before it are cleared.
e2e_keys b /; e2e_keys b C-u; e2e_type b 'park* in:nowhere'; e2e_keys b Enter
e2e_see b 'No community called "nowhere"'
e2e_gone b 'Philly housing'
# in: takes the name, any case, or its start; titles are searched too.
e2e_keys b C-u; e2e_type b 'housing in:phila'; e2e_keys b Enter
e2e_see b 'Philadelphia > Philly housing +\(Cy Cole'
e2e_see b 'First post about rowhouses'
# author: alone lists the member's newest posts; a bare author: says
# what it needs and keeps the text; the count is shown.
e2e_keys b /; e2e_keys b C-u; e2e_type b 'author:'; e2e_keys b Enter
e2e_see b 'author: needs a login right after it'
e2e_see b 'Search: author:'
e2e_type b 'Cy'; e2e_keys b Enter
e2e_see b 'Boston > Boston winters'
e2e_see b 'Second post about parking'
e2e_see b 'Search posts: [0-9]+ found'
# A one-letter prefix is refused with the rule, and the text stays to edit.
e2e_keys b /; e2e_keys b C-u; e2e_type b 'p*'; e2e_keys b Enter
e2e_see b 'A prefix search needs at least 3 letters'
e2e_gone b 'Boston winters'
e2e_see b 'Search: p\*'
e2e_keys b C-u; e2e_type b 'park*'; e2e_keys b Enter
e2e_see b '\[parking\]'
e2e_keys b Enter
e2e_see b 'Philly housing +\(2 posts\)'
e2e_see b 'Second post about parking'

# Ask for a new community; it shows as open.
e2e_keys b q q; e2e_see b 'All communities'
e2e_keys b n; e2e_see b 'New community name:'
e2e_type b 'Denver'; e2e_keys b Enter
e2e_see b 'Kind, region or career:'
e2e_type b 'mountains'; e2e_keys b Enter
e2e_see b 'Type region or career'
e2e_keys b C-u; e2e_type b 'region'; e2e_keys b Enter
e2e_see b 'One-line description:'
e2e_type b 'Colorado and the Rockies'; e2e_keys b Enter
e2e_see b 'Why is it needed\?'
e2e_type b 'Several of us moved there'; e2e_keys b Enter
e2e_see b 'Your request is stored'
e2e_keys b s
e2e_see b 'open +0 supporters +New community: Denver'

# A pending member reads but cannot post.
e2e_login p pam 'pam password 1'
e2e_see p 'awaiting approval'
e2e_keys p c; e2e_see p 'All communities'
e2e_choose p '^ +Philadelphia +region ' Enter
e2e_see p 'Philly housing'
e2e_keys p n
e2e_see p 'awaiting approval by a sysop'
e2e_keys p Enter
e2e_see p 'First post about rowhouses'
e2e_keys p r
e2e_see p 'awaiting approval by a sysop'
e2e_screen p | grep -q 'Editing:' && fail "a pending member got the editor"
exit 0
