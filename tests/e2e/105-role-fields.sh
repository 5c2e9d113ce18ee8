# Each member sees only what their role can use: a student's profile and
# its edit form have no "Open to mentoring" or "Max mentees", and the HOST
# menu offers a student no host profile and no address log; an alumna has
# them all. (The data layer refuses the rest: unit tests.)
. "$(dirname "$0")/lib.sh"
e2e_user sam "Sam Student" student 'sam password 1'
e2e_user ann "Ann Alumna" alumni 'ann password 1'
e2e_accept_rules
e2e_start

e2e_login s sam 'sam password 1'
e2e_see s 'Welcome.*Sam Student'
# Tall enough for the whole profile: nothing hides below the fold.
e2e_resize s 120 50
e2e_keys s p; e2e_see s 'Your profile'
e2e_see s 'Looking for a mentor'
e2e_see s 'Bio'
e2e_screen s | grep -qE 'Max mentees|Open to mentoring' && fail "a student's profile shows mentor fields"
e2e_keys s e; e2e_see s 'Edit your profile'
e2e_keys s End; e2e_see s 'Mentoring topics'
e2e_resize s 80 24; e2e_see s 'Mentoring topics'
e2e_screen s | grep -qE 'Max mentees|Open to mentoring' && fail "a student's form offers mentor fields"
e2e_keys s q q; e2e_see s "Main menu"
e2e_keys s o; e2e_see s '\[F\] Find a host'
e2e_screen s | grep -qE 'My host profile|Address log' && fail "a student is offered hosting"
e2e_see s 'I F M  q back'
# My HOST has no address log key for a student; l says why.
e2e_keys s m; e2e_see s 'Enter open +Up/Down choose'
e2e_screen s | grep -q 'address log' && fail "My HOST offers a student the address log"
e2e_keys s l; e2e_see s 'Students cannot host, so there is no address log'
e2e_screen s | grep -q 'shown your address and phone' && fail "l opened the address log for a student"

e2e_login a ann 'ann password 1'
e2e_see a 'Welcome.*Ann Alumna'
e2e_keys a p; e2e_see a 'Your profile'
e2e_keys a e; e2e_see a 'Edit your profile'
e2e_keys a End; e2e_see a 'Max mentees'
e2e_see a 'Open to mentoring'
e2e_keys a q q; e2e_see a 'Main menu'
e2e_keys a o; e2e_see a '\[E\] My host profile'
e2e_see a '\[L\] Address log'
e2e_keys a m; e2e_see a 'l address log'
exit 0
