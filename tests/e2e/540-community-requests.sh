# Community requests over real SSH: a member files a request for a new
# community; two other members support it and the count shows (the
# requester's list updates live); the requester cannot support their own;
# an admin approves it from Administration -> Community requests,
# appointing the requester; the new community is in Communities for
# everyone with its moderator shown, the requester sees Moderation on the
# main menu, and the supporters get a notice.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Admin" alumni 'ann password' --admin
e2e_user bob "Bob Builder" alumni 'bob password'
e2e_user cat "Cat Carter" trainee 'cat password'
e2e_user dan "Dan Dunn" student 'dan password'
e2e_accept_rules
e2e_start

e2e_login b bob 'bob password'
e2e_see b 'Welcome.*Bob Builder'
e2e_screen b | grep -q 'Moderation' && fail "bob sees Moderation before any appointment"
e2e_keys b c; e2e_see b 'All communities'
e2e_keys b n; e2e_see b 'New community name:'
e2e_type b 'Denver'; e2e_keys b Enter
e2e_see b 'Kind, region or career:'
e2e_type b 'region'; e2e_keys b Enter
e2e_see b 'One-line description:'
e2e_type b 'Colorado and the Rockies'; e2e_keys b Enter
e2e_see b 'Why is it needed\?'
e2e_type b 'Several of us moved there'; e2e_keys b Enter
e2e_see b 'Your request is stored'
e2e_keys b s
e2e_see b 'open +0 supporters +New community: Denver \(region\), yours'
e2e_keys b +
e2e_see b 'This is your own request'

# Two others support it: each sees the count go up.
n=1
for w in c d; do
  login=cat; [ $w = d ] && login=dan
  e2e_login $w $login "$login password"
  e2e_see $w 'Welcome'
  e2e_keys $w c; e2e_see $w 'All communities'
  e2e_keys $w s; e2e_see $w 'New community: Denver \(region\) by Bob Builder'
  e2e_choose $w 'New community: Denver' +
  e2e_see $w 'You support Denver'
  [ $n = 1 ] && e2e_see $w 'open +1 supporter \(you\) +New community: Denver'
  [ $n = 2 ] && e2e_see $w 'open +2 supporters \(you\) +New community: Denver'
  n=2
done
e2e_see b 'open +2 supporters +New community: Denver' 5

# The admin approves it, appointing bob.
e2e_login a ann 'ann password'
e2e_see a '\[Z\] Administration'
e2e_keys a z; e2e_see a 'Community requests'
e2e_keys a c; e2e_see a 'Community requests waiting for a decision'
e2e_see a '2 supporters +New community: Denver'
e2e_choose a 'New community: Denver' a
e2e_see a 'bob asked for it: appoint them as its moderator\? \[y/n\]'
e2e_keys a y
e2e_see a 'Also appoint'
e2e_keys a Enter
e2e_see a 'Approved: Denver is open in Communities'
e2e_see a 'No community requests are waiting'
e2e_sql_is "select count(*) from audit_log where actor = 'ann' and action = 'community.approve'
  and target = 'Denver'" 1 || fail "no audit entry for the approval"
e2e_sql_is "select count(*) from audit_log where actor = 'ann' and action = 'moderator.appoint'
  and target = 'bob'" 1 || fail "no audit entry for the appointment"

# Everyone sees it, with its moderator.
e2e_keys d q; e2e_see d 'All communities'
e2e_choose d '^ +Denver +region '
e2e_see d 'Moderators: Bob Builder'
e2e_see d 'Colorado and the Rockies'
# The supporters were told; bob sees Moderation on the main menu.
e2e_see c '1 notice' 5
e2e_sql_is "select count(*) from notices n join users u on u.id = n.user_id where
  u.login in ('cat', 'dan') and n.text like 'Denver, which you supported, is open%'" 2 ||
  fail "the supporters were not both told"
e2e_keys b q q; e2e_see b 'Welcome.*Bob Builder'
e2e_see b '\[X\] Moderation' 5
e2e_keys b x; e2e_see b 'You moderate some communities'
exit 0
