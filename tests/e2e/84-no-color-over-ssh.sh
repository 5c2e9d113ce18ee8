# NO_COLOR sent by the member's ssh client (the env allow-list) turns plain
# mode on by itself: the chosen menu entry is marked with ">" and the
# cursor sits on it; the same login without NO_COLOR has neither.
. "$(dirname "$0")/lib.sh"
e2e_user nia "Nia Noor" trainee 'nia password 1'
e2e_accept_rules
e2e_start
SSHO="-F /dev/null $SSHO"
e2e_window n "sshpass -p 'nia password 1' ssh $SSHO -o PubkeyAuthentication=no -o SetEnv=NO_COLOR=1 -tt -p $PORT nia@127.0.0.1; echo '[ssh exited]' \$?; sleep 60"
e2e_see n 'Welcome.*Nia Noor'
e2e_see n '^> +\[P\] Profile'
e2e_window c "sshpass -p 'nia password 1' ssh $SSHO -o PubkeyAuthentication=no -tt -p $PORT nia@127.0.0.1; echo '[ssh exited]' \$?; sleep 60"
e2e_see c 'Welcome.*Nia Noor'
e2e_screen c | grep -q '^> ' && fail "plain mode without NO_COLOR"
exit 0
