#!/usr/bin/env python3
"""Private message delivery latency with 100 concurrent sessions, and the
CPU an idle session uses.

  bench-messages.py BIN [SESSIONS] [ROUNDS]

Makes SESSIONS members (default 100) in a temporary database (inserted with
sqlite3: no passwords, so no argon2 work), then runs one `BIN local --user`
UI process per member, each in its own pty (80x24) against that database:
the same UI process a member gets over SSH, without the SSH transport (the
session process only pumps bytes, so it is left out to keep 100 sessions
cheap on a small machine). Half the sessions are senders, half recipients;
every pair opens its conversation through the real UI (i, n, login, Enter).

Each round, every sender presses r, types a unique random token and sends
it with Ctrl-X at a random moment within two seconds. The latency is from
writing Ctrl-X to the sender's pty until the token appears in the
recipient's pty output (the recipient's UI noticed PRAGMA data_version move,
re-read the conversation and drew it). Prints p50/p95/max.

Then all sessions sit idle for 30 s and the CPU time of their UI processes
(/proc/PID/stat utime+stime) gives the per-session idle CPU.
Figures only: nothing here passes or fails."""
import fcntl, os, pty, random, select, signal, sqlite3, statistics, string, struct
import subprocess, sys, tempfile, termios, time

BIN = os.path.abspath(sys.argv[1])
N = int(sys.argv[2]) if len(sys.argv) > 2 else 100
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
IDLE_SECS = int(os.environ.get("BENCH_IDLE_SECS", "30"))
ROOT = os.path.dirname(BIN)
SCREENS = os.path.join(ROOT, "screens")
tmp = tempfile.mkdtemp(prefix="bench-msg.")
db = os.path.join(tmp, "b.db")
CLK = os.sysconf("SC_CLK_TCK")


def make_members():
    subprocess.run([BIN, "db", "check", "--db", db], check=True, stdout=subprocess.DEVNULL)
    con = sqlite3.connect(db)
    week_ago = int(time.time()) - 7 * 86400
    con.executemany(
        "INSERT INTO users (login, display_name, role, status, created_at, rules_accepted_at)"
        " VALUES (?, ?, 'alumni', 'active', ?, ?)",
        [("u%03d" % i, "Bench Member %03d" % i, week_ago, week_ago) for i in range(N)])
    con.commit()
    con.close()


class Session:
    def __init__(self, i):
        self.login = "u%03d" % i
        self.buf = b""
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ["TERM"] = "xterm-256color"
            os.environ["LANG"] = "C.UTF-8"
            args = [BIN, "local", "--user", self.login, "--db", db]
            if os.path.isdir(SCREENS):
                args += ["--screens", SCREENS]
            os.dup2(os.open(os.path.join(tmp, "ui.log"), os.O_WRONLY | os.O_APPEND |
                            os.O_CREAT), 2)
            os.execv(BIN, args)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.set_blocking(self.fd, False)

    def send(self, data):
        os.write(self.fd, data)

    def close(self):
        try:
            os.kill(self.pid, signal.SIGHUP)
        except OSError:
            pass


sessions = []
by_fd = {}


def pump(timeout):
    """Reads whatever the sessions wrote; returns the time it was read."""
    r, _, _ = select.select(list(by_fd), [], [], timeout)
    now = time.monotonic()
    for fd in r:
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b""
        if data:
            s = by_fd[fd]
            s.buf = (s.buf + data)[-200000:]
    return now, r


def wait_for(s, text, secs=30):
    end = time.monotonic() + secs
    while text not in s.buf:
        if time.monotonic() > end:
            raise SystemExit("session %s never showed %r: %r" % (s.login, text, s.buf[-300:]))
        pump(0.2)


def open_conversation(s, peer):
    s.buf = b""
    s.send(b"i")
    wait_for(s, b"Inbox")
    s.send(b"n")
    wait_for(s, b"Write to which member")
    s.send(peer.encode() + b"\r")
    wait_for(s, b"Conversation with")


def token():
    return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(16))


def run_round(pairs, lat):
    for snd, _ in pairs:
        snd.buf = b""
        snd.send(b"r")
    for snd, _ in pairs:
        wait_for(snd, b"Message to")
    pending = []
    for snd, rcv in pairs:
        tok = token()
        snd.send(tok.encode())
        pending.append([time.monotonic() + random.uniform(0.2, 2.0), snd, rcv, tok.encode(), None])
    # Send each at its moment, then watch every recipient for its token.
    end = time.monotonic() + 30
    while time.monotonic() < end:
        now = time.monotonic()
        for p in pending:
            if p[4] is None and now >= p[0]:
                p[2].buf = b""
                p[1].send(b"\x18")
                p[4] = time.monotonic()
        now, _ = pump(0.01)
        done = 0
        for p in pending:
            if p[4] is not None and len(p) == 5 and p[3] in p[2].buf:
                lat.append(now - p[4])
                p.append(True)
            done += len(p) == 6
        if done == len(pending):
            return 0
    return sum(1 for p in pending if len(p) == 5)


def cpu_ticks(pids):
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


def main():
    random.seed(1)
    make_members()
    t0 = time.monotonic()
    for i in range(N):
        s = Session(i)
        sessions.append(s)
        by_fd[s.fd] = s
    for s in sessions:
        wait_for(s, b"Bench Member", 60)
    start_secs = time.monotonic() - t0
    half = N // 2
    pairs = [(sessions[i], sessions[i + half]) for i in range(half)]
    for snd, rcv in pairs:
        open_conversation(snd, rcv.login)
        open_conversation(rcv, snd.login)
    lat, lost = [], 0
    for _ in range(ROUNDS):
        lost += run_round(pairs, lat)
    # Idle: nobody types; the UIs only wake once a second to poll.
    pids = [s.pid for s in sessions]
    for _ in range(10):
        pump(0.1)
    c0, w0 = cpu_ticks(pids), time.monotonic()
    while time.monotonic() - w0 < IDLE_SECS:
        pump(1.0)
    c1, w1 = cpu_ticks(pids), time.monotonic()
    idle_pct = 100.0 * (c1 - c0) / CLK / (w1 - w0) / len(pids)
    print("messages: %d concurrent sessions (mentorbbs local UI processes in ptys, "
          "no SSH transport), %d started in %.1f s" % (N, N, start_secs))
    if lat:
        print("messages: delivery latency (Ctrl-X on sender -> text on recipient's "
              "screen), %d messages: p50 %.0f ms  p95 %.0f ms  max %.0f ms%s" %
              (len(lat), 1000 * statistics.median(lat), 1000 * pct(lat, 95),
               1000 * max(lat), "  (%d not seen within 30 s)" % lost if lost else ""))
    print("messages: idle CPU over %d s: %.3f%% per session (%d sessions, %.2f%% in total)" %
          (IDLE_SECS, idle_pct, len(pids), idle_pct * len(pids)))


try:
    main()
finally:
    for s in sessions:
        s.close()
    time.sleep(0.5)
    for s in sessions:
        try:
            os.kill(s.pid, signal.SIGKILL)
            os.waitpid(s.pid, 0)
        except OSError:
            pass
    subprocess.run(["rm", "-rf", tmp])
