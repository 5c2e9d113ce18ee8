# HOST across a block over real SSH: the host has blocked the guest of an
# accepted stay and of an open request. The guest's view of the accepted
# stay offers neither the address nor confirm, and pressing p shows
# nothing; the host's view of the open request offers no accept, maybe or
# other dates, but still decline. Lifted, the address is offered again.
. "$(dirname "$0")/lib.sh"
e2e_user hal "Hal Host" alumni 'hal password'
e2e_user sue "Sue Student" student 'sue password'
e2e_accept_rules
e2e_start
today=$(( $(date -u +%s) / 86400 ))
hal=$(e2e_uid hal)
sue=$(e2e_uid sue)
e2e_sql "INSERT INTO host_profiles (user_id, status, offers, city, hospitals, capacity,
  max_nights, address, phone, updated_at) VALUES ($hal, 'hosting', 1, 'Boston',
  'Massachusetts General Hospital', 2, 5, '12 Beacon St', '555 0100', 0);
  INSERT INTO host_requests (host_id, guest_id, arrive_day, depart_day, purpose, state,
  created_at, updated_at) VALUES ($hal, $sue, $((today + 30)), $((today + 32)),
  'residency', 'accepted', 0, 0), ($hal, $sue, $((today + 50)), $((today + 52)),
  'residency', 'requested', 0, 0);
  INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES ($hal, $sue, 0);"

e2e_login s sue 'sue password'
e2e_see s 'Welcome.*Sue Student'
e2e_keys s o; e2e_see s 'HOST program'
e2e_keys s m; e2e_see s 'Accepted'
e2e_keys s Enter; e2e_see s 'Your stay with Hal Host'
e2e_see s 'State: Accepted'
e2e_see s 'x cancel'
e2e_gone s 'p address|c confirm|Press p'
e2e_keys s p; e2e_gone s 'Beacon'
[ "$(e2e_sql "SELECT count(*) FROM host_access_log")" = 0 ] || fail 'access logged'

e2e_login h hal 'hal password'
e2e_see h 'Welcome.*Hal Host'
e2e_keys h o; e2e_see h 'HOST program'
e2e_keys h m; e2e_see h 'Asks you .*Requested'
e2e_choose h '^ +Asks you .*Requested' Enter; e2e_see h "Request from Sue Student"
e2e_see h "State: Requested"
e2e_see h 'd decline'
e2e_gone h 'a accept|t maybe|o other dates'
e2e_keys h a; e2e_see h 'State: Requested'

# Lifted: the guest is offered the address again.
e2e_sql "DELETE FROM blocks"
e2e_keys s q; e2e_see s 'You asked|Accepted'
e2e_keys s Enter; e2e_see s 'p address'
e2e_keys s p; e2e_see s 'Address: 12 Beacon St'
exit 0
