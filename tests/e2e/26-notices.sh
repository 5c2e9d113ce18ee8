# Notices: one written by another process reaches the status bar live;
# reading them on the Notices screen clears the count at once.
. "$(dirname "$0")/lib.sh"
e2e_user alice "Alice Appleton" alumni 'alice password'
e2e_start
e2e_login a alice 'alice password'
e2e_see a 'Welcome.*Alice Appleton'
e2e_gone a 'notice'
e2e_sql "insert into notices (user_id, kind, text, created_at) select id, 'mentorship',
  'Sam Student asked you for mentorship', strftime('%s','now') from users where login = 'alice'"
e2e_see a '1 notice: Sam Student asked you' 5
e2e_keys a n
e2e_see a 'Notices'
e2e_see a 'Sam Student asked you for mentorship'
e2e_keys a q
e2e_see a 'Main menu'
e2e_gone a '1 notice' 3
[ "$(e2e_sql "select count(*) from notices where seen_at is null")" = 0 ] ||
  fail "notice not marked seen"
exit 0
