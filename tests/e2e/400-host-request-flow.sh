# HOST program over real SSH: a host sets up a profile through the UI; a
# student enters two interviews, finds the host whose nearest hospital
# matches (ranked first), and asks for a stay; the host counter-proposes a
# date with a short note, an offer: the student agrees and the stay is
# accepted at once (the host does not accept again), and the student
# confirms; the student then sees the address and phone (logged for the host), and
# another student does not; the profile view wraps values under
# themselves and says when more fields lie below.
. "$(dirname "$0")/lib.sh"
e2e_user hal "Hal Host" alumni 'hal password'
e2e_user sue "Sue Student" student 'sue password'
e2e_user sam "Sam Student" student 'sam password'
e2e_user dora "Dora Decoy" alumni 'dora password'
e2e_accept_rules
e2e_start
# A second host set up in SQL (bulk set-up is allowed): near nothing Sue visits.
dora=$(e2e_uid dora)
e2e_sql "INSERT INTO host_profiles (user_id, status, offers, city, hospitals, capacity,
  max_nights, address, phone, updated_at) VALUES ($dora, 'hosting', 1, 'Boston',
  'Tufts Medical Center', 1, 5, '9 Elm St', '555 0199', 0);
  INSERT INTO host_fts (rowid, hospitals, affiliations, initials)
  VALUES ($dora, 'Tufts Medical Center', '', 'TMC');"

# The host's profile, field by field through the form.
e2e_login h hal 'hal password'
e2e_see h 'Welcome.*Hal Host'
e2e_keys h o; e2e_see h 'HOST program'
e2e_keys h e; e2e_see h 'Your host profile'
e2e_choose h '^ +Status( |$)' Enter; e2e_see h 'Status +Hosting'
e2e_choose h '^ +City( |$)' Enter
e2e_type h 'Boston'; e2e_keys h Enter; e2e_see h 'City +Boston'
e2e_choose h '^ +Nearest hospitals( |$)' Enter
e2e_type h "Massachusetts General Hospital; Boston Children's"; e2e_keys h Enter
e2e_see h 'Nearest hospitals +Massachusetts General'
e2e_choose h '^ +Street address \(private\)' Enter
e2e_type h '12 Beacon St, Apt 3'; e2e_keys h Enter
e2e_see h 'Street address \(private\) +12 Beacon St'
e2e_choose h '^ +Phone \(private\)' Enter; e2e_type h '+1 617 555 0100'; e2e_keys h Enter
e2e_see h 'Phone \(private\) +\+1 617 555 0100'
e2e_keys h s; e2e_see h 'Your host profile has been saved'
e2e_see h 'Your host status: Hosting'

# The student: two interviews (a bad date first), then the search.
e2e_login s sue 'sue password'
e2e_see s 'Welcome.*Sue Student'
e2e_keys s o; e2e_see s 'HOST program'
e2e_keys s e; e2e_see s 'Students cannot host'
e2e_keys s i; e2e_see s 'My interviews'
e2e_keys s a; e2e_type s '2027-02-30 MGH Internal Medicine'; e2e_keys s Enter
e2e_see s 'no such day in that month'
e2e_keys s C-u; e2e_type s "$(e2e_day 60) MGH Internal Medicine"; e2e_keys s Enter
e2e_see s 'Added MGH Internal Medicine'
e2e_keys s a; e2e_type s "$(e2e_day 61) Johns Hopkins Pediatrics"; e2e_keys s Enter
e2e_see s "$(e2e_day 61)  Johns Hopkins Pediatrics"
e2e_keys s f; e2e_see s 'Find a host'
e2e_see s 'Programs visited +MGH Internal Medicine; Johns Hopkins Pediatrics'
e2e_see s "Arrival \(YYYY-MM-DD\) +$(e2e_day 59)"
e2e_keys s s; e2e_see s 'Hosts found: 2'
# The matching host is first and marked; the decoy follows unmarked.
e2e_screen s | grep -A3 'near a program' | grep -q '^  \* Hal Host - Boston' ||
  fail 'the matching host is not ranked first'
