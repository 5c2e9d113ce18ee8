# paramiko (tests/clients/paramiko-client.py) logs in with a password, asks
# for a pty and a shell in a terminal, and goes through one visit. Debian's
# python3, which has python3-paramiko, not whichever python3 is first in PATH.
. "$(dirname "$0")/lib.sh"
/usr/bin/python3 -c 'import paramiko' 2>/dev/null || fail "paramiko missing: apt-get install python3-paramiko"
e2e_user alice "Alice Appleton" alumni 'alice password'
e2e_start
e2e_client pm "PARAMIKO_PASSWORD='alice password' /usr/bin/python3" \
  "$E2E_ROOT/tests/clients/paramiko-client.py $PORT alice"
e2e_client_visit pm 'Alice Appleton' alice
exit 0
