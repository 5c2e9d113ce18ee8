# Applying to moderate over real SSH: the moderators' guidelines are shown
# in full before anything is sent (y before the end is refused); the
# community's moderator sees the application under Moderation ->
# Applications and recommends it; the admin sees the recommendation under
# Administration -> Moderators and appoints the applicant, who then sees
# Moderation on the main menu; the admin lists and removes a moderator.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Admin" alumni 'ann password' --admin
e2e_user mo "Mo Moderator" alumni 'mo password'
e2e_user pat "Pat Parker" trainee 'pat password'
e2e_accept_rules
"$BIN" mod add mo boston --db "$DB" >/dev/null || fail "mod add"
e2e_start

e2e_login p pat 'pat password'
e2e_see p 'Welcome.*Pat Parker'
e2e_keys p c; e2e_see p 'All communities'
e2e_choose p '^ +Boston +region ' v
e2e_see p 'Moderating Boston: the moderators'"'"' guidelines'
e2e_keys p y; e2e_see p 'read the guidelines to the end first'
e2e_keys p End; e2e_see p 'Do you agree to follow these guidelines\? \[y/n\]'
e2e_see p 'Stepping down'
e2e_keys p y; e2e_see p 'Why would you moderate Boston\?'
e2e_type p 'I live there and read every thread'; e2e_keys p Enter
e2e_see p 'Your application is with the moderators of Boston'
e2e_sql_is "select count(*) from community_requests where kind = 'moderate' and status = 'open'
  and guidelines_at is not null" 1 || fail "application not stored with the acknowledgement"

e2e_login m mo 'mo password'
e2e_see m '\[X\] Moderation'
e2e_keys m x; e2e_see m 'Applications'
e2e_keys m a; e2e_see m 'Boston +Pat Parker \(pat\)'
e2e_see m 'I live there and read every thread'
e2e_keys m r; e2e_see m 'Why do you recommend them'
e2e_type m 'Calm and helpful in every thread'; e2e_keys m Enter
e2e_see m 'Recommended pat to the admins'
e2e_see m 'recommended by mo: Calm and helpful'

e2e_login a ann 'ann password'
e2e_see a '\[Z\] Administration'
e2e_keys a z; e2e_see a 'Moderators'
e2e_keys a d; e2e_see a 'recommended by mo: Calm and helpful'
e2e_keys a a; e2e_see a 'Reason for appointing'
e2e_type a 'Recommended by the Boston moderator'; e2e_keys a Enter
e2e_see a 'Appointed pat; they are told'
e2e_keys p q; e2e_see p 'Welcome.*Pat Parker'
e2e_see p '\[X\] Moderation' 5
e2e_sql_is "select count(*) from audit_log where actor = 'mo' and action = 'application.recommend'
  and target = 'pat'" 1 || fail "recommendation not audited"
e2e_sql_is "select count(*) from audit_log where actor = 'ann' and action = 'moderator.appoint'
  and target = 'pat'" 1 || fail "appointment not audited"

# The moderators of each community; remove one.
e2e_keys a m; e2e_see a 'The moderators of each community'
e2e_choose a '^ +Boston +Pat Parker \(pat\)' x
e2e_see a 'Reason for removing them'
e2e_type a 'Stepping down'; e2e_keys a Enter
e2e_see a 'pat no longer moderates Boston'
e2e_gone p '\[X\] Moderation' 5
exit 0
