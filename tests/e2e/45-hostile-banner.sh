#!/usr/bin/env bash
# A client whose SSH banner carries terminal escapes (ESC[2J, a raw 0x9B,
# U+202E, U+200B): libssh quotes the banner in its error, and the server log
# still holds nothing but printable ASCII, the banner's bytes as \ooo.
. "$(dirname "$0")/lib.sh"
e2e_start

python3 - "$PORT" <<'PY' || fail "the hostile client could not connect"
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
s.recv(256)
# libssh refuses protocol 1 with "No version of SSH protocol usable (banner: ...)".
s.sendall(b"SSH-1.5-evil\x1b[2J\x9b31m\xe2\x80\xaenigol\xe2\x80\x8bx\r\n")
try:
    while s.recv(4096):
        pass
except OSError:
    pass
PY
e2e_until 10 "the server never logged the failed key exchange" \
  grep -q 'nigol' "$T/server.log"
grep 'nigol' "$T/server.log" | grep -q '\\033\[2J\\23331m\\342\\200\\256nigol\\342\\200\\213x' ||
  fail "the banner is not escaped as octal: $(grep nigol "$T/server.log")"
LC_ALL=C grep -n '[^ -~]' "$T/server.log" && fail "raw bytes outside printable ASCII in the server log"
echo "ok: the hostile banner reached the log escaped"
