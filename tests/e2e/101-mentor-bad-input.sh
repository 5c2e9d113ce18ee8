# Bad input and races in mentoring: an over-long request message is refused
# in the editor at the one limit, with the text kept; a request to a mentor
# who filled up in the meantime gets a clear answer and keeps the message; a
# mentor silent for 90 days is asked at login to confirm availability.
. "$(dirname "$0")/lib.sh"
e2e_user mona "Mona Bauer" alumni 'mona password 1'
e2e_user sam "Sam Student" student 'sam password 1'
e2e_user tess "Tess Tran" student 'tess password 1'
e2e_sql "update users set specialty = 'Cardiology', city = 'Boston', open_to_mentoring = 1,
  max_mentees = 1 where login = 'mona'"
e2e_accept_rules
e2e_start
e2e_login a sam 'sam password 1'
e2e_see a 'Welcome.*Sam Student'
e2e_keys a f; e2e_see a 'Find a mentor'
e2e_keys a s; e2e_see a 'Mona Bauer +alumni +has room \(0 of 1\)'
e2e_keys a Enter; e2e_see a 'Profile of Mona Bauer'
e2e_keys a r; e2e_see a 'Request mentorship from Mona Bauer'

# The editor's header shows the one limit a request has; typing past it is
# refused there, with the text kept.
e2e_keys a e; e2e_see a 'Editing.*\(0 of 1000 characters\)'
e2e_type a "Goals: $(printf 'y%.0s' $(seq 1003))"
e2e_see a 'limited to 1000 characters; the rest was not added'
e2e_see a '\(1000 of 1000 characters\)'
e2e_keys a C-x
e2e_see a 'Message ready'
e2e_see a '^ +Goals:$'; e2e_see a 'yyyyyyyyyyyyyyyyyyyy'

# Meanwhile Tess takes Mona's only place.
e2e_sql "insert into mentorships (mentee_id, mentor_id, state, message, created_at, answered_at)
  select t.id, m.id, 'active', 'earlier request', 1, 2 from users t, users m
  where t.login = 'tess' and m.login = 'mona'"
e2e_keys a s
e2e_see a 'Mona Bauer just filled their last place; your message is kept'
e2e_see a '^ +Goals:$'; e2e_see a 'yyyyyyyyyyyyyyyyyyyy'
e2e_see a 'Mentees: full \(1 of 1\)'
[ "$(e2e_sql "select count(*) from mentorships where state = 'requested'")" = 0 ] ||
  fail "a request to a full mentor was stored"

# A mentor who has answered nothing for 90 days is asked at login.
e2e_sql "update users set created_at = strftime('%s','now') - 200 * 86400 where login = 'mona';
  update mentorships set answered_at = strftime('%s','now') - 120 * 86400"
e2e_login b mona 'mona password 1'
e2e_see b 'still available to mentor\? \[y/n\]'
e2e_keys b y
e2e_see b 'you stay listed as available'
[ "$(e2e_sql "select confirmed_at > strftime('%s','now') - 60 from mentor_stats s join users u on u.id = s.user_id where u.login = 'mona'")" = 1 ] ||
  fail "confirmation not recorded"
e2e_keys b g; e2e_see b 'Log off\? \[y/n\]'
e2e_keys b y; e2e_see b 'ssh exited'
e2e_login c mona 'mona password 1'
e2e_see c 'Welcome back, Mona Bauer'
e2e_screen c | grep -q 'still available' && fail "asked again right after confirming"
exit 0
