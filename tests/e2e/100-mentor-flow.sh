# One-on-one mentoring end to end over SSH: a student searches by specialty
# and city, opens a mentor and requests; the mentor, logged in at the same
# time, sees the request arrive in the status bar and accepts; both see the
# active mentorship; the mentor ends it and both histories show it.
. "$(dirname "$0")/lib.sh"
e2e_user mona "Mona Bauer" alumni 'mona password 1'
e2e_user olga "Olga Okafor" alumni 'olga password 1'
e2e_user sam "Sam Student" student 'sam password 1'
e2e_sql "update users set specialty = 'Cardiology', city = 'Boston', region = 'Massachusetts',
  position = 'Associate Professor', open_to_mentoring = 1, max_mentees = 2,
  topics = 'fellowship choice' where login = 'mona';
  update users set specialty = 'Cardiology', city = 'Chicago', open_to_mentoring = 1,
  max_mentees = 2 where login = 'olga';
  update users set specialty = 'Cardiology', city = 'Boston' where login = 'sam'"
e2e_accept_rules
e2e_start
e2e_login a sam 'sam password 1'
e2e_see a 'Welcome.*Sam Student'
e2e_login b mona 'mona password 1'
e2e_see b 'Welcome.*Mona Bauer'

# Sam: specialty "card" (a prefix) and city "bost" find Mona, not Olga.
e2e_keys a f; e2e_see a 'Find a mentor'
e2e_choose a '^ +Specialty( |$)' Enter; e2e_type a 'card'; e2e_keys a Enter
e2e_choose a '^ +City, region or country( |$)' Enter; e2e_type a 'bost'; e2e_keys a Enter
e2e_see a 'City, region or country +bost'
e2e_keys a s
e2e_see a 'Mentors found \(1\)'
e2e_see a 'Mona Bauer +alumni +has room \(0 of 2\) +active today'
e2e_see a 'Cardiology \| Associate Professor \| Boston, Massachusetts'
e2e_screen a | grep -q 'Olga' && fail "Chicago mentor matched a Boston search"
e2e_keys a Enter; e2e_see a 'Profile of Mona Bauer'
e2e_see a 'r request mentoring'
e2e_see a 'Mentoring now +has room \(0 of 2\); active today; no replies yet'
e2e_keys a r; e2e_see a 'Request mentorship from Mona Bauer'
e2e_see a 'Last active today; no replies yet'
e2e_keys a e; e2e_see a 'Editing'
e2e_type a 'I want to apply to cardiology fellowships; could you review my plan?'
e2e_keys a C-x
e2e_see a 'Message ready'
e2e_keys a s
e2e_see a 'Request sent to Mona Bauer'

# Mona is on the main menu: the request arrives live in the status bar.
e2e_see b 'notice: Sam Student asked you' 5
e2e_keys b m; e2e_see b 'Request from +Sam Student +waiting for an answer'
e2e_keys b Enter; e2e_see b 'Mentoring Sam Student'
e2e_see b 'could you review my plan'
e2e_keys b a; e2e_see b 'Enter to accept'
e2e_type b 'Happy to help'; e2e_keys b Enter
e2e_see b 'Accepted: the mentorship is active'
e2e_see a '1 (notice|new)' 5

# Both see the active mentorship.
e2e_keys a q q q; e2e_see a 'Main menu'
e2e_keys a m; e2e_see a 'Your mentor +Mona Bauer +active'
e2e_keys b q; e2e_see b 'Your mentee +Sam Student +active'
[ "$(e2e_sql "select state from mentorships")" = active ] || fail "not active in the database"

# Mona ends it: a reason, then a private fit rating.
e2e_keys b Enter; e2e_see b 'e end'
e2e_keys b e; e2e_see b 'Why end it'
e2e_keys b Enter; e2e_see b 'How good a fit'
e2e_keys b 4; e2e_see b 'The mentorship has ended'
e2e_keys b q; e2e_see b 'Was mentee +Sam Student +ended'
# Sam's My mentoring follows by itself.
e2e_see a 'Was mentor +Mona Bauer +ended' 5
[ "$(e2e_sql "select state || ' ' || fit_rating || ' ' || end_reason from mentorships")" = 'ended 4 goals' ] ||
  fail "ending not recorded"
# The fit rating is never on the mentee's screen.
e2e_keys a Enter; e2e_see a 'Mentored by Mona Bauer'
e2e_screen a | grep -qi 'fit' && fail "fit rating shown to the mentee"
exit 0
