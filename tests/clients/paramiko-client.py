#!/usr/bin/python3
"""A small interactive client on paramiko, for the client matrix
(tests/e2e/22-client-paramiko.sh): password login, a pty of the terminal's
size and TERM, a shell, then bytes both ways until the server ends the
channel. Exits with the remote exit status, so a clean hang-up is 0.

usage: paramiko-client.py PORT LOGIN     (the password is in $PARAMIKO_PASSWORD)"""
import os
import select
import shutil
import sys
import termios
import tty

import paramiko


def main():
    port, login = int(sys.argv[1]), sys.argv[2]
    client = paramiko.SSHClient()
    # The case's host keys are new each run: nothing to compare them with.
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect("127.0.0.1", port=port, username=login,
                   password=os.environ["PARAMIKO_PASSWORD"], allow_agent=False,
                   look_for_keys=False, timeout=15, banner_timeout=15, auth_timeout=15)
    size = shutil.get_terminal_size()
    chan = client.get_transport().open_session(timeout=15)
    chan.get_pty(term=os.environ.get("TERM", "xterm"), width=size.columns, height=size.lines)
    chan.invoke_shell()
    saved = termios.tcgetattr(sys.stdin)
    try:
        tty.setraw(sys.stdin.fileno())
        while True:
            ready, _, _ = select.select([chan, sys.stdin], [], [])
            if chan in ready:
                data = chan.recv(16384)
                if not data:
                    break
                os.write(sys.stdout.fileno(), data)
            if sys.stdin in ready:
                chan.sendall(os.read(sys.stdin.fileno(), 1024))
    finally:
        termios.tcsetattr(sys.stdin, termios.TCSADRAIN, saved)
    status = chan.recv_exit_status()
    client.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
