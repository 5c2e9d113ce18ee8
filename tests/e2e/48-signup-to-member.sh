# The registration login counts against the sign-up caps only until the
# new member exists: once the wizard has made the account, the same
# source may start another sign-up (signups_per_source = 1 here).
. "$(dirname "$0")/lib.sh"
e2e_keygen id
cat >"$T/mentorbbs.conf" <<CONF
[limits]
signups_per_source = 1
CONF
e2e_start --config "$T/mentorbbs.conf"
NEWSSH="ssh $SSHO -o IdentitiesOnly=yes -i $T/id -p $PORT new@127.0.0.1"
e2e_window r "$NEWSSH; echo '[ssh exited]'; sleep 60"
e2e_see r 'Accept the rules\? \[y/n\]'
# A second sign-up from the same source while the first is under way: refused.
e2e_window r2 "$NEWSSH; echo '[ssh exited]'; sleep 60"
e2e_see r2 'A sign-up from your network is already under way'
e2e_keys r y
# The wizard: each prompt and what the newcomer types (role is one key).
for step in 'Login:|zed' 'Display name:|Zed Zhang' 'Your role\?|s' 'Degree program|MD' \
    'Graduation year:|2027' 'Password:|zed password one' 'Password again:|zed password one'; do
  e2e_see r "${step%%|*}"
  if [ "${step#*|}" = s ]; then e2e_keys r s; else e2e_type r "${step#*|}"; e2e_keys r Enter; fi
done
e2e_see r 'SHA256:'
e2e_keys r n
e2e_see r 'Welcome, Zed Zhang' 15
# The first connection is now zed's session, not a sign-up.
e2e_window r3 "$NEWSSH; echo '[ssh exited]'; sleep 60"
e2e_see r3 'Accept the rules\? \[y/n\]'
exit 0
