# Staff foundation over real SSH: the main menu shows Moderation to a
# moderator and Administration to an admin, and neither to a member; the
# audit log lists an appointment for the admin and only the moderator's own
# community for the moderator; a member suspended from the command line
# while online is logged off within 2 seconds with the reason on screen.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Admin" alumni 'ann password' --admin
e2e_user mo "Mo Moderator" alumni 'mo password'
e2e_user mel "Mel Member" trainee 'mel password'
e2e_accept_rules
e2e_start
mo=$(e2e_uid mo)
# Appointments as the CLI will make them (mod add arrives with the community work).
e2e_sql "insert into community_moderators (community_id, user_id)
  select id, $mo from communities where slug = 'boston';
  insert into audit_log (actor, action, community_id, target_kind, target_id, target,
    reason, created_at) select 'sysop', 'moderator.appoint', id, 'member', $mo, 'mo',
    'Founding moderator', strftime('%s','now') from communities where slug = 'boston';
  insert into audit_log (actor, action, community_id, target_kind, target_id, target,
    reason, created_at) select 'sysop', 'moderator.appoint', id, 'member', 1, 'x',
    'Elsewhere', strftime('%s','now') from communities where slug <> 'boston' limit 1"

e2e_login a ann 'ann password'
e2e_see a 'Welcome.*Ann Admin'
e2e_see a '\[Z\] Administration'
e2e_keys a z; e2e_see a 'Sign-ups, sanctions'
e2e_keys a l; e2e_see a 'Audit log'
e2e_see a 'sysop  moderator.appoint  mo in Boston'
e2e_see a 'Founding moderator'
e2e_see a 'Elsewhere'
e2e_keys a /; e2e_type a 'nobody'; e2e_keys a Enter
e2e_see a 'No actions by that login'

e2e_login m mo 'mo password'
e2e_see m '\[X\] Moderation'
e2e_screen m | grep -q 'Administration' && fail "a moderator sees the admin menu"
e2e_keys m x; e2e_see m 'You moderate some communities'
e2e_keys m l; e2e_see m 'Founding moderator'
e2e_screen m | grep -q 'Elsewhere' && fail "a moderator sees another community's log"

e2e_login u mel 'mel password'
e2e_see u 'Welcome.*Mel Member'
e2e_screen u | grep -Eq 'Moderation|Administration' && fail "a member sees staff entries"
e2e_keys u x
e2e_screen u | grep -q 'You moderate' && fail "x opened the moderator menu for a member"

# Suspended while online: gone within 2 s, with the reason.
"$BIN" user set mel --status suspended --db "$DB" || fail "user set"
e2e_see u 'Your account is suspended' 2
e2e_see u 'ssh exited' 3
exit 0
