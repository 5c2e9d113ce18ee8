# Thread moderation, Members and probation over real SSH. Mo moderates
# Boston, Yan moderates Philadelphia; Mel is an established member, Nina a
# new one. Mo pins and locks Mel's thread: it is listed first and marked,
# and Mel's reply to it is refused with the sentence, the text kept. Yan's
# M on a Boston thread is refused. Mo silences Mel in Boston from Members:
# Mel's next post there says why and until when, the text kept. Nina, new,
# hits the daily thread cap with the sentence; Mo vouches for her and the
# same text then posts.
. "$(dirname "$0")/lib.sh"
e2e_user mo "Mo Moderator" alumni 'mo password 1'
e2e_user yan "Yan Other" alumni 'yan password 1'
e2e_user mel "Mel Member" alumni 'mel password 1'
e2e_user nina "Nina Newcomer" student 'nina password 1'
e2e_accept_rules
# Everyone but Nina joined a month ago: only she is on probation.
e2e_sql "update users set created_at = created_at - 30 * 86400 where login <> 'nina';
  insert into community_moderators (community_id, user_id)
    select c.id, u.id from communities c, users u where c.slug = 'boston' and u.login = 'mo';
  insert into community_moderators (community_id, user_id)
    select c.id, u.id from communities c, users u where c.slug = 'philadelphia' and
    u.login = 'yan'"
printf '[moderation]\nprobation_days = 7\nprobation_threads = 1\n' > "$T/mod.conf"
e2e_start --config "$T/mod.conf"

# thread WINDOW TITLE TEXT: starts a thread in the Boston list on screen.
thread() {
  e2e_keys "$1" n; e2e_see "$1" 'Title:'
  e2e_type "$1" "$2"; e2e_keys "$1" Enter
  e2e_see "$1" "Editing: New thread: $2"
  e2e_type "$1" "$3"; e2e_keys "$1" C-x
}
boston() {
  e2e_keys "$1" c; e2e_see "$1" 'All communities'
  e2e_choose "$1" '^ +Boston +region ' Enter
  e2e_see "$1" 'Boston +\(regional network'
}

e2e_login u mel 'mel password 1'
e2e_see u 'Welcome.*Mel Member'
boston u
thread u 'Where to live' 'Which neighbourhood is close to the hospitals?'
e2e_see u 'Your thread is started'
e2e_keys u q; e2e_see u 'Boston +\(regional network'
thread u 'Parking tips' 'Is a car worth it?'
e2e_see u 'Your thread is started'
e2e_keys u q; e2e_see u 'Parking tips'

# Mo pins and locks "Where to live" from the thread list.
e2e_login m mo 'mo password 1'
e2e_see m 'Welcome.*Mo Moderator'
boston m
e2e_see m 'Where to live'
e2e_choose m 'Where to live' M
e2e_see m 'Moderate thread #[0-9]+: Where to live'
e2e_keys m p; e2e_see m 'Pin: the thread is listed first'
e2e_type m 'Start here'; e2e_keys m Enter
e2e_see m 'Done, and recorded in the audit log'
e2e_see m 'Now: open, pinned'
e2e_keys m l; e2e_see m 'Lock: no more replies'
e2e_type m 'Answered; please start a new thread'; e2e_keys m Enter
e2e_see m 'Now: locked, pinned'
e2e_sql_is "select count(*) from audit_log where action in ('thread.pin', 'thread.lock')
  and reason <> ''" 2 || fail "the actions are not in the audit log"
e2e_keys m q; e2e_see m 'Boston +\(regional network'

# Mel's list shows it first, pinned and locked.
e2e_see u ' P +\[locked\] Where to live' 10
scr=$(e2e_screen u)
first=$(printf '%s\n' "$scr" | grep -n 'Where to live' | head -1 | cut -d: -f1)
second=$(printf '%s\n' "$scr" | grep -n 'Parking tips' | head -1 | cut -d: -f1)
[ "$first" -lt "$second" ] || fail "the pinned thread is not listed first"
# A reply to it is refused with the sentence; the text stays in the editor.
e2e_choose u 'Where to live' Enter
e2e_see u 'locked: no new replies'
e2e_keys u R; e2e_see u 'Editing: Reply to Mel Member'
e2e_type u 'But what about Somerville?'
e2e_keys u C-x
e2e_see u 'This thread is locked: the moderators closed it to new replies'
e2e_see u 'Editing: Reply to Mel Member'
e2e_see u 'But what about Somerville\?'
e2e_sql_is "select count(*) from posts where body like '%Somerville%'" 0 ||
  fail "the refused reply was stored"
e2e_keys u Escape; e2e_gone u 'Editing:'
e2e_keys u q; e2e_see u 'Boston +\(regional network'

# Yan moderates Philadelphia, not Boston: M is refused.
e2e_login y yan 'yan password 1'
e2e_see y 'Welcome.*Yan Other'
boston y
e2e_choose y 'Parking tips' M
e2e_see y 'Only the moderators of Boston and the admins can moderate its threads'
e2e_screen y | grep -q 'Moderate thread' && fail "a moderator of Philadelphia moderates Boston"

# Mo silences Mel in Boston for a day from Moderation -> Members.
e2e_keys m q; e2e_keys m q; e2e_see m 'Welcome.*Mo Moderator'
e2e_keys m x; e2e_see m 'You moderate some communities'
e2e_keys m m; e2e_see m 'Members: sanctions in force'
e2e_keys m s; e2e_see m 'Login:'
e2e_type m mel; e2e_keys m Enter
e2e_see m 'Community: Boston'; e2e_keys m Enter
e2e_see m 'Days: 1'; e2e_keys m Enter
e2e_see m 'Reason:'; e2e_type m 'Heated replies'; e2e_keys m Enter
e2e_see m 'The member is told why and until when'
e2e_see m 'mel +silenced in Boston until'

# Mel tries to post in Boston: why and until when, and the text stays.
thread u 'One more question' 'Silenced text that must not be lost'
e2e_see_words u 'You are silenced in Boston until [0-9-]+ [0-9:]+ UTC: Heated replies'
e2e_see u 'Editing: New thread: One more question'
e2e_see u 'Silenced text that must not be lost'
e2e_keys u Escape; e2e_gone u 'Editing:'

# Nina, new: one thread a day; the second is refused with the sentence.
e2e_login n nina 'nina password 1'
e2e_see n 'Welcome.*Nina Newcomer'
boston n
thread n 'Hello Boston' 'I start in July.'
e2e_see n 'Your thread is started'
e2e_keys n q; e2e_see n 'Boston +\(regional network'
thread n 'Roommates' 'Anyone looking for a roommate?'
lifts=$(date -u -d '+7 days' +%F)
e2e_see_words n "New members can start 1 thread a day for their first 7 days; this lifts on ($lifts|$(date -u -d '+6 days' +%F)), or when a moderator vouches for you"
e2e_see n 'Editing: New thread: Roommates'
e2e_see n 'Anyone looking for a roommate\?'

# Mo vouches for her; the same text, sent again, is posted.
e2e_keys m v; e2e_see m 'Vouch for a new member'
e2e_type m nina; e2e_keys m Enter
e2e_see m 'Reason:'; e2e_type m 'I know her from residency'; e2e_keys m Enter
e2e_see m 'Vouched: their new-member limits are lifted'
e2e_keys n C-x
e2e_see n 'Your thread is started'
e2e_sql_is "select count(*) from threads where title = 'Roommates'" 1 || fail "not posted"
e2e_sql_is "select count(*) from audit_log where action = 'member.vouch'" 1 ||
  fail "the vouch is not in the audit log"
exit 0
