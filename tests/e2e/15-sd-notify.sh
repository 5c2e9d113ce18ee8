# Type=notify: the listener sends READY=1 to NOTIFY_SOCKET once it accepts
# connections (a path socket and an abstract one), and STOPPING=1 on stop.
. "$(dirname "$0")/lib.sh"
# A receiver that writes every datagram it gets to a file, until killed.
receiver() { # ADDRESS OUT
  python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
a = sys.argv[1]
s.bind("\0" + a[1:] if a.startswith("@") else a)
if not a.startswith("@"):
    import os; os.chmod(a, 0o666)  # the listener runs as the service user
open(sys.argv[2] + ".up", "w").close()
with open(sys.argv[2], "ab", buffering=0) as f:
    while True:
        f.write(s.recv(4096) + b"\n--\n")
' "$1" "$2" &
  RECV=$!
  e2e_until 10 "receiver up" test -e "$2.up"
}
for addr in "$T/notify.sock" "@mentorbbs-test-$$"; do
  rm -f "$T/notify.out" "$T/notify.out.up"
  receiver "$addr" "$T/notify.out"
  NOTIFY_SOCKET="$addr" e2e_start
  e2e_until 10 "READY=1 via $addr" grep -q '^READY=1$' "$T/notify.out"
  # Ready means ready: the port takes a connection now.
  (exec 3<>/dev/tcp/127.0.0.1/$PORT) || fail "READY=1 before the port accepts"
  e2e_stop_listener
  e2e_until 10 "STOPPING=1 via $addr" grep -q '^STOPPING=1$' "$T/notify.out"
  kill "$RECV"; wait "$RECV" 2>/dev/null
done
exit 0
