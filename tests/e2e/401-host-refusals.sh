# HOST refusals over real SSH: a request inside the host's minimum notice
# is refused with the reason and the form keeps its values; a student the
# host blocked does not find the host; the host says maybe with a note and
# then declines, which the guest sees live with no actions left but message
# and flag; flagging the host reaches the admins' safety queue (a second
# time says it is already flagged); a resize keeps the request view whole; My
# HOST shows the declined request as closed, not past.
. "$(dirname "$0")/lib.sh"
e2e_user hal "Hal Host" alumni 'hal password'
e2e_user sue "Sue Student" student 'sue password'
e2e_user bob "Bob Blocked" student 'bob password'
e2e_accept_rules
e2e_start
hal=$(e2e_uid hal)
bob=$(e2e_uid bob)
e2e_sql "INSERT INTO host_profiles (user_id, status, offers, city, hospitals, capacity,
  max_nights, min_notice_days, address, phone, updated_at) VALUES ($hal, 'hosting', 3,
  'Boston', 'Massachusetts General Hospital', 2, 4, 14, '12 Beacon St', '555 0100', 0);
  INSERT INTO host_fts (rowid, hospitals, affiliations, initials)
  VALUES ($hal, 'Massachusetts General Hospital', '', 'MGH');
  INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES ($hal, $bob, 0);"

e2e_login s sue 'sue password'
e2e_see s 'Welcome.*Sue Student'
e2e_keys s o; e2e_see s 'HOST program'
e2e_keys s f; e2e_see s 'Find a host'
e2e_keys s s; e2e_see s 'Hal Host - Boston'
# No programs were given (Sue has no interviews): no host is starred, so
# the legend for the star is not shown either.
e2e_screen s | grep -q 'near a program' && fail "the star's legend shows without programs"
e2e_keys s Enter; e2e_see s 'Hal Host: host profile'
e2e_keys s r; e2e_see s 'Ask Hal Host for a stay'
e2e_choose s '^ +Arrival( |$)' Enter; e2e_type s "$(e2e_day 5)"; e2e_keys s Enter
e2e_choose s '^ +Departure( |$)' Enter; e2e_type s "$(e2e_day 6)"; e2e_keys s Enter
e2e_see s "Departure \(YYYY-MM-DD\) +$(e2e_day 6)"
e2e_keys s s; e2e_see s "at least 14 days' notice"
e2e_see s "Arrival \(YYYY-MM-DD\) +$(e2e_day 5)"
e2e_choose s '^ +Arrival( |$)' Enter C-u; e2e_type s "$(e2e_day 30)"; e2e_keys s Enter
e2e_choose s '^ +Departure( |$)' Enter C-u; e2e_type s "$(e2e_day 40)"; e2e_keys s Enter
e2e_keys s s; e2e_see s 'at most 4 nights'
e2e_choose s '^ +Departure( |$)' Enter C-u; e2e_type s "$(e2e_day 32)"; e2e_keys s Enter
e2e_keys s s; e2e_see s 'Request sent'

# A blocked student does not find the host at all.
e2e_login b bob 'bob password'
e2e_see b 'Welcome.*Bob Blocked'
e2e_keys b o; e2e_see b 'HOST program'
e2e_keys b f; e2e_see b 'Find a host'
e2e_keys b s; e2e_see b 'Hosts found: 0'

# The host: maybe with a note, then decline.
e2e_login h hal 'hal password'
e2e_see h 'Welcome.*Hal Host'
e2e_keys h o; e2e_see h 'HOST program'
e2e_keys h m; e2e_see h 'Asks you .*Requested'
e2e_keys h Enter; e2e_see h 'Request from Sue Student'
e2e_keys h t; e2e_type h 'checking with my partner'; e2e_keys h Enter
e2e_see h 'the request is now Maybe'
e2e_keys s q q q; e2e_see s 'HOST program'
e2e_keys s m; e2e_see s 'You asked .*Maybe'
e2e_keys s Enter; e2e_see s 'Note from Hal Host: checking with my partner'
e2e_keys h d; e2e_see h 'Decline this request\? \[y/n\]'
e2e_keys h y; e2e_see h 'the request is now Declined'
e2e_see s 'State: Declined'
e2e_see s '^  m message  ! flag'
# Nothing but message and flag: accept keys do nothing for the guest.
e2e_keys s c x; e2e_see s 'State: Declined'

# A resize keeps the view; then a flag to the admins.
e2e_resize s 100 30; e2e_see s 'Your stay with Hal Host'
e2e_resize s 80 24; e2e_see s 'State: Declined'
e2e_keys s '!'; e2e_see s 'Flag your host Hal Host'
e2e_keys s 6; e2e_see s 'Note:'; e2e_type s 'asked me for money'; e2e_keys s Enter
e2e_see s 'Flagged for the moderators'
[ "$(e2e_sql "SELECT kind || ':' || target_id || ':' || note FROM flags")" = "host:$hal:asked me for money" ] ||
  fail 'flag not stored'
[ "$(e2e_sql "SELECT queue FROM review_items")" = safety ] || fail 'a HOST flag is not a safety item'
# Flagging again while that flag is open says so.
e2e_keys s '!'; e2e_keys s 6; e2e_see s 'Note:'; e2e_type s 'and again'; e2e_keys s Enter
e2e_see s 'You already flagged this; the moderators will look at it.'
e2e_see s 'm message  ! flag'
# My HOST: a declined request for dates to come is closed, not past.
e2e_keys s q; e2e_see s 'My HOST'
e2e_see s 'Closed .*Declined +host +Hal Host'
e2e_gone s 'Past '
exit 0
