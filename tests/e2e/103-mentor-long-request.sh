# A long request is read in full before answering: the mentor's screen
# gives the message the rows it has, marks "(more: PgDn)" when it is cut,
# and PgDn brings the last words into view; a long check-in note wraps
# instead of being cut at the screen edge.
. "$(dirname "$0")/lib.sh"
e2e_user mona "Mona Bauer" alumni 'mona password 1'
e2e_user sam "Sam Student" student 'sam password 1'
e2e_sql "update users set specialty = 'Cardiology', open_to_mentoring = 1, max_mentees = 2
  where login = 'mona'"
# 990 characters in short paragraphs (| becomes a line break), as members
# write them: numbered sentences, then the closing words.
msg="Opening words of my request."
i=1
while [ ${#msg} -lt 940 ]; do
  sep=' '; [ $((i % 2)) -eq 1 ] && sep='|'
  msg="$msg$sep""Sentence $i of my plan."; i=$((i + 1))
done
while [ $((${#msg} + 23)) -lt 990 ]; do msg="$msg."; done
msg="$msg|Closing: ZEBRA FINALE."
[ ${#msg} -eq 990 ] || fail "message is ${#msg} characters, not 990"
e2e_sql "insert into mentorships (mentee_id, mentor_id, message, created_at)
  select s.id, m.id, replace('$msg', '|', char(10)), strftime('%s','now') from users s, users m
  where s.login = 'sam' and m.login = 'mona'"
e2e_accept_rules
e2e_start
e2e_login b mona 'mona password 1'
e2e_see b 'Welcome.*Mona Bauer'

e2e_keys b m; e2e_see b 'Request from +Sam Student +waiting'
e2e_keys b Enter; e2e_see b 'Mentoring Sam Student'
e2e_see b 'Opening words of my request'
e2e_see b 'Request message: +\(more: PgDn\)'
e2e_screen b | grep -q 'ZEBRA FINALE' && fail "the whole message fit: the test needs a longer one"
e2e_keys b PageDown; e2e_see b 'Closing: ZEBRA FINALE'
e2e_gone b '\(more: PgDn'
e2e_keys b PageUp; e2e_see b 'Opening words of my request'
e2e_keys b Down; e2e_gone b 'Opening words of my request'
# Scrolling leaves the answer keys alone: accept still works.
e2e_keys b a; e2e_see b 'Enter to accept'
e2e_keys b Enter; e2e_see b 'Accepted: the mentorship is active'

# A check-in with a long note: wrapped, its last words on screen.
note="We met for an hour and went through every fellowship on the list; next: the letters END-OF-NOTE"
e2e_sql "insert into mentor_checkins (mentorship_id, author_id, met, next_date, note, created_at)
  select 1, id, 1, '2099-01-02', '$note', strftime('%s','now') from users where login = 'mona'"
e2e_keys b q; e2e_see b 'Your mentee +Sam Student'
e2e_keys b Enter; e2e_see b 'Mentoring Sam Student'
e2e_keys b End; e2e_see b 'Check-ins:'
e2e_see b 'END-OF-NOTE'
exit 0
