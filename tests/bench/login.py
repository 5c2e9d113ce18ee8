#!/usr/bin/env python3
"""Login latency and memory of mentorbbs, measured with a real OpenSSH client.

  login.py BIN [N]

Starts `BIN serve` on a free loopback port with a temporary database, makes a
member with a key, then N times: runs ssh in a pty and times from the start of
the TCP connection (ssh's own start, which includes its process start-up) to
the member's display name on the first screen. Prints median/p95, then the
PSS of one idle member's session and UI processes (from /proc/PID/smaps_rollup).
Figures only: nothing here passes or fails on time."""
import os, pty, select, socket, statistics, subprocess, sys, tempfile, time

BIN = os.path.abspath(sys.argv[1])
N = int(sys.argv[2]) if len(sys.argv) > 2 else 20
NAME = b"Benchmark Bea"
tmp = tempfile.mkdtemp(prefix="bench.")
db = os.path.join(tmp, "b.db")
key = os.path.join(tmp, "id")
subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key], check=True)
subprocess.run([BIN, "user", "add", "bea", "--name", NAME.decode(), "--role", "alumni",
                "--pubkey", key + ".pub", "--db", db], check=True, stdout=subprocess.DEVNULL)
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
log = open(os.path.join(tmp, "server.log"), "w")
srv = subprocess.Popen([BIN, "serve", "--port", str(port), "--db", db,
                        "--keys", os.path.join(tmp, "keys")], stdout=log, stderr=log)
for _ in range(300):
    try:
        socket.create_connection(("127.0.0.1", port), 0.2).close(); break
    except OSError:
        time.sleep(0.1)

SSH = ["ssh", "-tt", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
       "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
       "-i", key, "-p", str(port), "bea@127.0.0.1"]

def login():
    """Returns (seconds to first screen, pid, master fd) with the session left open."""
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execvp("ssh", SSH)
    buf = b""
    deadline = t0 + 15
    while NAME not in buf and time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 0.5)
        if r:
            try:
                buf += os.read(fd, 65536)
            except OSError:
                break
    if NAME not in buf:
        raise SystemExit("login did not reach the first screen: %r" % buf[-300:])
    return time.monotonic() - t0, pid, fd

def close(pid, fd):
    try:
        os.kill(pid, 9)
    except OSError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)

def pss_kb(p):
    with open("/proc/%d/smaps_rollup" % p) as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0

try:
    times = []
    for i in range(N):
        t, pid, fd = login()
        times.append(t)
        close(pid, fd)
        time.sleep(0.05)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    print("login: connect to first screen over %d logins: median %.1f ms, p95 %.1f ms, min %.1f ms"
          % (N, statistics.median(times) * 1000, p95 * 1000, times[0] * 1000))
    t, pid, fd = login()
    time.sleep(2)
    ui = subprocess.run(["pgrep", "-f", "ui .*server[.]db=" + db], capture_output=True, text=True).stdout.split()
    sess = [int(subprocess.run(["ps", "-o", "ppid=", "-p", u], capture_output=True, text=True).stdout) for u in ui]
    if ui:
        u, sp = int(ui[0]), sess[0]
        print("memory: idle member PSS: session process %d KiB + UI process %d KiB = %d KiB"
              % (pss_kb(sp), pss_kb(u), pss_kb(sp) + pss_kb(u)))
    close(pid, fd)
finally:
    srv.terminate(); srv.wait()
    subprocess.run(["pkill", "-f", "--", db])
    subprocess.run(["rm", "-rf", tmp])
