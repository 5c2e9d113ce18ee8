#!/usr/bin/env python3
"""Private message delivery latency with 100 concurrent sessions, and the
CPU an idle session uses.

  bench-messages.py BIN [SESSIONS] [ROUNDS] [--local]

Makes SESSIONS members (default 100) with an SSH key each (`user add
--pubkey`: no password, so no argon2 work) in a temporary database, starts
`BIN serve` on a free loopback port and logs every member in with a real
OpenSSH client in its own pty (80x24): the whole path, session process and
channel pump included. Logins are made one at a time (the listener limits
unauthenticated connections per address). Half the sessions are senders,
half recipients; every pair opens its conversation through the real UI
(i, n, login, Enter).

With --local each session is a `BIN local --user` UI process in a pty
instead (members inserted with sqlite3): the same UI process without the
SSH transport, cheaper on a small machine.

Each round, every sender presses r, types a unique random token and sends
it with Ctrl-X at a random moment within two seconds. The latency is from
writing Ctrl-X to the sender's pty until the token appears in the
recipient's pty output (the sender's commit woke the recipient's UI through
its wake-up FIFO, db-wake.h; it
re-read the conversation and drew it). Prints p50/p95/max.

Then all sessions sit idle for 30 s and the CPU time of their UI processes
(/proc/PID/stat utime+stime; over SSH the session and UI processes of
every connection, not the clients) gives the idle CPU per process.
Figures only: nothing here passes or fails."""
import fcntl, os, pty, random, select, signal, socket, sqlite3, statistics, string, struct
import subprocess, sys, tempfile, termios, time

SSH_MODE = "--local" not in sys.argv
ARGS = [a for a in sys.argv if a != "--local"]
BIN = os.path.abspath(ARGS[1])
N = int(ARGS[2]) if len(ARGS) > 2 else 100
ROUNDS = int(ARGS[3]) if len(ARGS) > 3 else 3
IDLE_SECS = int(os.environ.get("BENCH_IDLE_SECS", "30"))
ROOT = os.path.dirname(BIN)
SCREENS = os.path.join(ROOT, "screens")
tmp = tempfile.mkdtemp(prefix="bench-msg.")
db = os.path.join(tmp, "b.db")
CLK = os.sysconf("SC_CLK_TCK")


def make_members():
    week_ago = int(time.time()) - 7 * 86400
    if not SSH_MODE:
        subprocess.run([BIN, "db", "check", "--db", db], check=True,
                       stdout=subprocess.DEVNULL)
        con = sqlite3.connect(db)
        con.executemany(
            "INSERT INTO users (login, display_name, role, status, created_at, "
            "rules_accepted_at) VALUES (?, ?, 'alumni', 'active', ?, ?)",
            [("u%03d" % i, "Bench Member %03d" % i, week_ago, week_ago) for i in range(N)])
        con.commit()
        con.close()
        return
    # Real accounts with a key each (keys are unique per member).
    for i in range(N):
        key = os.path.join(tmp, "id%03d" % i)
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key], check=True)
        subprocess.run([BIN, "user", "add", "u%03d" % i, "--name", "Bench Member %03d" % i,
                        "--role", "alumni", "--pubkey", key + ".pub", "--db", db],
                       check=True, stdout=subprocess.DEVNULL)
    con = sqlite3.connect(db)
    con.execute("UPDATE users SET created_at = ?, rules_accepted_at = ?", (week_ago, week_ago))
    con.commit()
    con.close()


server = None
port = 0


def start_server():
    global server, port
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    log = open(os.path.join(tmp, "server.log"), "w")
    args = [BIN, "serve", "--port", str(port), "--db", db, "--keys", os.path.join(tmp, "keys")]
    if os.path.isdir(SCREENS):
        args += ["--screens", SCREENS]
    server = subprocess.Popen(args, stdout=log, stderr=log)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


class Session:
    def __init__(self, i):
        self.login = "u%03d" % i
        self.buf = b""
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ["TERM"] = "xterm-256color"
            os.environ["LANG"] = "C.UTF-8"
            os.dup2(os.open(os.path.join(tmp, "ui.log"), os.O_WRONLY | os.O_APPEND |
                            os.O_CREAT), 2)
            if SSH_MODE:
                os.execvp("ssh", ["ssh", "-tt", "-o", "StrictHostKeyChecking=no",
                                  "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                                  "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
                                  "-i", os.path.join(tmp, "id%03d" % i), "-p", str(port),
                                  self.login + "@127.0.0.1"])
            args = [BIN, "local", "--user", self.login, "--db", db]
            if os.path.isdir(SCREENS):
                args += ["--screens", SCREENS]
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


def ui_pids():
    """The processes that serve the sessions: the local UIs, or with --ssh
    the session and UI processes the server forked (not the clients)."""
    if not SSH_MODE:
        return [s.pid for s in sessions]
    out = subprocess.run(["pgrep", "-f", "--", db], capture_output=True, text=True).stdout
    return [int(p) for p in out.split() if int(p) != server.pid]


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
    if SSH_MODE:
        start_server()
    t0 = time.monotonic()
    for i in range(N):
        s = Session(i)
        sessions.append(s)
        by_fd[s.fd] = s
        if SSH_MODE:
            wait_for(s, b"Bench Member", 60)
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
    pids = ui_pids()
    for _ in range(10):
        pump(0.1)
    c0, w0 = cpu_ticks(pids), time.monotonic()
    while time.monotonic() - w0 < IDLE_SECS:
        pump(1.0)
    c1, w1 = cpu_ticks(pids), time.monotonic()
    idle_pct = 100.0 * (c1 - c0) / CLK / (w1 - w0) / len(pids)
    how = ("OpenSSH clients logged in to mentorbbs serve" if SSH_MODE else
           "mentorbbs local UI processes in ptys, no SSH transport")
    print("messages: %d concurrent sessions (%s), started in %.1f s" % (N, how, start_secs))
    if lat:
        print("messages: delivery latency (Ctrl-X on sender -> text on recipient's "
              "screen), %d messages: p50 %.0f ms  p95 %.0f ms  max %.0f ms%s" %
              (len(lat), 1000 * statistics.median(lat), 1000 * pct(lat, 95),
               1000 * max(lat), "  (%d not seen within 30 s)" % lost if lost else ""))
    print("messages: idle CPU over %d s: %.3f%% per process (%d processes, %.2f%% in total)" %
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
    if server is not None:
        server.terminate()
        server.wait()
    # Session processes are their own process sessions: they end when their
    # client goes; give them a moment before the files go.
    time.sleep(1)
    subprocess.run(["rm", "-rf", tmp])
