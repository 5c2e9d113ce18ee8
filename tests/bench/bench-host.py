#!/usr/bin/env python3
"""HOST search latency over a few thousand hosts.

  bench-host.py BIN [HOSTS]

Makes a temporary database with members (written directly with sqlite3: no
password hashing), seeds HOSTS host profiles with `BIN seed-demo --hosts`,
then builds tests/bench/host-search.c against build/libmentorbbs.a and
times db_host_search for typical searches, plus a few hundred open and
accepted requests so the availability subqueries have rows to look at.
Figures only: nothing here passes or fails on time."""
import os, sqlite3, subprocess, sys, tempfile, time

BIN = os.path.abspath(sys.argv[1])
HOSTS = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
lib = os.path.join(root, "build", "libmentorbbs.a")
tmp = tempfile.mkdtemp(prefix="bench-host.")
db = os.path.join(tmp, "h.db")
subprocess.run([BIN, "db", "check", "--db", db], check=True, stdout=subprocess.DEVNULL)
c = sqlite3.connect(db)
members = HOSTS * 2  # made here, not by seed-demo: hence --force below
c.executemany("INSERT INTO users (login, display_name, role, created_at, rules_accepted_at) "
              "VALUES (?, ?, ?, 0, 0)",
              [("m%d" % i, "Member %d" % i, ["alumni", "trainee", "student", "alumni"][i % 4])
               for i in range(members)])
c.commit()
student = c.execute("SELECT id FROM users WHERE role = 'student' LIMIT 1").fetchone()[0]
t0 = time.monotonic()
subprocess.run([BIN, "seed-demo", "--hosts", str(HOSTS), "--force", "--db", db], check=True,
               stdout=subprocess.DEVNULL)
print("seed-demo --hosts %d: %.2f s" % (HOSTS, time.monotonic() - t0))
# Stays that overlap the benchmark dates, so capacity checks count rows.
today = int(time.time()) // 86400
guests = [r[0] for r in c.execute("SELECT id FROM users WHERE role = 'student' LIMIT 300")]
hosts = [r[0] for r in c.execute("SELECT user_id FROM host_profiles LIMIT 600")]
rows = []
for i, h in enumerate(hosts):
    g = guests[i % len(guests)]
    rows.append((h, g, today + 29 + i % 5, today + 32 + i % 5,
                 ["requested", "accepted", "confirmed"][i % 3], 0, 0))
c.executemany("INSERT INTO host_requests (host_id, guest_id, arrive_day, depart_day, purpose, "
              "state, created_at, updated_at) VALUES (?, ?, ?, ?, 'residency', ?, ?, ?)", rows)
c.commit()
c.close()
exe = os.path.join(tmp, "host-search")
cflags = subprocess.run(["pkg-config", "--cflags", "--libs", "libssh", "ncursesw", "sqlite3",
                         "libsodium", "inih", "libseccomp"], capture_output=True, text=True).stdout.split()
subprocess.run(["cc", "-std=c17", "-D_GNU_SOURCE", "-O2", "-iquote", os.path.join(root, "src"),
                os.path.join(root, "tests", "bench", "host-search.c"), lib, "-o", exe]
               + cflags + ["-lutil"], check=True)
subprocess.run([exe, db, str(student), "200"], check=True)
print("database: %.1f MB" % (os.path.getsize(db) / 1e6))
subprocess.run(["rm", "-rf", tmp])
