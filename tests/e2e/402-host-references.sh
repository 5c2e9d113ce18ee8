# HOST references over real SSH: a confirmed stay whose departure has
# passed is completed lazily when the guest logs in; the guest writes a
# reference (hidden from the host), the host writes theirs, and both show
# to both at once; neither can be rewritten after that. The "did you feel
# safe?" answers are stored for the admins only. Revealed, the guest's
# reference shows on the host's public profile (not the host's own words
# about the guest).
. "$(dirname "$0")/lib.sh"
e2e_user hal "Hal Host" alumni 'hal password'
e2e_user sue "Sue Student" student 'sue password'
e2e_accept_rules
e2e_start
hal=$(e2e_uid hal)
sue=$(e2e_uid sue)
today=$(( $(date -u +%s) / 86400 ))
e2e_sql "INSERT INTO host_profiles (user_id, status, offers, city, hospitals, updated_at)
  VALUES ($hal, 'hosting', 1, 'Boston', 'Massachusetts General Hospital', 0);
  INSERT INTO host_requests (host_id, guest_id, arrive_day, depart_day, purpose, state,
  created_at, updated_at) VALUES ($hal, $sue, $((today - 3)), $((today - 1)), 'residency',
  'confirmed', 0, 0);"

e2e_login s sue 'sue password'
e2e_see s 'Welcome.*Sue Student'
[ "$(e2e_sql "SELECT state FROM host_requests")" = completed ] || fail 'not completed at login'
e2e_keys s o; e2e_see s 'HOST program'
e2e_keys s m; e2e_see s 'Past .*Completed +host +Hal Host'
e2e_keys s Enter; e2e_see s 'Your stay with Hal Host'
e2e_see s 'r reference'
e2e_keys s r; e2e_see s 'Reference \(public\)'
e2e_type s 'Hal was a generous host and drove me to MGH.'
e2e_keys s C-x; e2e_see s 'Did you feel safe\?'
e2e_keys s y; e2e_see s 'Reference saved'
e2e_see s 'Reference by Sue Student \(hidden until'
e2e_see s 'drove me to MGH'

e2e_login h hal 'hal password'
e2e_see h 'Welcome.*Hal Host'
e2e_keys h o; e2e_see h 'HOST program'
e2e_keys h m; e2e_see h 'Past .*Completed +guest Sue Student'
e2e_keys h Enter; e2e_see h 'Request from Sue Student'
e2e_see h 'Reference by Sue Student \(hidden until'
e2e_gone h 'drove me'
e2e_keys h r; e2e_see h 'Reference \(public\)'
e2e_type h 'Sue was a considerate guest.'
e2e_keys h C-x; e2e_see h 'Did you feel safe\?'
e2e_keys h n; e2e_see h 'Reference saved'
# Both show now, to both, and the guest hears of it live.
e2e_see h 'drove me to MGH'
e2e_gone h 'hidden until'
e2e_see s 'Sue was a considerate guest'
e2e_see s 'notice: HOST: the references'
e2e_gone s 'r reference'
[ "$(e2e_sql "SELECT group_concat(felt_safe, ',') FROM (SELECT felt_safe FROM host_references ORDER BY author_id)")" = "0,1" ] ||
  fail 'felt-safe answers not stored'

# The host's public profile lists the guest's reference.
e2e_keys s q q; e2e_see s 'HOST program'
e2e_keys s f; e2e_see s 'Find a host'
e2e_keys s s; e2e_see s 'Hal Host - Boston'
e2e_keys s Enter; e2e_see s 'Hal Host: host profile'
e2e_keys s NPage NPage; e2e_see s 'References from guests'
e2e_see s 'Sue Student, '
e2e_see s 'drove me to MGH'
e2e_gone s 'considerate guest'
exit 0
