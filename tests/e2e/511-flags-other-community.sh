# A moderator of Boston does not see a flagged post of Philadelphia in the
# review queue, and cannot act on it: pressing delete on it in the thread
# view is refused by the data layer (the post stays, no audit entry),
# while the same key removes a Boston post with a reason.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Author" alumni 'ann password'
e2e_user fay "Fay Flagger" alumni 'fay password'
e2e_user mo "Mo Moderator" alumni 'mo password'
e2e_accept_rules
mo=$(e2e_uid mo)
e2e_sql "insert into community_moderators (community_id, user_id)
  select id, $mo from communities where slug = 'boston'"
e2e_start

# thread WINDOW COMMUNITY TITLE BODY: starts a thread.
thread() {
  e2e_keys "$1" c; e2e_see "$1" 'All communities'
  e2e_choose "$1" "^ +$2 +region " Enter
  e2e_see "$1" "$2 +\(regional"
  e2e_keys "$1" n; e2e_see "$1" 'Title:'
  e2e_type "$1" "$3"; e2e_keys "$1" Enter
  e2e_see "$1" "Editing: New thread: $3"
  e2e_type "$1" "$4"; e2e_keys "$1" C-x
  e2e_see "$1" 'Your thread is started'
  e2e_keys "$1" q q q; e2e_see "$1" 'Welcome'
}
e2e_login a ann 'ann password'
e2e_see a 'Welcome.*Ann Author'
thread a Philadelphia 'Philly spam' 'Cheap pills here.'
thread a Boston 'Boston spam' 'Cheap pills in Boston.'

# Fay flags both posts.
e2e_login f fay 'fay password'
e2e_see f 'Welcome'
for com in Philadelphia:Philly Boston:Boston; do
  e2e_keys f c; e2e_see f 'All communities'
  e2e_choose f "^ +${com%%:*} +region " Enter
  e2e_choose f "${com#*:} spam" Enter
  e2e_see f 'Cheap pills'
  e2e_keys f '!'; e2e_see f 'Flag Ann Author'
  e2e_keys f 3; e2e_see f 'Note:'; e2e_keys f Enter
  e2e_see f 'Flagged for the moderators'
  e2e_keys f q q; e2e_see f 'All communities'; e2e_keys f q; e2e_see f 'Welcome'
done
[ "$(e2e_sql "select count(*) from review_items where status = 'open'")" = 2 ] || fail "two items"

# Mo's queue: Boston's item only.
e2e_login m mo 'mo password'
e2e_see m '\[X\] Moderation'
e2e_keys m x; e2e_see m 'Review queue'
e2e_keys m r; e2e_see m 'Review queue: your communities'
e2e_see m '"Boston spam" in Boston'
e2e_gone m 'Philly spam'
e2e_keys m q q; e2e_see m 'Welcome'

# Mo in Philadelphia: delete is refused by the data layer.
e2e_keys m c; e2e_see m 'All communities'
e2e_choose m '^ +Philadelphia +region ' Enter
e2e_choose m 'Philly spam' Enter
e2e_see m 'Cheap pills here'
e2e_keys m d; e2e_see m 'Remove: reason readers see:'
e2e_type m 'Spam'; e2e_keys m Enter
e2e_see m 'You can only delete your own posts'
e2e_see m 'Cheap pills here'
[ "$(e2e_sql "select deleted from posts p join threads t on t.id = p.thread_id where t.title = 'Philly spam'")" = 0 ] ||
  fail "a Boston moderator removed a Philadelphia post"
[ "$(e2e_sql "select count(*) from audit_log")" = 0 ] || fail "audit entry for a refused action"

# In Boston the same key removes the post, with the reason shown.
e2e_keys m q q; e2e_see m 'All communities'
e2e_choose m '^ +Boston +region ' Enter
e2e_choose m 'Boston spam' Enter
e2e_see m 'Cheap pills in Boston'
e2e_keys m d; e2e_see m 'Remove: reason readers see:'
e2e_type m 'Spam is not allowed'; e2e_keys m Enter
e2e_see m 'Post removed; readers see your reason'
e2e_see m '\[removed by a moderator: Spam is not allowed\]'
[ "$(e2e_sql "select action || ':' || after from audit_log")" = "post.remove:removed" ] ||
  fail "audit: $(e2e_sql 'select * from audit_log')"
[ "$(e2e_sql "select count(*) from review_items where status = 'open'")" = 1 ] ||
  fail "the Boston item did not close with the removal"
exit 0
