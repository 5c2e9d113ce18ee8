# Suggestions say why; a bookmark from the profile shows under Find a
# mentor; a decline picks a reason from the list that the mentee never
# sees; a withdrawn request leaves the mentor's list live.
. "$(dirname "$0")/lib.sh"
e2e_user mona "Mona Bauer" alumni 'mona password 1'
e2e_user sam "Sam Student" student 'sam password 1'
e2e_sql "update users set specialty = 'Cardiology', city = 'Boston', open_to_mentoring = 1,
  max_mentees = 3, topics = 'research careers' where login = 'mona';
  update users set specialty = 'Cardiology', city = 'Boston', topics = 'research careers',
  bio = 'I want to do research' where login = 'sam'"
e2e_accept_rules
e2e_start
e2e_login a sam 'sam password 1'
e2e_see a 'Welcome.*Sam Student'
e2e_login b mona 'mona password 1'
e2e_see b 'Welcome.*Mona Bauer'

e2e_keys a f; e2e_see a 'Find a mentor'
e2e_keys a g; e2e_see a 'Suggested for you \(1\)'
e2e_see a 'why: same specialty, topics: research careers, same city'
# At 80 columns the reasons and the reply time do not all fit: the row
# keeps whole parts, never a cut word or a dangling separator; at 120
# everything shows.
e2e_see a 'why: same specialty, topics: research careers, same city \| no replies yet *$'
e2e_resize a 120 40
e2e_see a 'why: same specialty, topics: research careers, same city, matches your goals \| no replies yet'
e2e_resize a 80 24; e2e_see a 'why: same specialty'
e2e_keys a Enter; e2e_see a 'Profile of Mona Bauer'
e2e_keys a k; e2e_see a 'Bookmarked'
e2e_keys a q q; e2e_see a 'Find a mentor'
e2e_keys a b; e2e_see a 'Your bookmarked mentors \(1\)'
e2e_see a 'Mona Bauer'
e2e_keys a Enter r; e2e_see a 'Request mentorship from Mona Bauer'
e2e_keys a e; e2e_see a 'Editing'
e2e_type a 'Please help me choose between research and clinical tracks.'
e2e_keys a C-x s; e2e_see a 'Request sent to Mona Bauer'

# Mona declines with a reason from the list.
e2e_see b 'notice: Sam Student asked you' 5
e2e_keys b m; e2e_see b 'Request from +Sam Student'
e2e_keys b Enter d; e2e_see b 'Why decline'
e2e_choose b 'My experience does not match' Enter; e2e_see b 'then Enter to decline'
e2e_type b 'Overbooked this term'; e2e_keys b Enter
e2e_see b 'Declined'
e2e_see a '1 (notice|new)' 5
[ "$(e2e_sql 'select decline_reason from mentorships')" = fit ] || fail "reason not stored"
e2e_keys a q q q; e2e_see a 'Main menu'
e2e_keys a m; e2e_see a 'Request to +Mona Bauer +declined'
# Students cannot mentor: no availability key offered, and refused if pressed.
e2e_screen a | grep -q 'a availability' && fail "availability offered to a student"
e2e_keys a a; e2e_see a 'Students cannot mentor'
e2e_keys a Enter; e2e_see a 'State: declined'
e2e_screen a | grep -q 'Overbooked\|experience does not match' && fail "decline reason or note shown to the mentee"

# A second request, withdrawn: Mona's open list empties by itself.
e2e_keys a q q; e2e_see a 'Main menu'
e2e_keys b q; e2e_see b 'Request from +Sam Student +declined'
e2e_keys a f; e2e_keys a b; e2e_see a 'Your bookmarked mentors'
e2e_keys a Enter r; e2e_keys a e; e2e_see a 'Editing'
e2e_type a 'Trying again: could we talk about research careers?'
e2e_keys a C-x s; e2e_see a 'Request sent'
e2e_see b 'Request from +Sam Student +waiting' 5
e2e_keys a q q q; e2e_see a 'Main menu'
e2e_keys a m; e2e_see a 'Request to +Mona Bauer'
e2e_keys a Enter w; e2e_see a 'Withdraw your request'
e2e_keys a y; e2e_see a 'Request withdrawn'
e2e_gone b 'Request from +Sam Student +waiting' 5
e2e_see b 'Request from +Sam Student +withdrawn'
exit 0
