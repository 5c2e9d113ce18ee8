# Flags and the review queue over real SSH: three members flag Ann's post
# and it is hidden (a reader sees the stub, Ann still sees her words); the
# community's moderator finds it in the review queue with its context,
# agrees and removes it with a reason; the reader's open thread shows
# "[removed by a moderator: REASON]"; the audit log shows the action and
# the sysop's `reports` lists the flags.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Author" alumni 'ann password'
e2e_user fay "Fay Flagger" alumni 'fay password'
e2e_user gil "Gil Flagger" trainee 'gil password'
e2e_user hal "Hal Flagger" student 'hal password'
e2e_user mo "Mo Moderator" alumni 'mo password'
e2e_user rea "Rea Reader" trainee 'rea password'
e2e_accept_rules
mo=$(e2e_uid mo)
e2e_sql "insert into community_moderators (community_id, user_id)
  select id, $mo from communities where slug = 'boston'"
e2e_start

e2e_login a ann 'ann password'
e2e_see a 'Welcome.*Ann Author'
e2e_keys a c; e2e_see a 'All communities'
e2e_choose a '^ +Boston +region ' Enter
e2e_see a 'Boston +\(regional'
e2e_keys a n; e2e_see a 'Title:'
e2e_type a 'Selling notes'; e2e_keys a Enter
e2e_see a 'Editing: New thread: Selling notes'
e2e_type a 'Buy my exam notes, cheap.'; e2e_keys a C-x
e2e_see a 'Your thread is started'

# flag WINDOW LOGIN PASSWORD NOTE: opens Boston > Selling notes, flags the post as spam.
flag() {
  e2e_login "$1" "$2" "$3"
  e2e_see "$1" 'Welcome'
  e2e_keys "$1" c; e2e_see "$1" 'All communities'
  e2e_choose "$1" '^ +Boston +region ' Enter
  e2e_see "$1" 'Selling notes'
  e2e_choose "$1" 'Selling notes' Enter
  e2e_see "$1" 'Buy my exam notes'
  e2e_keys "$1" '!'; e2e_see "$1" "Flag Ann Author's post in \"Selling notes\""
  e2e_keys "$1" 3; e2e_see "$1" 'Note:'
  e2e_type "$1" "$4"; e2e_keys "$1" Enter
}
flag f fay 'fay password' 'advertising'
e2e_see f 'Flagged for the moderators'
# A repeat is told so, and stores nothing.
e2e_keys f '!'; e2e_keys f 3; e2e_see f 'Note:'; e2e_keys f Enter
e2e_see f 'You already flagged this'
flag g gil 'gil password' ''
e2e_see g 'Flagged for the moderators'
[ "$(e2e_sql "select hidden from posts")" = 0 ] || fail "hidden after two flags"
flag h hal 'hal password' 'spam again'
e2e_see h 'it is hidden until a moderator'
[ "$(e2e_sql "select hidden from posts")" = 1 ] || fail "not hidden after three flags"

# A reader sees the stub, not the body; Ann sees her post, marked, and a notice.
e2e_login r rea 'rea password'
e2e_see r 'Welcome.*Rea Reader'
e2e_keys r c; e2e_see r 'All communities'
e2e_choose r '^ +Boston +region ' Enter
e2e_choose r 'Selling notes' Enter
e2e_see r '\[hidden: flagged by members'
e2e_gone r 'Buy my exam notes'
e2e_see a 'HIDDEN: only you see it'
e2e_see a 'Buy my exam notes'

# The moderator: Moderation > Review queue, the item with its context.
e2e_login m mo 'mo password'
e2e_see m '\[X\] Moderation'
e2e_keys m x; e2e_see m 'Review queue'
e2e_keys m r; e2e_see m 'Review queue: your communities'
e2e_see m 'post +"Selling notes" in Boston +by Ann Author'
e2e_see m '3 flaggers: spam +hidden for review'
e2e_keys m Enter
e2e_see m 'Thread: Selling notes'
e2e_see m 'Buy my exam notes, cheap\.'
e2e_see m 'spam by fay, .*: advertising'
e2e_see m 'a agree: hide +r agree: remove'
e2e_keys m r; e2e_see m 'Reason:'
e2e_type m 'Advertising is not allowed here'; e2e_keys m Enter
e2e_see m 'Agreed: removed\. It is in the audit log'
e2e_see m 'Nothing to review'

# The reader's open thread shows the removal with the reason, live.
e2e_see r '\[removed by a moderator: Advertising is not allowed here\]'
e2e_gone r 'Buy my exam notes'

# The audit log.
e2e_keys m q; e2e_see m 'You moderate some communities'
e2e_keys m l; e2e_see m 'Audit log'
e2e_see m 'mo  flag\.agree\.remove  Selling notes in Boston'
e2e_see m 'Advertising is not allowed here  \[hidden for review -> rem'

# The sysop's list: three flags, agreed.
out=$("$BIN" reports --db "$DB") || fail "reports"
[ "$(printf '%s\n' "$out" | grep -c 'post .*Selling notes.*Boston.*spam .*3 .*agreed/agreed')" = 3 ] ||
  fail "reports: $out"
out=$("$BIN" reports --open --db "$DB") || fail "reports --open"
[ "$(printf '%s\n' "$out" | wc -l)" = 1 ] || fail "reports --open lists closed flags: $out"
"$BIN" reports --bogus --db "$DB" 2>/dev/null; [ $? = 2 ] || fail "reports: bad option not a usage error"
exit 0
