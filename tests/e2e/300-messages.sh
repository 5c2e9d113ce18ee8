# Private messages over real SSH: Ann writes to Bob while Bob is in Who's
# online; Bob's status bar shows it within 2 s; Bob opens it and replies;
# Ann sees the reply live; after Bob blocks Ann, Ann's next message is
# refused with a clear message (her text kept) and nothing is stored.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Archer" alumni 'ann password 1'
e2e_user bob "Bob Baker" student 'bob password 1'
e2e_accept_rules
e2e_start

e2e_login a ann 'ann password 1'
e2e_see a 'Welcome.*Ann Archer'
e2e_login b bob 'bob password 1'
e2e_see b 'Welcome.*Bob Baker'
e2e_keys b w
e2e_see b "Who's online \(2\)"

# Ann writes to Bob by login from her inbox.
e2e_keys a i
e2e_see a 'Inbox \(0\)'
e2e_keys a n
e2e_see a 'Write to which member'
e2e_type a 'bob'; e2e_keys a Enter
e2e_see a 'Conversation with Bob Baker \(bob\)'
e2e_keys a r
e2e_see a 'Message to Bob Baker'
e2e_type a 'Hello Bob, shall we talk about residency applications?'
t0=$(date +%s.%N)
e2e_keys a C-x
e2e_see a 'Message sent to Bob Baker'
# Bob, still in Who's online, sees it in the status bar within 2 s: the
# bar keeps Who's online's keys and adds the news at its right end.
e2e_see b "^ Enter view profile .* 1 new message" 2
e2e_see b '1 new message' 2
t1=$(date +%s.%N)
echo "status bar latency: $(echo "$t1 - $t0" | bc) s"
e2e_screen b | grep -q "Who's online" || fail "Bob left Who's online"

# Bob opens his inbox and the conversation, and replies.
e2e_keys b q
e2e_see b 'You have 1 unread private message'
e2e_keys b i
e2e_see b 'Ann Archer +1 new'
# a asks before it archives; n keeps the conversation where it is.
e2e_keys b a
e2e_see b 'Archive your conversation with Ann Archer\? \[y/n\]'
e2e_keys b n
e2e_gone b 'Archive your conversation'
e2e_see b 'Ann Archer +1 new'
[ "$(e2e_sql 'select count(*) from conversation_members where archived = 1')" = 0 ] ||
  fail "n archived the conversation"
e2e_keys b Enter
e2e_see b 'Hello Bob, shall we talk about residency applications'
e2e_gone b '1 new message'
e2e_keys b r
e2e_see b 'Message to Ann Archer'
e2e_type b 'Yes, gladly. Tuesday?'
e2e_keys b C-x
e2e_see b 'Message sent to Ann Archer'
# Ann, in the conversation, sees the reply appear.
e2e_see a 'Yes, gladly. Tuesday\?' 3
e2e_see a 'Bob Baker .*\(new\)'

# Ann starts another message; meanwhile Bob blocks her from her profile.
e2e_keys a r
e2e_see a 'Message to Bob Baker'
e2e_type a 'One more thing'
e2e_keys b p
e2e_see b 'Profile of Ann Archer'
e2e_keys b b
e2e_see b 'Block Ann Archer\? \[y/n\]'
e2e_keys b y
e2e_see b 'Blocked Ann Archer'
# The data layer refuses it; Ann is told plainly and keeps her text.
e2e_keys a C-x
e2e_see a 'You cannot message Bob Baker\.'
e2e_keys a r
e2e_see a 'You cannot message Bob Baker\.'
[ "$(e2e_sql 'select count(*) from messages')" = 2 ] || fail "a message got through the block"
e2e_screen a | grep -q 'blocked' && fail "Ann is told who blocked whom"
# Bob cannot write to Ann either, while the block stands. m on her profile
# goes back to the open conversation (no second copy on the stack).
e2e_keys b m
e2e_see b 'Conversation with Ann Archer \(ann\) +- you blocked this member'
e2e_keys b r
e2e_see b 'You cannot message Ann Archer\.'
# Bob finds Ann in his blocked list and unblocks her, then waits in his
# inbox: Ann's kept text goes, and Bob's inbox count updates by itself.
e2e_keys b q
e2e_see b 'Inbox \(1\)'
e2e_keys b B
e2e_see b 'Members you blocked'
e2e_see b 'Ann Archer +ann'
e2e_keys b u
e2e_see b 'Unblock Ann Archer\? \[y/n\]'
e2e_keys b y
e2e_see b 'Unblocked Ann Archer'
e2e_keys b q
e2e_see b 'Inbox \(1\)'
e2e_screen b | grep -Eq 'Ann Archer +[0-9]+ new' && fail "unread before Ann wrote"
e2e_keys a r
e2e_see a 'One more thing'
e2e_keys a C-x
e2e_see a 'Message sent to Bob Baker'
e2e_see b 'Ann Archer +1 new +just now +One more thing' 3
e2e_see b '1 new message'
[ "$(e2e_sql 'select count(*) from messages')" = 3 ] || fail "message after unblock not stored"
exit 0
