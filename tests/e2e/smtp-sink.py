#!/usr/bin/python3
# A real SMTP server on a loopback port for the mail cases (Debian's
# python3-aiosmtpd): every message it receives is written to DIR/N.eml in
# order, as the MTA would deliver it (lines ending in LF, as a mailbox
# keeps them). A message to the stop address is
# also piped into CMD, as the sysop's mail alias does
# ("stop: |mentorbbs mail stop --stdin"), and CMD's exit status and
# output go to DIR/N.stop. Stops by itself after --max-seconds, or when
# its parent goes.
#   smtp-sink.py --port N --dir DIR [--stop-addr A --stop-cmd CMD] [--max-seconds S]
import argparse, asyncio, os, subprocess, sys, time
from aiosmtpd.controller import Controller

ap = argparse.ArgumentParser()
ap.add_argument("--port", type=int, required=True)
ap.add_argument("--dir", required=True)
ap.add_argument("--stop-addr", default="")
ap.add_argument("--stop-cmd", default="")
ap.add_argument("--max-seconds", type=int, default=300)
a = ap.parse_args()
count = 0

class Sink:
    async def handle_DATA(self, server, session, envelope):
        global count
        count += 1
        path = os.path.join(a.dir, "%d.eml" % count)
        with open(path + ".tmp", "wb") as f:
            f.write(("X-Envelope-To: %s\n" % ",".join(envelope.rcpt_tos)).encode())
            f.write(envelope.original_content.replace(b"\r\n", b"\n"))
        if a.stop_addr and a.stop_addr in envelope.rcpt_tos and a.stop_cmd:
            p = subprocess.run(a.stop_cmd, shell=True, input=envelope.original_content,
                               capture_output=True)
            with open(os.path.join(a.dir, "%d.stop" % count), "wb") as f:
                f.write(b"%d\n" % p.returncode + p.stdout + p.stderr)
        os.rename(path + ".tmp", path)
        return "250 OK"

c = Controller(Sink(), hostname="127.0.0.1", port=a.port)
c.start()
open(os.path.join(a.dir, "ready"), "w").close()
parent, end = os.getppid(), time.time() + a.max_seconds
while time.time() < end and os.getppid() == parent:
    time.sleep(0.2)
c.stop()