e2e_see s '^    Dora Decoy - Boston'
e2e_keys s Enter; e2e_see s 'Hal Host: host profile'
e2e_gone s 'Beacon'
e2e_keys s r; e2e_see s 'Ask Hal Host for a stay'
e2e_see s "Departure \(YYYY-MM-DD\) +$(e2e_day 62)"
e2e_keys s s; e2e_see s 'Request sent'

# The host hears of it live, and proposes to come a day earlier.
e2e_see h 'notice: HOST: Sue'
e2e_keys h m; e2e_see h 'Asks you .*Requested +guest Sue Student'
e2e_keys h Enter; e2e_see h 'Request from Sue Student'
e2e_see h 'Travellers: 1, no partner'
e2e_keys h o; e2e_see h 'Arrival Departure \[Travellers\] \[Note\]:'
e2e_type h "$(e2e_day 58) $(e2e_day 61) 1 I am away on the last night"; e2e_keys h Enter
e2e_see h 'Proposal sent to Sue Student'

# The student agrees from My HOST.
e2e_see s 'notice: HOST: Hal'
e2e_keys s q q q q; e2e_see s 'HOST program'
e2e_keys s m; e2e_see s 'You asked'
e2e_keys s Enter; e2e_see s 'Your stay with Hal Host'
e2e_see_words s "Proposal waiting: Hal Host proposes $(e2e_day 58) to $(e2e_day 61), 1 traveller: \"I am away on the last night\" \(y agree: the stay is accepted, n turn down\)"
e2e_gone s 'p address'
e2e_keys s y; e2e_see s 'You agreed: the stay is accepted for those dates'
e2e_see s "Dates: $(e2e_day 58) to $(e2e_day 61) \(3 nights\)"
e2e_see s 'State: Accepted'
e2e_see s 'Note from Hal Host: I am away on the last night'
[ "$(e2e_sql "SELECT state FROM host_requests")" = accepted ] || fail 'agreeing did not accept'

# The host's view follows by itself: accepted, nothing left to accept.
e2e_see h 'State: Accepted'
e2e_see h 'notice: HOST: Sue Student agreed'
e2e_gone h 'a accept'
# The student confirms and sees the private details.
e2e_keys s c; e2e_see s 'State: Confirmed'
e2e_keys s p
e2e_see s 'Address: 12 Beacon St, Apt 3'
e2e_see s 'Phone: \+1 617 555 0100'
[ "$(e2e_sql "SELECT count(*) FROM host_access_log")" = 1 ] || fail 'access not logged'
e2e_keys h q l; e2e_see h 'Sue Student \(#1\)'

# Another student finds the same host but never sees the address or phone.
e2e_login o sam 'sam password'
e2e_see o 'Welcome.*Sam Student'
e2e_keys o o; e2e_see o 'HOST program'
e2e_keys o f; e2e_see o 'Find a host'
e2e_keys o s; e2e_see o 'Hal Host - Boston'
e2e_choose o 'Hal Host - Boston' Enter; e2e_see o 'Hal Host: host profile'
# Fields below the page are announced; a long value wraps under itself.
e2e_see o '\(more: PgDn\)'
e2e_sql "UPDATE host_profiles SET affiliations = 'Harvard Medical School; Boston University School of Medicine; Tufts'"
e2e_keys o q; e2e_see o 'Hal Host - Boston'
e2e_keys o Enter; e2e_see o 'Hal Host: host profile'
e2e_see o '^  Affiliations +Harvard Medical School; Boston University School of$'
e2e_see o '^ {27}Medicine; Tufts'
e2e_keys o NPage; e2e_see o 'shown to you once the host accepts'
e2e_see o '\(back: PgUp\)'
e2e_gone o 'Beacon|555 0100'
e2e_keys o q q q m; e2e_see o 'No stays or requests yet'
[ "$(e2e_sql "SELECT count(*) FROM host_access_log")" = 1 ] || fail 'log changed'
exit 0
